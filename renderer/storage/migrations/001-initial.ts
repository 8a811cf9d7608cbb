import type { Migration } from './migration';

/*
 * SHIPPED MIGRATION: DO NOT EDIT. Users' databases were created from exactly this
 * schema; change the schema by adding the next numbered file (002-...) and listing
 * it in ./index.ts. test/renderer/storage/schema.test.ts fails if this changes.
 *
 * Index choices follow the product's queries:
 * - cards `[suspended+due]`: the due queue is one index range [0,-Inf]..[0,now],
 *   already in due order; `[packId+suspended+due]` is the same queue for one pack.
 *   `suspended` is 0|1 because booleans are not valid IndexedDB keys.
 * - cards `packId`, `itemKey`: a pack's cards (re-import, delete), an item's cards.
 * - items `[packId+order]`: a pack's items in reading order without sorting.
 * - events `[cardId+at]`: one card's history in time order (undo, FSRS replay);
 *   `at`: events in a time window; `[packId+at]`: a pack's recent answers (progress).
 * - attempts/assessments `[packId+startedAt]` / `[packId+at]`: a pack's history in order.
 * - packs `status`: the library lists active or archived; `sourcePath`: re-import
 *   finds the pack a watched or re-picked file belongs to.
 * - backups are split: `backups` holds the small listing, `backupTexts` the large
 *   bodies, so listing never reads every backup's text into memory.
 * - migrations: which numbered migrations ran on this database, and when.
 */
export const migration001: Migration = {
  version: 1,
  name: '001-initial',
  stores: {
    packs: 'id, status, sourcePath',
    items: 'key, packId, [packId+order]',
    cards: 'id, packId, itemKey, [suspended+due], [packId+suspended+due]',
    events: 'id, cardId, packId, at, [cardId+at], [packId+at]',
    attempts: 'id, packId, startedAt, [packId+startedAt]',
    assessments: 'id, packId, at, [packId+at]',
    settings: 'key',
    backups: 'id, createdAt',
    backupTexts: 'id',
    migrations: 'version',
  },
};
