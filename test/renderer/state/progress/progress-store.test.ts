/**
 * The progress store against a fake-indexeddb Kata database, with real imports, answers and
 * simulations: it builds the report from the rollups and summaries, rebuilds stale rollups
 * first, records each pack's level when it changes, and keeps self-ratings and targets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseImportFile } from '../../../../shared/import/parse-file';
import { planImport } from '../../../../shared/library/plan-import';
import { answerCard } from '../../../../shared/schedule/review';
import { makeScheduler, normalizeSchedulerSettings } from '../../../../shared/schedule/scheduler-settings';
import { checkCollection } from '../../../../renderer/features/settings/check-collection';
import type { KataDb } from '../../../../renderer/storage/db';
import { createRepositories } from '../../../../renderer/storage/index';
import type { Repositories } from '../../../../renderer/storage/index';
import { createProgressStore } from '../../../../renderer/state/progress/progress-store';
import type { ProgressStore } from '../../../../renderer/state/progress/progress-store';
import { makeAttempt, openTestDb } from '../../storage/test-db';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../resources/samples');
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1, 10);
const settings = normalizeSchedulerSettings({ dayStartHour: 4 });
const scheduler = makeScheduler(settings);

let db: KataDb;
let repos: Repositories;
let clock: number;
let rebuilds: number;
let store: ProgressStore;

async function importSample(file: string): Promise<string> {
  const parsed = parseImportFile(file, readFileSync(path.join(SAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(file);
  const plan = planImport(parsed.pack, null, T0);
  await repos.packs.savePackImport(plan.pack, plan.items, plan.cards);
  return plan.pack.id;
}

/** A finished simulation of `packId` at `at`. */
async function simulation(packId: string, id: string, at: number, overrides: Parameters<typeof makeAttempt>[3] = {}): Promise<void> {
  await repos.attempts.add(makeAttempt(packId, id, at - 60_000, { level: 3, confidence: 0.8, ...overrides }));
  await repos.attempts.finish(id, { finishedAt: at, correct: true, withinTime: true, score: 100 });
}

beforeEach(async () => {
  db = await openTestDb('progress-store');
  repos = createRepositories(db);
  clock = T0 + 40 * DAY;
  rebuilds = 0;
  let ids = 0;
  store = createProgressStore(repos, {
    settings: () => settings,
    now: () => clock,
    timezoneOffsetMinutes: () => 0,
    newId: () => `a${(ids += 1)}`,
    rebuildRollups: async (onProgress) => {
      rebuilds += 1;
      await checkCollection(repos, settings, { replay: false, timezoneOffsetMinutes: () => 0, onProgress: (p) => onProgress(p.done, p.total) });
    },
  });
});
afterEach(() => db.close());

describe('the progress report', () => {
  test('places each pack on the ladder from its answers and simulations, and records the level', async () => {
    const tree = await importSample('feature-drift-response.yaml');
    const checklist = await importSample('data-quality-checklist.md');
    // A month of drill answers on the checklist, and three unaided simulations of the tree on three days.
    const cards = await repos.cards.byPack(checklist);
    for (let day = 0; day < 30; day += 3) {
      for (const card of cards.slice(0, 5)) {
        await repos.events.answerStored(card.id, (stored) => answerCard(scheduler, stored, 3, T0 + day * DAY, { id: `${card.id}@${day}`, durationMs: 4_000, grader: 'self' }));
      }
    }
    for (const [i, daysAgo] of [3, 2, 1].entries()) await simulation(tree, `s${i}`, clock - daysAgo * DAY);

    await store.getState().load();
    const { report, status } = store.getState();
    expect(status).toBe('ready');
    const byId = new Map(report!.packs.map((pack) => [pack.packId, pack]));
    expect(byId.get(tree)?.independence).toMatchObject({ successes: 3, days: 3 });
    // Simulations alone do not make Assisted: the tree's cards were never drilled, so recall is unmeasured.
    expect(byId.get(tree)?.placement.level).toBe(2);
    expect(byId.get(tree)?.placement.next).toMatch(/some practice of its cards, to measure your recall/);
    expect(byId.get(checklist)?.accuracy.drill.answers).toBeGreaterThan(0);
    expect(report!.calendar.filter((day) => day.answers > 0).length).toBe(10);
    expect(report!.person.n).toBe(3);
    expect(rebuilds).toBe(0);
    // Levels are recorded once, and again only when they change.
    await expect.poll(async () => (await repos.rollups.levels()).length).toBe(2);
    await store.getState().load();
    expect((await repos.rollups.levels()).length).toBe(2);
    await expect.poll(() => store.getState().weakest?.length).toBeGreaterThan(0);
  });

  test('rebuilds stale rollups before reading them', async () => {
    const checklist = await importSample('data-quality-checklist.md');
    const [card] = await repos.cards.byPack(checklist);
    const { event } = answerCard(scheduler, card!, 3, T0 + DAY, { id: 'bulk', durationMs: 2_000, grader: 'self' });
    await repos.events.addMany([event]);
    await store.getState().load();
    expect(rebuilds).toBe(1);
    expect(store.getState().report?.calendar.some((day) => day.answers === 1)).toBe(true);
    expect(await repos.rollups.isStale()).toBe(false);
  });

  test("names a weak sequence card by its section's words, and gives every walkable pack its coverage", async () => {
    const checklist = await importSample('model-deployment-checklist.md');
    const tree = await importSample('feature-drift-response.yaml');
    const sequence = (await repos.cards.byPack(checklist)).find((card) => card.kind === 'sequence')!;
    await repos.events.answerStored(sequence.id, (stored) => answerCard(scheduler, stored, 1, T0 + DAY, { id: 'seq', durationMs: 9_000, grader: 'auto' }));
    await store.getState().load();
    await expect.poll(() => store.getState().weakest?.length).toBeGreaterThan(0);
    const pack = await repos.packs.get(checklist);
    const sectionId = sequence.itemKey.split('/§')[1];
    const title = pack!.sections.find((section) => section.id === sectionId)?.title ?? pack!.title;
    expect(store.getState().weakest!.find((item) => item.cardId === sequence.id)?.text).toBe(`The steps of “${title}”, in order`);
    expect(store.getState().coverage[checklist]).toEqual({ kind: 'sections', walked: 0, total: pack!.sections.length });
    expect(store.getState().coverage[tree]).toMatchObject({ kind: 'paths', coverage: { walked: 0, truncated: false } });
  });

  test('keeps self-ratings and targets beside the measure', async () => {
    const tree = await importSample('feature-drift-response.yaml');
    await store.getState().rate(tree, 3, ' I think I know it ');
    await store.getState().setTarget(tree, { level: 4, by: clock + 42 * DAY });
    const pack = store.getState().report!.packs.find((p) => p.packId === tree)!;
    expect(pack.selfRating).toMatchObject({ level: 3, note: 'I think I know it' });
    expect(pack.target).toEqual({ level: 4, by: clock + 42 * DAY });
    expect(pack.projection).toEqual({ kind: 'none', reason: 'Not enough practice yet to project.' });
    await store.getState().setTarget(tree, null);
    expect(store.getState().report!.packs.find((p) => p.packId === tree)!.target).toBeUndefined();
  });
});
