/**
 * What opening the database does when it cannot use it as is: a database from a newer Kata
 * (a schema above every migration known here) is refused with a clear error and left as it
 * was; a migration that throws aborts its upgrade transaction, so the database stays at the
 * previous version with every record as it was, and opens again with the previous code.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Transaction } from 'dexie';
import { MigrationFailedError, NewerDatabaseError, openKataDb } from '../../../renderer/storage/db';
import type { KataDb } from '../../../renderer/storage/db';
import { migrations } from '../../../renderer/storage/migrations/index';
import type { Migration } from '../../../renderer/storage/migrations/migration';
import { createRepositories } from '../../../renderer/storage/index';
import { fakeIdb, makeCard, makeEvent, makeItem, makePack, uniqueDbName } from './test-db';

const latest = migrations[migrations.length - 1]!.version;
const opened: KataDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function open(name: string, list: readonly Migration[] = migrations): Promise<KataDb> {
  const db = await openKataDb(name, { ...fakeIdb, migrations: list });
  opened.push(db);
  return db;
}

async function everything(db: KataDb): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** A collection: one pack with an item, its card and an answer, and a setting. */
async function fill(db: KataDb): Promise<void> {
  const repos = createRepositories(db);
  const card = makeCard('p', 'a');
  await repos.packs.savePackImport(makePack('p', { itemCount: 1, cardCount: 1 }), [makeItem('p', 'a', 0)], [card]);
  await db.events.put(makeEvent(card, 'e1', 2_000));
  await repos.settings.set('theme', 'dark');
}

describe('a database from a newer Kata', () => {
  test('is refused with what happened and what to do, and is left as it was', async () => {
    const name = uniqueDbName('newer');
    const newer: Migration[] = [...migrations, { version: latest + 1, name: `${latest + 1}-future`, stores: { futureThings: 'id' } }];
    const written = await open(name, newer);
    await fill(written);
    await written.table('futureThings').put({ id: 'f1' });
    const before = await everything(written);
    written.close();

    const refusal = await openKataDb(name, fakeIdb).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(NewerDatabaseError);
    expect(refusal).toMatchObject({ found: latest + 1, known: latest });
    expect((refusal as Error).message).toMatch(/newer version of Kata/);
    expect((refusal as Error).message).toMatch(/Nothing was changed or deleted/);

    const again = await open(name, newer);
    expect(again.backendDB().version).toBe((latest + 1) * 10);
    expect(await everything(again)).toEqual(before);
  });
});

describe('a migration that fails', () => {
  test('leaves the database at the previous version with every record as it was', async () => {
    const name = uniqueDbName('failing-migration');
    const current = await open(name);
    await fill(current);
    const before = await everything(current);
    current.close();

    const failing: Migration = {
      version: latest + 1,
      name: `${latest + 1}-failing`,
      stores: { packs: 'id, status, sourcePath', extra: 'id' },
      async upgrade(tx: Transaction) {
        // Half of a rewrite, then a failure: none of it may stay.
        await tx.table('packs').clear();
        await tx.table('events').clear();
        await tx.table('extra').put({ id: 'x' });
        throw new Error('the rewrite found a record it cannot read');
      },
    };
    const failure = await openKataDb(name, { ...fakeIdb, migrations: [...migrations, failing] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect((failure as Error).message).toBe(
      `Kata could not upgrade your library to schema ${latest + 1} (${latest + 1}-failing): the rewrite found a record it cannot read. ` +
        'The upgrade was undone: your library is exactly as the previous version of Kata left it.',
    );

    const previous = await open(name);
    expect(previous.backendDB().version).toBe(latest * 10);
    expect(await everything(previous)).toEqual(before);
    expect(previous.backendDB().objectStoreNames.contains('extra')).toBe(false);
  });
});
