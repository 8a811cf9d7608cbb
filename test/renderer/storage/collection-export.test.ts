/**
 * Collection export and restore over fake-indexeddb: a random collection exported, wiped and
 * restored is the same collection, table by table; a damaged, cut or foreign file is refused with
 * a reason, and the collection, the active pointer and the list of databases stay as they were.
 */
import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { KataDb } from '../../../renderer/storage/db';
import { openKataDb } from '../../../renderer/storage/db';
import { exportCollection } from '../../../renderer/storage/collection-export';
import { checkExport, restoreCollection } from '../../../renderer/storage/collection-restore';
import { ACTIVE_DB_NAME, activeDatabaseName, openActiveKataDb, readPointer } from '../../../renderer/storage/active-db';
import { TABLE_ORDER } from '../../../shared/collection-export/format';
import { CollectionFileError } from '../../../shared/collection-export/read';
import { rebuildStats } from '../../../shared/simulate/simulation-stats';
import { ROLLUPS_STALE_KEY } from '../../../renderer/storage/rollup-stale';
import { migrations } from '../../../renderer/storage/migrations/index';
import { fakeIdb, uniqueDbName } from './test-db';
import { fillRandomCollection } from './random-collection';

const opened: KataDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  // Every test starts with no pointer: the collection is wherever the test opens it.
  for (const info of await fakeIdb.indexedDB.databases()) if (info.name) await deleteNamed(info.name);
});

function deleteNamed(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = fakeIdb.indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function exportText(db: KataDb, pageSize = 7): Promise<string> {
  let text = '';
  for await (const chunk of exportCollection(db, { appVersion: 'test', pageSize, now: () => Date.UTC(2026, 11, 4) })) text += chunk;
  return text;
}

async function* chunksOf(text: string, size = 1_000): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function snapshot(db: KataDb): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLE_ORDER) tables[table] = await db.table(table).orderBy(':id').toArray();
  // `cache.` settings belong to this database's caches, which an export leaves out.
  tables.settings = tables.settings!.filter((record) => !(record as { key: string }).key.startsWith('cache.'));
  return tables;
}

async function databaseNames(): Promise<string[]> {
  return (await fakeIdb.indexedDB.databases()).map((info) => info.name ?? '').sort();
}

async function openActive(): Promise<KataDb> {
  const db = await openActiveKataDb(fakeIdb);
  opened.push(db);
  return db;
}

describe('export → wipe → restore', () => {
  test('gives back the identical collection, every table compared (random collections)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.record({ packs: fc.integer({ min: 0, max: 4 }), itemsPerPack: fc.integer({ min: 0, max: 12 }), eventsPerCard: fc.integer({ min: 0, max: 6 }), attempts: fc.integer({ min: 0, max: 4 }) }),
        async (seed, size) => {
          const source = await openKataDb(uniqueDbName('export-source'), fakeIdb);
          await fillRandomCollection(source, seed, size);
          const before = await snapshot(source);
          const text = await exportText(source);
          source.close();
          await deleteNamed(source.name);

          const current = await openActive();
          const result = await restoreCollection(current, () => chunksOf(text), fakeIdb);
          const restored = await openActive();
          expect(restored.name).toBe(result.name);
          expect(activeDatabaseName()).toBe(result.name);
          expect(await snapshot(restored)).toEqual(before);
          for (const table of TABLE_ORDER) expect(result.summary.counts[table]).toBe(before[table]!.length);
          // The caches the export leaves out: summaries rebuilt, rollups marked for the rebuild.
          const attempts = before.attempts as Parameters<typeof rebuildStats>[1];
          const packIds = [...new Set(attempts.map((a) => a.packId))].sort();
          expect(await restored.simulationStats.orderBy(':id').toArray()).toEqual(packIds.map((id) => rebuildStats(id, attempts)));
          expect((await restored.settings.get(ROLLUPS_STALE_KEY))?.value).toBe(true);
          // The previous database is gone; only the pointer's and the restored one remain.
          expect(await databaseNames()).toEqual([ACTIVE_DB_NAME, result.name].sort());
          restored.close();
          await deleteNamed(restored.name);
          await deleteNamed(ACTIVE_DB_NAME);
        },
      ),
      { numRuns: 12 },
    );
  });

  test('a restore is itself exportable to the same file (apart from its time)', async () => {
    const current = await openActive();
    await fillRandomCollection(current, 99, { packs: 2, itemsPerPack: 5, eventsPerCard: 3, attempts: 2 });
    const text = await exportText(current);
    await restoreCollection(current, () => chunksOf(text, 37), fakeIdb);
    const restored = await openActive();
    expect(await exportText(restored, 3)).toBe(text);
  });
});

describe('a bad file is refused and nothing changes', () => {
  async function setUp() {
    const current = await openActive();
    await fillRandomCollection(current, 7, { packs: 2, itemsPerPack: 6, eventsPerCard: 3, attempts: 2 });
    const text = await exportText(current);
    return { current, text, before: await snapshot(current), names: await databaseNames(), pointer: await readPointer(fakeIdb) };
  }

  async function expectRefused(file: string, reason: RegExp): Promise<void> {
    const { current, before, names, pointer } = state!;
    await expect(checkExport(() => chunksOf(file))).rejects.toThrow(reason);
    const refusal = restoreCollection(current, () => chunksOf(file), fakeIdb);
    await expect(refusal).rejects.toBeInstanceOf(CollectionFileError);
    await expect(refusal).rejects.toThrow(reason);
    expect(await snapshot(current)).toEqual(before);
    expect(await databaseNames()).toEqual(names);
    expect(await readPointer(fakeIdb)).toEqual(pointer);
  }

  let state: Awaited<ReturnType<typeof setUp>> | undefined;

  test('truncated: cut before the trailer, in the middle of a line, or empty', async () => {
    state = await setUp();
    const lines = state.text.trimEnd().split('\n');
    await expectRefused(`${lines.slice(0, -1).join('\n')}\n`, /ends early/);
    await expectRefused(state.text.slice(0, Math.floor(state.text.length / 2)), /ends early|damaged/);
    await expectRefused(`${lines[0]}\n`, /ends early/);
    await expectRefused('', /empty/);
  });

  test('corrupt: a changed value, a damaged line, wrong counts, a record of the wrong shape, a line too many', async () => {
    state = await setUp();
    const lines = state.text.trimEnd().split('\n');
    const eventLine = lines.findIndex((line) => line.startsWith('{"t":"events"'));
    const edited = [...lines];
    edited[eventLine] = edited[eventLine]!.replace(/"rating":\d/, '"rating":4').replace(/"durationMs":(\d)/, '"durationMs":9$1');
    await expectRefused(`${edited.join('\n')}\n`, /checksum/);
    const damaged = [...lines];
    damaged[eventLine] = damaged[eventLine]!.slice(0, 30);
    await expectRefused(`${damaged.join('\n')}\n`, new RegExp(`Line ${eventLine + 1} is damaged`));
    const trailer = JSON.parse(lines[lines.length - 1]!) as { counts: Record<string, number> };
    trailer.counts.events! += 1;
    await expectRefused(`${[...lines.slice(0, -1), JSON.stringify(trailer)].join('\n')}\n`, /holds \d+ records of events but has/);
    const wrongShape = [...lines];
    wrongShape[eventLine] = JSON.stringify({ t: 'events', r: { ...(JSON.parse(lines[eventLine]!) as { r: object }).r, rating: 7 } });
    await expectRefused(`${wrongShape.join('\n')}\n`, new RegExp(`Line ${eventLine + 1}: a record of events is not valid \\(rating`));
    await expectRefused(`${state.text}${lines[1]}\n`, /goes on after its end/);
    const reordered = [lines[0], ...lines.slice(1, -1).reverse(), lines[lines.length - 1]];
    await expectRefused(`${reordered.join('\n')}\n`, /rearranged/);
  });

  test('foreign: a settings backup, a Dexie export, JSON of something else, not text at all, a newer format', async () => {
    state = await setUp();
    await expectRefused('{\n  "format": "kata-backup",\n  "formatVersion": 1\n}\n', /not a Kata collection export/);
    await expectRefused('{"format":"kata-backup","formatVersion":1,"contents":{"settings":{}}}\n', /settings backup/);
    await expectRefused('{"formatName":"dexie","formatVersion":1,"data":{}}\n', /Dexie/);
    await expectRefused('[1,2,3]\n', /not a Kata collection export/);
    await expectRefused('\u0000\u0001PK\u0003\u0004 binary', /not JSON/);
    const newer = state.text.replace('"formatVersion":1', '"formatVersion":2');
    await expectRefused(newer, /newer Kata \(format version 2/);
    const current = migrations[migrations.length - 1]!.version;
    await expectRefused(state.text.replace(`"schemaVersion":${current}`, `"schemaVersion":${current + 1}`), new RegExp(`newer Kata \\(database version ${current + 1}`));
  });

  test('a file that fails half-way through being read leaves the previous collection active', async () => {
    state = await setUp();
    const text = state.text;
    async function* failing(): AsyncGenerator<string> {
      yield text.slice(0, Math.floor(text.length * 0.7));
      throw new Error('the disk went away');
    }
    await expect(restoreCollection(state.current, failing, fakeIdb)).rejects.toThrow('the disk went away');
    expect(await snapshot(state.current)).toEqual(state.before);
    expect(await databaseNames()).toEqual(state.names);
    expect(await readPointer(fakeIdb)).toEqual(state.pointer);
  });
});

describe('the backup before a migration', () => {
  async function backupOnUpgrade(options: Parameters<typeof openActiveKataDb>[0]): Promise<{ text: string; opened: Promise<KataDb> }> {
    let text = '';
    const opened = openActiveKataDb({
      ...fakeIdb,
      ...options,
      beforeUpgrade: async (onDisk) => {
        for await (const chunk of exportCollection(onDisk, { appVersion: 'old' })) text += chunk;
      },
    });
    await opened.catch(() => undefined);
    return { text, opened };
  }

  test('is made from the database as it was, and restores to what the upgrade made of it', async () => {
    const { migrations } = await import('../../../renderer/storage/migrations/index');
    const old = await openKataDb('kata', { ...fakeIdb, migrations: migrations.slice(0, 3) });
    await fillRandomCollection(old, 5, { packs: 2, itemsPerPack: 4, eventsPerCard: 3, attempts: 2 });
    old.close();
    const { text, opened } = await backupOnUpgrade({});
    const upgraded = await opened;
    expect(JSON.parse(text.slice(0, text.indexOf('\n'))).schemaVersion).toBe(3);
    const expected = await snapshot(upgraded);
    await restoreCollection(upgraded, () => chunksOf(text), fakeIdb);
    const restored = await openActive();
    expect(restored.verno).toBe(migrations.at(-1)!.version);
    expect(await snapshot(restored)).toEqual(expected);
  });

  test('stays restorable when the migration fails, and the collection stays as it was', async () => {
    const { migrations } = await import('../../../renderer/storage/migrations/index');
    const current = await openKataDb('kata', fakeIdb);
    await fillRandomCollection(current, 6, { packs: 2, itemsPerPack: 4, eventsPerCard: 3, attempts: 2 });
    const before = await snapshot(current);
    current.close();
    const broken = { version: 99, name: '099-broken', stores: { packs: 'id, status, sourcePath' }, upgrade: async () => Promise.reject(new Error('the migration broke')) };
    const { text, opened } = await backupOnUpgrade({ migrations: [...migrations, broken] });
    await expect(opened).rejects.toThrow();
    const reopened = await openActive();
    expect(reopened.verno).toBe(migrations.at(-1)!.version);
    expect(await snapshot(reopened)).toEqual(before);
    await restoreCollection(reopened, () => chunksOf(text), fakeIdb);
    expect(await snapshot(await openActive())).toEqual(before);
  });
});
