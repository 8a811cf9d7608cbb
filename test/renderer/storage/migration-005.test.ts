/**
 * Migration 005 and re-import of a pack stored the old way: items imported before inline
 * trees held Markdown source in `text` (and ids derived from a reading that kept inline
 * HTML). After the upgrade they hold the plain reading and a tree, and importing the same
 * file again with today's parser matches every item (by id, else by text), so every card
 * and answer stays where it was.
 */
import { Dexie } from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { parseImportFile } from '../../../shared/import/parse-file';
import { planImport } from '../../../shared/library/plan-import';
import type { CardRecord, ItemRecord } from '../../../shared/model';
import { migration001 } from '../../../renderer/storage/migrations/001-initial';
import { migration002 } from '../../../renderer/storage/migrations/002-pack-item-index';
import { openKataDb } from '../../../renderer/storage/db';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import { fakeIdb, makeCard, makeEvent, makeItem, makePack, uniqueDbName } from './test-db';

const FILE = `# Key rotation

## Keys
- [ ] <a name="ref-1"></a>Rotate the keys for R&amp;D
- [ ] Ask [the docs admin][rtd] to wait ==24&nbsp;hours==
  > Why: **caches** expire
- [ ] Notify ops

[rtd]: https://example.com/docs
`;

/** The items as the previous version stored them: Markdown source as text, ids from a reading that kept HTML. */
const OLD_ITEMS: ItemRecord[] = [
  { ...makeItem('rotation', 'keys:a-name-ref-1-a-rotate-the-keys-for-r-d', 0), text: '<a name="ref-1"></a>Rotate the keys for R&amp;D', sectionId: 'keys' },
  {
    ...makeItem('rotation', 'keys:ask-the-docs-admin-to-wait-24-hours', 1),
    text: 'Ask [the docs admin][rtd] to wait ==24&nbsp;hours==',
    keyValues: ['24&nbsp;hours'],
    rationale: '**caches** expire',
    sectionId: 'keys',
  },
  { ...makeItem('rotation', 'keys:notify-ops', 2), text: 'Notify ops', sectionId: 'keys' },
];

const OLD_CARDS: CardRecord[] = [
  makeCard('rotation', OLD_ITEMS[0]!.id, { reps: 3, state: 2, due: 9_000 }),
  makeCard('rotation', OLD_ITEMS[1]!.id, { reps: 2, state: 2 }),
  { ...makeCard('rotation', OLD_ITEMS[1]!.id, { reps: 1, state: 2 }), id: `rotation/${OLD_ITEMS[1]!.id}/cloze/0`, kind: 'cloze' },
  { ...makeCard('rotation', OLD_ITEMS[1]!.id, { reps: 1, state: 2 }), id: `rotation/${OLD_ITEMS[1]!.id}/why`, kind: 'why' },
  makeCard('rotation', OLD_ITEMS[2]!.id, { reps: 1, state: 2 }),
  { ...makeCard('rotation', '§keys', { reps: 1, state: 2 }), id: 'rotation/§keys/sequence', kind: 'sequence' },
];

let db: KataDb | undefined;
afterEach(() => db?.close());

async function seedVersion2(name: string): Promise<void> {
  const v2 = new Dexie(name, fakeIdb);
  v2.version(1).stores({ ...migration001.stores });
  v2.version(2).stores({ ...migration002.stores });
  await v2.table('packs').put(makePack('rotation', { title: 'Key rotation', sourceName: 'rotation.md', sections: [{ id: 'keys', title: 'Keys', line: 3 }] }));
  await v2.table('items').bulkPut(OLD_ITEMS);
  await v2.table('cards').bulkPut(OLD_CARDS);
  await v2.table('events').bulkPut(OLD_CARDS.map((card, i) => makeEvent(card, `e${i}`, 5_000 + i)));
  v2.close();
}

test('005 re-derives plain text, trees, key values and rationale of items stored as Markdown source', async () => {
  const name = uniqueDbName('v2-items');
  await seedVersion2(name);
  db = await openKataDb(name, fakeIdb);
  const items = await createRepositories(db).items.byPack('rotation');
  expect(items.map((item) => item.text)).toEqual(['Rotate the keys for R&D', 'Ask the docs admin to wait 24\u00a0hours', 'Notify ops']);
  expect(items[1]!.keyValues).toEqual(['24 hours']);
  expect(items[1]!.rationale).toBe('caches expire');
  expect(items[1]!.rationaleInline?.[0]).toEqual({ type: 'strong', children: [{ type: 'text', value: 'caches' }] });
  expect(items[1]!.inline).toContainEqual({ type: 'link', children: [{ type: 'text', value: 'the docs admin' }] });
  expect(items[0]!.inline).toBeUndefined();
  // Ids and keys are never rewritten: cards and answers point at them.
  expect(items.map((item) => item.id)).toEqual(OLD_ITEMS.map((item) => item.id));
  expect((await db.migrations.toArray()).map((row) => row.name)).toContain('005-plain-item-text');
});

test('re-importing the file after the upgrade keeps every item, card and answer (matching falls back to text)', async () => {
  const name = uniqueDbName('v2-reimport');
  await seedVersion2(name);
  db = await openKataDb(name, fakeIdb);
  const repos = createRepositories(db);
  const parsed = parseImportFile('rotation.md', FILE);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  // Today's reading derives another id for the first step: only its text can find it.
  expect(parsed.pack.items[0]!.id).toBe('keys:rotate-the-keys-for-r-d');
  const stored = { pack: (await repos.packs.get('rotation'))!, items: await repos.items.byPack('rotation'), cards: await repos.cards.byPack('rotation') };
  const plan = planImport(parsed.pack, stored, 20_000);
  expect(plan.diff).toMatchObject({ added: [], changed: [], retired: [], unchanged: 3 });
  expect(plan.items.map((item) => item.id)).toEqual(OLD_ITEMS.map((item) => item.id));
  // No card is new, none is suspended: every spec asks for a card that exists.
  expect(plan.cards.map((card) => card.id)).toEqual([]);
  expect(new Set(plan.specs.map((spec) => spec.id))).toEqual(new Set(OLD_CARDS.map((card) => card.id)));
  await repos.packs.savePackImport(plan.pack, plan.items, plan.cards);
  for (const card of OLD_CARDS) expect((await repos.events.byCard(card.id)).length).toBe(1);
});
