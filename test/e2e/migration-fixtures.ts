/**
 * Migration fixtures: the 'kata' IndexedDB database as an earlier version of Kata wrote it.
 *
 * `scripts/make-migration-fixture.mjs` builds each earlier schema version's own app (from the
 * commit where that version was the newest), and in real Chromium writes a small but
 * representative collection through that app's own screens (`writeCollection`: sample packs
 * imported, cards answered, a setting changed, simulations walked where the version has
 * them), then reads every object store raw (`dumpKataDb`) into
 * test/fixtures/migrations/kata-v<N>.json. test/e2e/migrations.e2e.ts writes a dump back,
 * raw and at its own version (`restoreKataDb`), and opens it with today's app.
 *
 * Values are structured-clone data; JSON cannot hold `undefined`, `NaN`, ±Infinity or a Date,
 * so those are tagged (`{ "$kata": "undefined" }` …) and restored exactly.
 */
import type { Page } from 'playwright-core';
import { gradeAndContinue, importSamples, readStore, respond, waitForNext } from './practice-helpers';
import { decideFromKeyboard, walkFromKeyboard } from './simulate-helpers';

export interface StoreDump {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  /** [key, value] pairs, tagged for JSON. */
  records: [unknown, unknown][];
}

export interface KataDbDump {
  /** Kata's schema version (the Dexie version): the database's IndexedDB version is ten times it. */
  version: number;
  idbVersion: number;
  stores: Record<string, StoreDump>;
}

export interface MigrationFixture extends KataDbDump {
  format: 1;
  /** The commit whose code wrote it, and how. */
  commit: string;
  writtenBy: string;
  /** What the collection holds, for a person reading the file. */
  summary: Record<string, number>;
}

/** The samples every fixture imports (all of them exist since the first schema). */
export const FIXTURE_SAMPLES = ['model-deployment-checklist.md', 'ml-metrics.csv', 'overfitting-diagnosis.mmd', 'inference-outage-runbook.md', 'feature-drift-response.yaml'] as const;

const RATINGS = ['3', '1', '3', '4', '2', '3', '3', '1', '3'] as const;

/**
 * Writes the collection through the app on `page` (its screens only, from the keyboard and
 * mouse, as a person would): imports, answers, the dark theme and, where `simulations`, one
 * finished simulation and one left running.
 */
export async function writeCollection(page: Page, { simulations }: { simulations: boolean }): Promise<void> {
  await importSamples(page, FIXTURE_SAMPLES);

  await page.evaluate(() => (window.location.hash = '#/practice'));
  await page.getByRole('heading', { name: "Today's practice" }).waitFor();
  await page.keyboard.press('Enter');
  let card = await waitForNext(page, -1);
  for (const rating of RATINGS) {
    if (!card) break;
    await respond(page, card);
    card = await gradeAndContinue(page, card, rating);
  }

  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.getByRole('radio', { name: 'Dark' }).check();
  // Saved at once (no Save button): wait until it is stored.
  await page.waitForFunction(() => document.documentElement.getAttribute('data-theme') === 'dark');
  for (let tries = 0; tries < 50; tries += 1) {
    const settings = await readStore<{ key: string; value: unknown }>(page, 'settings');
    if (settings.some((record) => record.key === 'theme' && record.value === 'dark')) break;
    await page.waitForTimeout(100);
  }

  if (simulations) {
    const walk = async (title: string): Promise<void> => {
      await page.evaluate(() => (window.location.hash = '#/simulate'));
      await page.locator('.scenario-list').waitFor();
      await page.locator('.scenario-row', { hasText: title }).getByRole('button', { name: /^Walk/ }).click();
      await page.locator('.briefing').waitFor();
      await page.getByRole('button', { name: 'Start scenario' }).click();
      await page.locator('.run').waitFor();
    };
    await walk('Feature drift alert');
    await walkFromKeyboard(page, 0);
    await page.getByRole('button', { name: 'Back to the list' }).click();
    // A second run with two decisions, left running (as a closed app leaves it).
    await walk('Inference outage runbook');
    await decideFromKeyboard(page);
    await page.keyboard.press('Enter');
    await decideFromKeyboard(page, true);
  }
  // The last decision is written as its feedback shows: wait until the running attempt holds both.
  if (simulations) {
    for (let tries = 0; tries < 50; tries += 1) {
      const attempts = await readStore<{ status: string; decisions: unknown[] }>(page, 'attempts');
      if (attempts.some((attempt) => attempt.status === 'running' && attempt.decisions.length === 2)) break;
      await page.waitForTimeout(100);
    }
  }
}

/** Every object store of the 'kata' database, raw: schema, keys and values (tagged for JSON). */
export async function dumpKataDb(page: Page): Promise<KataDbDump> {
  return page.evaluate(async () => {
    const tag = (value: unknown): unknown => {
      if (value === undefined) return { $kata: 'undefined' };
      if (typeof value === 'number' && !Number.isFinite(value)) return { $kata: 'number', value: String(value) };
      if (value instanceof Date) return { $kata: 'date', value: value.getTime() };
      if (Array.isArray(value)) return value.map(tag);
      if (value !== null && typeof value === 'object') {
        if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`dumpKataDb: cannot dump a ${Object.prototype.toString.call(value)}`);
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tag(v)]));
      }
      return value;
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kata');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const stores: Record<string, unknown> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const indexes = Array.from(store.indexNames).map((indexName) => {
          const index = store.index(indexName);
          return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
        });
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (request) =>
              new Promise<unknown[]>((resolve, reject) => {
                request.onsuccess = () => resolve(request.result as unknown[]);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        stores[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records: keys!.map((key, i) => [tag(key), tag(values![i])]) };
      }
      return { version: db.version / 10, idbVersion: db.version, stores } as KataDbDump;
    } finally {
      db.close();
    }
  });
}

/**
 * Writes a dump into an empty 'kata' database at the dump's own IndexedDB version, raw (no
 * Kata code runs): the database is then byte for byte what that version's app left. Run it on
 * a page of the app's origin that is not the app (so nothing opens the database first).
 */
export async function restoreKataDb(page: Page, dump: KataDbDump): Promise<void> {
  await page.evaluate(async (data) => {
    const untag = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(untag);
      if (value !== null && typeof value === 'object') {
        const tagged = value as { $kata?: string; value?: unknown };
        if (tagged.$kata === 'undefined') return undefined;
        if (tagged.$kata === 'number') return Number(tagged.value);
        if (tagged.$kata === 'date') return new Date(tagged.value as number);
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, untag(v)]));
      }
      return value;
    };
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('kata', data.idbVersion);
      request.onupgradeneeded = () => {
        const db = request.result;
        for (const [name, spec] of Object.entries(data.stores)) {
          const store = db.createObjectStore(name, { keyPath: spec.keyPath, autoIncrement: spec.autoIncrement });
          for (const index of spec.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
          for (const [key, value] of spec.records) {
            if (spec.keyPath === null) store.put(untag(value), untag(key) as IDBValidKey);
            else store.put(untag(value));
          }
        }
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('restoreKataDb: the database is open elsewhere'));
    });
  }, dump);
}

/** Undoes the JSON tags of one dumped value (for comparing a fixture with what is stored now). */
export function untagValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untagValue);
  if (value !== null && typeof value === 'object') {
    const tagged = value as { $kata?: string; value?: unknown };
    if (tagged.$kata === 'undefined') return undefined;
    if (tagged.$kata === 'number') return Number(tagged.value);
    if (tagged.$kata === 'date') return new Date(tagged.value as number);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, untagValue(v)]));
  }
  return value;
}
