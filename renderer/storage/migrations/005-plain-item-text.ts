import type { Migration } from './migration';
import { LEGACY_TEXT_KEY } from '../legacy-text';

/*
 * SHIPPED MIGRATION: DO NOT EDIT (see 001-initial.ts).
 *
 * Items now hold their plain reading in `text` and an inline tree in `inline` (shared/model.ts);
 * before, `text` (and `rationale`, a CSV `answer`) held inline Markdown source. They are
 * re-derived once, by the importers' own reader (shared/library/legacy-items.ts), rather than
 * tolerated on every read: practice, the re-import diff, matching and check collection then see
 * one shape, and matching on re-import compares plain text with plain text, so an item whose
 * derived id changed with the new reading (`R&amp;D`, an `<a name>` before a step) is still
 * found by its text and keeps its history. No index changes.
 *
 * The reader is remark (a few hundred KB): it must not load with every start of the app, and
 * an upgrade transaction cannot wait for code to load. So this upgrade only marks the items;
 * openKataDb re-derives them, in one transaction, right after the upgrade (legacy-text.ts).
 */
export const migration005: Migration = {
  version: 5,
  name: '005-plain-item-text',
  stores: {
    items: 'key, packId, [packId+order]',
  },
  async upgrade(tx) {
    await tx.table('settings').put({ key: LEGACY_TEXT_KEY, value: true });
  },
};
