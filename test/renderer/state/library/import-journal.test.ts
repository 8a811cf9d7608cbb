/**
 * The import journal: each pack's own transaction marks its file written, a finished import
 * clears the journal, and a journal left by an import Kata did not finish is told at the next
 * start (which files are in, whole, and which are not) and then forgotten.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { KataDb } from '../../../../renderer/storage/db';
import { createRepositories } from '../../../../renderer/storage/index';
import type { Repositories } from '../../../../renderer/storage/index';
import { createLibraryStore } from '../../../../renderer/state/library/library-store';
import { describeInterruptedImport } from '../../../../renderer/state/library/import-session';
import { makePack, openTestDb } from '../../storage/test-db';

let db: KataDb;
let repos: Repositories;

beforeEach(async () => {
  db = await openTestDb('import-journal');
  repos = createRepositories(db);
});
afterEach(() => db.close());

const checklist = (title: string) => `---\ntitle: ${title}\n---\n## Steps\n- [ ] Check the ${title} dashboard\n- [ ] Page the ${title} owner\n`;

describe('import journal', () => {
  test("a pack's import transaction marks its own file written, and only that one", async () => {
    await repos.importJournal.begin(5, [
      { fileName: 'a.md', packId: 'a' },
      { fileName: 'b.md', packId: 'b' },
    ]);
    await repos.packs.savePackImport(makePack('b'), [], [], 1);
    expect(await repos.importJournal.read()).toEqual({
      startedAt: 5,
      files: [
        { fileName: 'a.md', packId: 'a', written: false },
        { fileName: 'b.md', packId: 'b', written: true },
      ],
    });
  });

  test('a finished import leaves no journal', async () => {
    const store = createLibraryStore(repos, { now: () => 1_000 });
    await store.getState().load();
    await store.getState().startImport([
      { name: 'one.md', bytes: 80, text: checklist('one') },
      { name: 'two.md', bytes: 80, text: checklist('two') },
    ]);
    await store.getState().confirmImport('all');
    expect(await db.packs.count()).toBe(2);
    expect(await repos.importJournal.read()).toBeUndefined();
  });

  test('a journal left by an interrupted import is told once at start, then forgotten', async () => {
    await repos.importJournal.begin(5, [
      { fileName: 'one.md', packId: 'one' },
      { fileName: 'two.md', packId: 'two' },
      { fileName: 'three.md', packId: 'three' },
    ]);
    await repos.packs.savePackImport(makePack('one'), [], [], 0);
    const store = createLibraryStore(repos);
    await store.getState().load();
    expect(store.getState().notice).toEqual({
      tone: 'error',
      text:
        'The last import was interrupted when Kata closed. Imported in full: one.md. ' +
        'Not imported (nothing of them was saved): two.md, three.md. Import them again.',
    });
    expect(await repos.importJournal.read()).toBeUndefined();
    const again = createLibraryStore(repos);
    await again.getState().load();
    expect(again.getState().notice).toBeUndefined();
  });

  test('the notice names the files whichever side they fall on', () => {
    expect(describeInterruptedImport([{ fileName: 'x.md', written: true }])).toBe('The last import was interrupted when Kata closed. Imported in full: x.md.');
    expect(describeInterruptedImport([{ fileName: 'y.md', written: false }])).toBe(
      'The last import was interrupted when Kata closed. Not imported (nothing of it was saved): y.md. Import it again.',
    );
  });
});
