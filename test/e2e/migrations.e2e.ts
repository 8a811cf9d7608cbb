/**
 * Today's app opens every database an earlier Kata wrote, with nothing lost: each committed
 * fixture (test/fixtures/migrations/kata-v<N>.json, written through that version's own app by
 * scripts/make-migration-fixture.mjs) is put back raw at its own version in real Chromium,
 * then the app is opened on it. Every record of every store is still there, and what the
 * migrations change is exactly what they promise: packs gain their item index (002), items
 * their plain reading (005, re-derived by the importers' reader), nothing else moves. Every
 * migration runs on at least one fixture. A database from a newer Kata is refused on the
 * start-up failure screen, and left as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { packItemIndex } from '../../shared/library/item-index';
import { upgradeLegacyItem } from '../../shared/library/legacy-items';
import type { ItemRecord, PackRecord, SimulationAttempt } from '../../shared/model';
import { migrations } from '../../renderer/storage/migrations/index';
import type { OpenedApp } from './fixture';
import { REPO_ROOT, openApp } from './fixture';
import type { KataDbDump, MigrationFixture } from './migration-fixtures';
import { restoreKataDb, untagValue } from './migration-fixtures';
import { readStore } from './practice-helpers';

const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'migrations');
const LATEST = migrations[migrations.length - 1]!.version;

function loadFixtures(): MigrationFixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => /^kata-v\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(path.join(FIXTURES_DIR, name), 'utf8')) as MigrationFixture)
    .sort((a, b) => a.version - b.version);
}

/** A fixture store's records as values (tags undone). */
function recordsOf<T>(fixture: MigrationFixture, store: string): T[] {
  return (fixture.stores[store]?.records ?? []).map(([, value]) => untagValue(value) as T);
}

const fixtures = loadFixtures();
/** Migrations that ran on some fixture (recorded by the upgrade itself). */
const ran = new Set<number>();

describe.each(fixtures.map((fixture) => [fixture.version, fixture] as const))('a database written by schema %i', (version, fixture) => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('opens with today\u2019s app, every record kept and each change the migrations make exactly as promised', async () => {
    app = await openApp({ hash: '#/library', beforeApp: (page) => restoreKataDb(page, fixture) });
    const { page } = app;
    await page.locator('.pack-panel .pack-title').first().waitFor();

    // Nothing lost: every key of every store the old version wrote is still there.
    for (const [store, dump] of Object.entries(fixture.stores)) {
      const keyPath = dump.keyPath;
      if (dump.records.length === 0 || keyPath === null) continue;
      const stored = await readStore<Record<string, unknown>>(page, store);
      const keyOf = (record: Record<string, unknown>): string =>
        JSON.stringify(Array.isArray(keyPath) ? keyPath.map((part) => record[part]) : record[keyPath]);
      const keys = new Set(stored.map(keyOf));
      const lost = recordsOf<Record<string, unknown>>(fixture, store).filter((record) => !keys.has(keyOf(record)));
      expect(lost, store).toEqual([]);
    }

    const oldPacks = recordsOf<PackRecord>(fixture, 'packs');
    const oldItems = recordsOf<ItemRecord>(fixture, 'items');
    // Packs: unchanged, but for the item index migration 002 adds from the items as they were.
    const packs = await readStore<PackRecord>(page, 'packs');
    expect(packs).toHaveLength(oldPacks.length);
    for (const old of oldPacks) {
      const expected = version < 2 ? { ...old, itemIndex: packItemIndex(oldItems.filter((item) => item.packId === old.id)) } : old;
      expect(packs.find((pack) => pack.id === old.id), old.id).toEqual(expected);
    }
    // Items: re-derived by the importers' reader where migration 005 had to (its plain reading), else unchanged.
    const items = await readStore<ItemRecord>(page, 'items');
    expect(items).toHaveLength(oldItems.length);
    const packOf = new Map(oldPacks.map((pack) => [pack.id, pack]));
    for (const old of oldItems) {
      const expected = version < 5 ? upgradeLegacyItem(old, packOf.get(old.packId)!) : old;
      expect(items.find((item) => item.key === old.key), old.key).toEqual(expected);
    }
    // Cards, answers and simulations: exactly as written.
    for (const store of ['cards', 'events', 'attempts', 'assessments', 'simulationStats', 'dayRollups', 'packWeeks', 'packMemory', 'levelHistory']) {
      if (!fixture.stores[store]) continue;
      const byKey = (records: Record<string, unknown>[]) => [...records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(byKey(await readStore(page, store)), store).toEqual(byKey(recordsOf(fixture, store)));
    }
    // Settings: every one kept (migrations may add their own marks).
    const settings = await readStore<{ key: string; value: unknown }>(page, 'settings');
    for (const old of recordsOf<{ key: string; value: unknown }>(fixture, 'settings')) {
      expect(settings.find((record) => record.key === old.key), old.key).toEqual(old);
    }
    // Each later migration ran, recorded by its own upgrade; the old records are kept.
    const records = await readStore<{ version: number; name: string; appliedAt: number }>(page, 'migrations');
    expect(records.map((record) => record.version).sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version));
    for (const old of recordsOf<{ version: number }>(fixture, 'migrations')) expect(records).toContainEqual(old);
    for (const record of records) if (record.version > version) ran.add(record.version);

    // The app works on it: the packs listed, the practice and progress screens open, the theme as chosen.
    expect((await page.locator('.pack-panel .pack-title').allTextContents()).length).toBe(oldPacks.filter((pack) => pack.status === 'active').length);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    await app.goto('#/practice');
    await page.getByRole('heading', { name: "Today's practice" }).waitFor();
    await app.goto('#/progress');
    // A run the old app left running is marked abandoned when Simulate opens, its decisions kept.
    const running = recordsOf<SimulationAttempt>(fixture, 'attempts').filter((attempt) => attempt.status === 'running');
    if (running.length > 0) {
      await app.goto('#/simulate');
      await page.locator('.notice-line').waitFor();
      const attempts = await readStore<SimulationAttempt>(page, 'attempts');
      for (const old of running) {
        expect(attempts.find((attempt) => attempt.id === old.id)).toMatchObject({ status: 'abandoned', decisions: old.decisions });
      }
    }
    expect(app.problems).toEqual([]);
  });
});

describe('migration coverage', () => {
  afterAll(() => {
    // Every migration after the first ran on at least one fixture: a new migration needs a fixture of the version before it.
    expect([...ran].sort((a, b) => a - b)).toEqual(migrations.slice(1).map((m) => m.version));
  });
  test('there is a fixture for the version before every migration', () => {
    const versions = new Set(fixtures.map((fixture) => fixture.version));
    const missing = migrations.slice(1).filter((m, i) => !versions.has(migrations[i]!.version));
    expect(missing.map((m) => m.name)).toEqual([]);
  });
});

describe('a database from a newer Kata', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('is refused on the start-up screen with what happened and what to do, and left as it was', async () => {
    const current = fixtures.find((fixture) => fixture.version === LATEST) ?? fixtures[fixtures.length - 1]!;
    // The same collection as a future Kata would leave it: one schema up, with a table of its own.
    const future: KataDbDump = {
      version: LATEST + 1,
      idbVersion: (LATEST + 1) * 10,
      stores: { ...current.stores, futureThings: { keyPath: 'id', autoIncrement: false, indexes: [], records: [['f1', { id: 'f1' }]] } },
    };
    app = await openApp({ hash: '#/library', beforeApp: (page) => restoreKataDb(page, future) });
    const { page } = app;
    await page.getByRole('heading', { name: 'This library needs a newer Kata' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(`its database is at schema ${LATEST + 1}; this version of Kata knows schema ${LATEST} and older`);
    expect(text).toContain('Nothing was changed or deleted. Open it with that newer version of Kata.');
    expect(await page.getByRole('button', { name: 'Reload' }).count()).toBe(0);
    // Left as it was: the version, the future table and every pack.
    const state = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
          const request = indexedDB.open('kata');
          request.onsuccess = () => {
            const db = request.result;
            resolve({ version: db.version, stores: Array.from(db.objectStoreNames) });
            db.close();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(state.version).toBe((LATEST + 1) * 10);
    expect(state.stores).toContain('futureThings');
    expect(await readStore(page, 'packs')).toHaveLength(current.stores.packs!.records.length);
    // The refusal is logged once, and nothing else went wrong.
    expect(app.problems.filter((problem) => !problem.includes('Kata could not start'))).toEqual([]);
  });
});
