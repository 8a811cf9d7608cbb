/**
 * The simulate store against a fake-indexeddb Kata database and the real parsers and
 * engine: the list of walkable packs; a run stores its attempt at once and each decision
 * with a `simulation` review event on the card that asks the same thing; finishing
 * updates the pack's summary; a crash keeps the decisions and marks the attempt abandoned;
 * the debrief (and its take-away) is there after a reload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseImportFile } from '../../../../shared/import/parse-file';
import { planImport } from '../../../../shared/library/plan-import';
import { optionsShown } from '../../../../shared/simulate/run';
import type { KataDb } from '../../../../renderer/storage/db';
import { createRepositories } from '../../../../renderer/storage/index';
import type { Repositories } from '../../../../renderer/storage/index';
import { createSimulateStore } from '../../../../renderer/state/simulate/simulate-store';
import type { SimulateStore } from '../../../../renderer/state/simulate/simulate-store';
import { openTestDb } from '../../storage/test-db';
import { failCommitsWithQuota } from '../../storage/quota-fault';
import { quotaMessage } from '../../../../renderer/state/write-failure';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../resources/samples');
const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

let db: KataDb;
let repos: Repositories;
let clock: number;
let ids: number;

function makeStore(): SimulateStore {
  return createSimulateStore(repos, {
    settings: () => ({ dayStartHour: 4 }),
    now: () => clock,
    timezoneOffsetMinutes: () => 0,
    newId: () => `id-${(ids += 1)}`,
    newSeed: () => 4242,
  });
}

async function importSample(fileName: string): Promise<string> {
  const parsed = parseImportFile(fileName, readFileSync(path.join(SAMPLES, fileName), 'utf8'));
  if (!parsed.ok) throw new Error(`${fileName}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const plan = planImport(parsed.pack, null, T0);
  await repos.packs.savePackImport(plan.pack, plan.items, plan.cards);
  return plan.pack.id;
}

/** Makes every decision of the run on screen: right ones, except the `wrong`-th (0-based). */
async function walk(store: SimulateStore, wrong = -1): Promise<void> {
  for (let n = 0; store.getState().status === 'running'; n += 1) {
    const run = store.getState().run!;
    const step = run.scenario.steps[run.state.step]!;
    clock += 4_000;
    const options = optionsShown(run.state);
    if (options) await store.getState().choose(n === wrong ? options.find((id) => id !== step.answer)! : step.answer);
    else {
      await store.getState().recall(n === wrong ? 'no idea' : run.state.texts[step.answer]!);
      if (store.getState().run?.state.phase.name === 'confirming') await store.getState().confirm(n !== wrong);
    }
    clock += 1_000;
    await store.getState().next();
  }
}

beforeEach(async () => {
  db = await openTestDb('simulate-store');
  repos = createRepositories(db);
  clock = T0 + 3_600_000;
  ids = 0;
});
afterEach(() => db.close());

describe('the list', () => {
  test('lists trees and checklists, not question packs, and suggests one rare incident for the day', async () => {
    await importSample('feature-drift-response.yaml');
    await importSample('ml-metrics.csv');
    await importSample('data-quality-checklist.md');
    const store = makeStore();
    await store.getState().load();
    const { entries } = store.getState();
    expect(entries.map((entry) => entry.title)).toEqual(['Feature drift alert', 'Data quality checklist']);
    expect(entries[0]?.coverage).toMatchObject({ walked: 0, total: 4, truncated: false });
    // The incident arrives after the list; the rare, high-criticality tree wins today.
    await expect.poll(() => store.getState().incident).toMatchObject({ packId: 'sample-feature-drift' });
    await expect.poll(() => store.getState().entries[0]?.outcomeTexts?.['rollback-source']).toBe('Roll back the upstream change and backfill the affected partitions');
    // The scaffold comes from the pack's place on the ladder, measured after the list shows.
    await expect.poll(() => store.getState().entries[0]?.ladder).toEqual({ level: 1, name: 'Observe' });
    expect(store.getState().entries[0]?.suggestedLevel).toBe(1);
    // The same all day: remembered, not drawn again.
    expect(await repos.settings.get('simulate.incidentOfDay', null)).toMatchObject({ pick: { packId: 'sample-feature-drift' } });
  });
});

describe('a run', () => {
  test('stores the attempt at once, each decision with its review event, and the summary at the end', async () => {
    const packId = await importSample('feature-drift-response.yaml');
    const store = makeStore();
    await store.getState().load();
    await store.getState().brief(packId);
    store.getState().setLevel(2);
    store.getState().setConfidence(0.7);
    await store.getState().start();
    const run = store.getState().run!;
    expect(await repos.attempts.get(run.attemptId)).toMatchObject({ status: 'running', level: 2, confidence: 0.7, seed: 4242, hiddenPath: run.scenario.hiddenPath });
    await walk(store, 0);
    expect(store.getState().status).toBe('debrief');
    const attempt = await repos.attempts.get(run.attemptId);
    expect(attempt).toMatchObject({ status: 'finished', correct: false, withinTime: true, outcome: run.scenario.outcome });
    expect(attempt!.decisions).toHaveLength(run.scenario.steps.length);
    expect(attempt!.decisions[0]!.correct).toBe(false);
    // One memory model: each decision answered the card that asks the same thing.
    const events = await repos.events.byPack(packId);
    expect(events.map((event) => event.cardId)).toEqual(run.scenario.steps.map((step) => step.cardId));
    expect(events.every((event) => event.source === 'simulation')).toBe(true);
    expect(events.map((event) => event.rating)[0]).toBe(1);
    expect(attempt!.decisions.map((d) => d.eventId)).toEqual(events.map((event) => event.id));
    for (const event of events) expect((await repos.cards.get(event.cardId))?.reps).toBe(1);
    const [stats] = await repos.attempts.allStats();
    expect(stats).toMatchObject({ packId, attempts: 1, bestScore: attempt!.score, lastWalkedAt: attempt!.finishedAt });
  });

  test('a checklist run answers each blanked step’s own card', async () => {
    const packId = await importSample('inference-outage-runbook.md');
    const store = makeStore();
    await store.getState().brief(packId);
    store.getState().setLevel(4);
    store.getState().setSection('all');
    await store.getState().start();
    const { scenario } = store.getState().run!;
    expect(scenario.steps.every((step) => step.blank)).toBe(true);
    await walk(store);
    const events = await repos.events.byPack(packId);
    expect(new Set(events.map((event) => event.cardId))).toEqual(new Set(scenario.steps.map((step) => step.cardId)));
    expect(store.getState().debrief?.result.correct).toBe(true);
  });

  test('a crash keeps the decisions made; the attempt is marked abandoned, not lost', async () => {
    const packId = await importSample('inference-outage-runbook.md');
    const first = makeStore();
    await first.getState().brief(packId);
    first.getState().setLevel(1);
    first.getState().setSection('all');
    await first.getState().start();
    const run = first.getState().run!;
    const step = run.scenario.steps[run.state.step]!;
    await first.getState().choose(optionsShown(run.state)?.[0] ?? step.answer);
    await first.getState().next();
    // The app is gone: a new store over the same database.
    const second = makeStore();
    await second.getState().load();
    const attempt = await repos.attempts.get(run.attemptId);
    expect(attempt?.status).toBe('abandoned');
    expect(attempt?.decisions).toHaveLength(1);
    expect(await repos.events.count()).toBe(1);
  });

  test('abandoning keeps the decisions and goes back to the list', async () => {
    const packId = await importSample('feature-drift-response.yaml');
    const store = makeStore();
    await store.getState().brief(packId);
    await store.getState().start();
    const run = store.getState().run!;
    await store.getState().choose(run.scenario.steps[0]!.answer);
    await store.getState().abandon();
    expect(store.getState().status).toBe('list');
    expect(await repos.attempts.get(run.attemptId)).toMatchObject({ status: 'abandoned' });
    expect((await repos.attempts.get(run.attemptId))?.decisions).toHaveLength(1);
  });
});

describe('the debrief', () => {
  test('keeps the reaction and take-away, is there after a reload, and retries the same scenario', async () => {
    const packId = await importSample('feature-drift-response.yaml');
    const store = makeStore();
    await store.getState().brief(packId);
    await store.getState().start();
    await walk(store);
    const { attempt, scenario } = store.getState().debrief!;
    await store.getState().saveReaction('  Went fine  ');
    await store.getState().saveReflection('Check the change log first.');
    const reloaded = makeStore();
    await reloaded.getState().openDebrief(attempt.id);
    expect(reloaded.getState().debrief?.attempt).toMatchObject({ reaction: 'Went fine', reflection: 'Check the change log first.' });
    expect(reloaded.getState().debrief?.scenario).toEqual(scenario);
    await reloaded.getState().retry();
    expect(reloaded.getState().run?.scenario).toEqual(scenario);
    expect(reloaded.getState().run?.attemptId).not.toBe(attempt.id);
  });
});

describe('a full disk', () => {
  test('a decision that cannot be stored says so, stores none of it, and is stored once there is room', async () => {
    const packId = await importSample('feature-drift-response.yaml');
    const store = makeStore();
    await store.getState().load();
    await store.getState().brief(packId);
    await store.getState().start();
    const run = store.getState().run!;
    const step = run.scenario.steps[run.state.step]!;
    const restore = failCommitsWithQuota(['attempts']);
    try {
      clock += 4_000;
      const options = optionsShown(run.state);
      if (options) await store.getState().choose(step.answer);
      else await store.getState().recall(run.state.texts[step.answer]!);
      if (store.getState().run?.state.phase.name === 'confirming') await store.getState().confirm(true);
      await expect.poll(() => store.getState().run?.saving).toBe(false);
      expect(store.getState().run?.error).toBe(quotaMessage('This decision'));
      expect((await repos.attempts.get(run.attemptId))?.decisions).toEqual([]);
      expect(await repos.events.count()).toBe(0);
    } finally {
      restore();
    }
    await store.getState().next();
    expect((await repos.attempts.get(run.attemptId))?.decisions).toHaveLength(1);
    expect(await repos.events.count()).toBe(1);
  });

  test('runs a closed app left running are told on the list, with their decisions', async () => {
    const packId = await importSample('inference-outage-runbook.md');
    const first = makeStore();
    await first.getState().load();
    await first.getState().brief(packId);
    await first.getState().start();
    const run = first.getState().run!;
    const step = run.scenario.steps[run.state.step]!;
    const options = optionsShown(run.state);
    if (options) await first.getState().choose(step.answer);
    else await first.getState().recall(run.state.texts[step.answer]!);
    if (first.getState().run?.state.phase.name === 'confirming') await first.getState().confirm(true);
    await expect.poll(() => first.getState().run?.stored).toBe(true);
    // The app closes here; the next start finds the run.
    const next = makeStore();
    await next.getState().load();
    expect(next.getState().notice).toBe(
      'A scenario was interrupted when Kata closed: Inference outage runbook (1 decision kept). It is recorded as abandoned; every decision made is kept.',
    );
    expect((await repos.attempts.get(run.attemptId))?.status).toBe('abandoned');
    await next.getState().brief(packId);
    expect(next.getState().notice).toBeUndefined();
  });
});
