/**
 * A restore killed half-way loses nothing: Chromium on a persistent profile (started by hand, so
 * the test holds its process) imports a pack and answers cards; a large collection export is
 * chosen in Settings and its restore begins; while the records stream into the staging database
 * the whole browser is killed with SIGKILL. Started again on the same profile, the app opens the
 * previous collection — every card and answer as before — usable for practice, with the
 * half-restored database swept away and the backup made before the restore listed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ExportTable } from '../../shared/collection-export/format';
import { encodeCollection } from '../../shared/collection-export/write';
import type { OpenedApp } from './fixture';
import { makeProfileDir, openApp, waitForApp, webOrigin } from './fixture';
import type { Launched } from './chromium-process';
import { killHard, launchChromium } from './chromium-process';
import { gradeAndContinue, importSamples, readKataDb, respond, waitForNext } from './practice-helpers';

const ANSWERS = 3;
/** Enough answers that the restore is still streaming when the kill comes. */
const FILE_EVENTS = 60_000;

/** A large, valid collection export, generated without a database. */
async function largeExport(file: string, events: number = FILE_EVENTS): Promise<void> {
  const state = { due: 0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 0, lapses: 0, state: 0 };
  const pages: Partial<Record<ExportTable, () => unknown[][]>> = {
    packs: () => [[{ id: 'big', title: 'Restored pack', kind: 'qa', format: 'csv', sourceName: 'big.csv', status: 'active', createdAt: 1, importedAt: 1, itemCount: 1, cardCount: 1, sections: [], edges: [], meta: { tags: [] } }]],
    events: () =>
      Array.from({ length: Math.ceil(events / 5_000) }, (_, p) =>
        Array.from({ length: Math.min(5_000, events - p * 5_000) }, (_, i) => ({ id: `e${p * 5_000 + i}`, cardId: 'big/q/qa', packId: 'big', rating: 3, at: 1_700_000_000_000 + (p * 5_000 + i) * 60_000, durationMs: 2_000, hintsUsed: 0, grader: 'self', source: 'drill', before: state })),
      ),
  };
  const chunks: string[] = [];
  for await (const chunk of encodeCollection(
    {
      schemaVersion: 5,
      count: async (table) => (pages[table]?.() ?? []).reduce((sum, page) => sum + page.length, 0),
      pages: async function* (table) {
        yield* pages[table]?.() ?? [];
      },
    },
    { appVersion: 'test' },
  )) chunks.push(chunk);
  await writeFile(file, chunks.join(''));
}

describe('restore fault (chromium)', () => {
  let launched: Launched | undefined;
  let reopened: OpenedApp | undefined;
  const cleanup: string[] = [];

  afterEach(async () => {
    if (launched && launched.process.exitCode === null && launched.process.signalCode === null) await killHard(launched);
    await reopened?.close();
    for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
    launched = reopened = undefined;
  });

  test('SIGKILL of the browser during a restore leaves the previous collection intact and usable', async () => {
    const profile = await makeProfileDir();
    const files = await mkdtemp(path.join(tmpdir(), 'kata-restore-file-'));
    cleanup.push(profile, files);
    const big = path.join(files, 'big.kata.ndjson');
    await largeExport(big);

    launched = await launchChromium(profile);
    const context = launched.browser.contexts()[0] ?? (await launched.browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${await webOrigin()}/index.html#/library`);
    await waitForApp(page);
    await importSamples(page, ['model-deployment-checklist.md']);
    await page.evaluate(() => (window.location.hash = '#/practice'));
    await page.getByRole('heading', { name: "Today's practice" }).waitFor();
    await page.keyboard.press('Enter');
    let card = await waitForNext(page, -1);
    for (let n = 0; n < ANSWERS; n += 1) {
      if (!card) throw new Error(`the session ended after ${n} answers`);
      await respond(page, card);
      card = await gradeAndContinue(page, card, '3');
    }
    const before = await readKataDb(page);
    expect(before.events).toHaveLength(ANSWERS);

    await page.evaluate(() => (window.location.hash = '#/settings'));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from a file…' }).click();
    // Over CDP the file's bytes travel to the browser: give a large one time.
    await (await chooser).setFiles(big, { timeout: 120_000 });
    await page.getByRole('heading', { name: 'Restore big.kata.ndjson?' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('group', { name: 'Restore big.kata.ndjson?' }).textContent()).toContain(`${new Intl.NumberFormat('en-US').format(FILE_EVENTS)} answers`);
    await page.getByRole('button', { name: 'Replace my collection with this one' }).click();
    // Killed while the records stream into the staging database: some written, not all.
    await page.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Restore progress"]');
        return bar !== null && bar.value > 0 && bar.value < bar.max;
      },
      undefined,
      { timeout: 60_000, polling: 20 },
    );
    expect(problems).toEqual([]);
    await killHard(launched);
    launched = undefined;

    reopened = await openApp({ userDataDir: profile, hash: '#/library' });
    const after = await readKataDb(reopened.page);
    expect(after.events).toEqual(before.events);
    expect(after.cards).toEqual(before.cards);
    const databases = await reopened.page.evaluate(async () => (await indexedDB.databases()).map((info) => info.name));
    expect(databases.filter((name) => name?.startsWith('kata-restore-'))).toEqual([]);
    // Usable: the pack is there and practice starts.
    await reopened.goto('#/practice');
    await reopened.page.keyboard.press('Enter');
    expect(await waitForNext(reopened.page, -1)).not.toBeNull();
    // And the backup made before the restore is listed, to restore by hand if wanted.
    await reopened.goto('#/settings');
    await reopened.page.getByRole('cell', { name: 'kata-before-restore' }).first().waitFor();
    expect(reopened.problems).toEqual([]);
  }, 240_000);

  test('a restore that completes: after the reload the collection is the file’s, and the previous one is gone', async () => {
    const files = await mkdtemp(path.join(tmpdir(), 'kata-restore-file-'));
    cleanup.push(files);
    const small = path.join(files, 'small.kata.ndjson');
    await largeExport(small, 2_500);
    reopened = await openApp({ hash: '#/library' });
    const { page } = reopened;
    await importSamples(page, ['model-deployment-checklist.md']);
    await reopened.goto('#/settings');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from a file…' }).click();
    await (await chooser).setFiles(small);
    await page.getByRole('button', { name: 'Replace my collection with this one' }).click();
    // The app reloads on the restored collection.
    await page.waitForEvent('load', { timeout: 60_000 });
    await reopened.goto('#/library');
    await page.getByText('Restored pack').first().waitFor();
    const held = await page.evaluate(async () => {
      const open = (name: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const get = <T,>(db: IDBDatabase, store: string, query: IDBValidKey | null, all: boolean) =>
        new Promise<T>((resolve, reject) => {
          const os = db.transaction(store, 'readonly').objectStore(store);
          const request = all ? os.getAll() : query === null ? os.count() : os.get(query);
          request.onsuccess = () => resolve(request.result as T);
          request.onerror = () => reject(request.error);
        });
      const pointerDb = await open('kata-active');
      const pointer = await get<{ name: string }>(pointerDb, 'pointer', 'active', false);
      pointerDb.close();
      const db = await open(pointer.name);
      const events = await get<number>(db, 'events', null, false);
      const packs = await get<{ title: string }[]>(db, 'packs', null, true);
      db.close();
      return { name: pointer.name, events, titles: packs.map((pack) => pack.title), databases: (await indexedDB.databases()).map((info) => info.name).sort() };
    });
    expect(held.events).toBe(2_500);
    expect(held.titles).toEqual(['Restored pack']);
    expect(held.name).toMatch(/^kata-restore-/);
    expect(held.databases).toEqual(['kata-active', held.name].sort());
    expect(reopened.problems).toEqual([]);
  }, 240_000);
});
