/**
 * Guards the rule "a schema change is a new numbered migration, never an edit":
 * schema-snapshot.json is the committed record of every shipped version's stores.
 * Adding a migration means adding its entry there, deliberately, in the same change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../renderer/storage/migrations/index';
import { migration001 } from '../../../renderer/storage/migrations/001-initial';
import type { Migration } from '../../../renderer/storage/migrations/migration';
import { DB_NAME, KataDb, openKataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import { fakeIdb, makeCard, makeEvent, makeItem, makePack, openTestDb, uniqueDbName } from './test-db';

type Stores = Record<string, string | null>;
const snapshot = JSON.parse(
  readFileSync(new URL('./schema-snapshot.json', import.meta.url), 'utf8'),
) as Record<string, Stores>;
const migrationsDir = new URL('../../../renderer/storage/migrations/', import.meta.url);

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Table name -> [primary key, ...indexes] as Dexie spells them, after applying every migration. */
function cumulativeSchema(list: readonly Migration[]): Record<string, string[]> {
  const tables: Record<string, string[]> = {};
  for (const m of list) {
    for (const [table, spec] of Object.entries(m.stores)) {
      if (spec === null) delete tables[table];
      else tables[table] = spec.split(',').map((s) => s.trim());
    }
  }
  return tables;
}

describe('schema history', () => {
  it('keeps the database name', () => {
    expect(DB_NAME).toBe('kata');
  });

  it('has strictly increasing integer versions', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions.length).toBeGreaterThan(0);
    versions.forEach((v, i) => {
      expect(Number.isInteger(v)).toBe(true);
      if (i > 0) expect(v).toBeGreaterThan(versions[i - 1]);
    });
  });

  it('lists every numbered migration file, named after its version', () => {
    const files = readdirSync(migrationsDir)
      .filter((f) => /^\d{3}-.+\.ts$/.test(f))
      .sort();
    expect(files.map((f) => f.replace(/\.ts$/, ''))).toEqual(migrations.map((m) => m.name));
    for (const m of migrations) expect(m.name.startsWith(String(m.version).padStart(3, '0') + '-')).toBe(true);
  });

  it('matches the committed snapshot for every shipped version (edit a migration -> fail)', () => {
    for (const m of migrations) {
      expect(snapshot[String(m.version)], `snapshot entry for version ${m.version}`).toBeDefined();
      expect(m.stores, `stores of ${m.name}`).toEqual(snapshot[String(m.version)]);
    }
  });

  it('has a snapshot entry for the latest version and none for unknown ones', () => {
    const latest = migrations[migrations.length - 1].version;
    expect(Object.keys(snapshot)).toContain(String(latest));
    expect(Object.keys(snapshot).map(Number).sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version));
  });

  it('rejects migrations that do not increase', () => {
    const twice = [migration001, { ...migration001, name: '001-again' }];
    expect(() => new KataDb(uniqueDbName('bad'), { ...fakeIdb, migrations: twice })).toThrow(/increase/);
  });
});

describe('opening the database', () => {
  it('creates exactly the declared tables and indexes', async () => {
    const name = uniqueDbName('shape');
    opened.push(await openKataDb(name, fakeIdb));
    // A Dexie with no declared version opens whatever is on disk and reports it.
    const raw = new Dexie(name, fakeIdb);
    opened.push(raw);
    await raw.open();
    const actual = Object.fromEntries(
      raw.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]),
    );
    const expected = cumulativeSchema(migrations);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const [table, specs] of Object.entries(expected)) {
      expect([...actual[table]].sort(), table).toEqual([...specs].sort());
    }
  });

  it('records every migration in the migrations table', async () => {
    const before = Date.now();
    const db = await openTestDb('record');
    opened.push(db);
    const rows = await db.migrations.orderBy('version').toArray();
    expect(rows.map((r) => [r.version, r.name])).toEqual(migrations.map((m) => [m.version, m.name]));
    for (const row of rows) expect(row.appliedAt).toBeGreaterThanOrEqual(before);
    expect(db.verno).toBe(migrations[migrations.length - 1].version);
  });
});

describe('upgrading an existing database', () => {
  /** Writes data the way a version-1 install would have, with a Dexie that knows only version 1. */
  async function seedVersion1(name: string): Promise<void> {
    const v1 = new Dexie(name, fakeIdb);
    v1.version(1).stores({ ...migration001.stores });
    const card = makeCard('p1', 'a', { due: 5_000, reps: 2, state: 2 });
    await v1.table('packs').put(makePack('p1'));
    await v1.table('items').put(makeItem('p1', 'a', 0));
    await v1.table('cards').put(card);
    await v1.table('events').put(makeEvent(card, 'e1', 4_000));
    await v1.table('settings').put({ key: 'retention', value: 0.9 });
    v1.close();
  }

  async function expectSeedIntact(db: KataDb): Promise<void> {
    const repos = createRepositories(db);
    expect((await repos.packs.get('p1'))?.title).toBe('Pack p1');
    expect((await repos.items.byPack('p1')).map((i) => i.id)).toEqual(['a']);
    expect((await repos.cards.get('p1/a/next-step'))?.due).toBe(5_000);
    expect((await repos.events.byCard('p1/a/next-step')).map((e) => e.id)).toEqual(['e1']);
    expect(await repos.settings.get('retention', 0)).toBe(0.9);
  }

  it('opens a version-1 database written by another Dexie without losing data', async () => {
    const name = uniqueDbName('v1');
    await seedVersion1(name);
    const db = await openKataDb(name, fakeIdb);
    opened.push(db);
    await expectSeedIntact(db);
  });

  it('runs a newer migration on old data, keeps the data and records the migration', async () => {
    const name = uniqueDbName('v2');
    await seedVersion1(name);
    const migration002: Migration = {
      version: 2,
      name: '002-test-card-kind-index',
      stores: { cards: `${migration001.stores.cards}, kind` },
      upgrade: async (tx) => {
        await tx.table('settings').put({ key: 'upgradedCards', value: await tx.table('cards').count() });
      },
    };
    const db = await openKataDb(name, { ...fakeIdb, migrations: [migration001, migration002] });
    opened.push(db);
    expect(db.verno).toBe(2);
    await expectSeedIntact(db);
    expect(await db.cards.where('kind').equals('next-step').count()).toBe(1);
    expect(await createRepositories(db).settings.get('upgradedCards', 0)).toBe(1);
    // Version 1 was installed by the other Dexie, so only the migration that ran here is recorded.
    expect((await db.migrations.toArray()).map((r) => r.version)).toEqual([2]);
  });

  it('002 gives every pack the item index imports now write (reading order, changed items, retired left out)', async () => {
    const name = uniqueDbName('v1-index');
    const v1 = new Dexie(name, fakeIdb);
    v1.version(1).stores({ ...migration001.stores });
    await v1.table('packs').bulkPut([makePack('p1'), makePack('p2')]);
    await v1.table('items').bulkPut([
      makeItem('p1', 'c', 2),
      makeItem('p1', 'a', 0),
      { ...makeItem('p1', 'b', 1), changedAt: 7_000 },
      { ...makeItem('p1', 'gone', 3), retired: true, changedAt: 6_000 },
      makeItem('p2', 'x', 0),
    ]);
    v1.close();
    const db = await openKataDb(name, fakeIdb);
    opened.push(db);
    expect((await db.packs.get('p1'))?.itemIndex).toEqual({ order: ['a', 'b', 'c'], changedAt: { b: 7_000 } });
    expect((await db.packs.get('p2'))?.itemIndex).toEqual({ order: ['x'], changedAt: {} });
    expect((await db.packs.get('p1'))?.title).toBe('Pack p1');
  });

  it('adds the newer migration to the record of a database Kata created', async () => {
    const name = uniqueDbName('v1-kata');
    (await openKataDb(name, { ...fakeIdb, migrations: [migration001] })).close();
    const migration002: Migration = { version: 2, name: '002-test', stores: { notes: 'id' } };
    const db = await openKataDb(name, { ...fakeIdb, migrations: [migration001, migration002] });
    opened.push(db);
    expect((await db.migrations.orderBy('version').toArray()).map((r) => r.name)).toEqual(['001-initial', '002-test']);
  });
});

describe('003: simulation attempts', () => {
  it('converts attempts of the old shape, indexes their status and builds each pack’s summary', async () => {
    const name = uniqueDbName('v2-attempts');
    const v2 = new Dexie(name, fakeIdb);
    v2.version(1).stores({ ...migration001.stores });
    v2.version(2).stores({ packs: 'id, status, sourcePath' });
    await v2.table('packs').put(makePack('p1'));
    await v2.table('attempts').bulkPut([
      { id: 'old-done', packId: 'p1', seed: 3, startedAt: 1_000, finishedAt: 2_000, outcome: 'ok', hintsUsed: 1, correct: true, withinTime: true, confidence: 0.6, path: ['q', 'a'], reflection: 'Check PSI first' },
      { id: 'old-open', packId: 'p1', seed: 4, startedAt: 3_000, hintsUsed: 0, correct: false, withinTime: false, path: ['q'] },
    ]);
    v2.close();
    const db = await openKataDb(name, fakeIdb);
    opened.push(db);
    const done = await db.attempts.get('old-done');
    expect(done).toMatchObject({ status: 'finished', hiddenPath: ['q', 'a'], decisions: [], level: 1, confidence: 0.6, reflection: 'Check PSI first', outcomeKind: 'ok', correct: true });
    expect(await db.attempts.where('status').equals('abandoned').primaryKeys()).toEqual(['old-open']);
    expect(await db.simulationStats.get('p1')).toMatchObject({ packId: 'p1', attempts: 1, lastWalkedAt: 2_000, walked: ['q a'], walkedAt: { 'q->a': 2_000 } });
    expect((await db.migrations.toArray()).map((r) => r.name)).toContain('003-simulation-attempts');
  });
});

describe('004: progress rollups', () => {
  it('adds the rollup tables and marks the rollups of existing answers for a rebuild', async () => {
    const name = uniqueDbName('v3-rollups');
    const v3 = new KataDb(name, { ...fakeIdb, migrations: migrations.filter((m) => m.version <= 3) });
    await v3.open();
    const card = makeCard('p1', 'a', { due: 5_000, reps: 2, state: 2 });
    await v3.cards.put(card);
    await v3.events.put(makeEvent(card, 'e1', 4_000));
    v3.close();
    const db = await openKataDb(name, fakeIdb);
    opened.push(db);
    const repos = createRepositories(db);
    expect(await repos.rollups.isStale()).toBe(true);
    expect(await repos.rollups.days()).toEqual([]);
    expect(await db.packWeeks.count()).toBe(0);
    expect((await repos.events.byCard(card.id)).map((e) => e.id)).toEqual(['e1']);
  });
});
