/**
 * The progress rollups are caches of the events and cards: kept answer by answer (practice
 * answers, undos, simulation decisions, suspensions, re-imports, a deleted pack) they equal
 * the rollups rebuilt from scratch, on random histories.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CardRecord, DecisionRecord, Rating } from '../../../shared/model';
import { parseImportFile } from '../../../shared/import/parse-file';
import { planImport } from '../../../shared/library/plan-import';
import { answerCard } from '../../../shared/schedule/review';
import { makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { checkCollection } from '../../../renderer/features/settings/check-collection';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import type { Repositories } from '../../../renderer/storage/index';
import type { RollupContext } from '../../../renderer/storage/rollup-writes';
import { makeAttempt, openTestDb } from './test-db';

const SAMPLES = path.resolve(import.meta.dirname, '../../../resources/samples');
const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3_600_000;
const settings = normalizeSchedulerSettings({ dayStartHour: 4 });
const context: RollupContext = { scheduler: makeScheduler(settings), dayStartHour: 4, timezoneOffsetMinutes: () => -60 };

let db: KataDb;
let repos: Repositories;
beforeEach(async () => {
  db = await openTestDb('rollups');
  repos = createRepositories(db);
});
afterEach(() => db.close());

async function importSample(file: string, at: number): Promise<string> {
  const parsed = parseImportFile(file, readFileSync(path.join(SAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(file);
  const stored = await repos.packs.get(parsed.pack.meta.id ?? '');
  const previous = stored ? { pack: stored, items: await repos.items.byPack(stored.id), cards: await repos.cards.byPack(stored.id) } : null;
  const plan = planImport(parsed.pack, previous, at);
  await repos.packs.savePackImport(plan.pack, plan.items, plan.cards);
  return plan.pack.id;
}

/** Every rollup, in a stable order, floats rounded (sums built in another order differ in the last bits). */
async function snapshot(): Promise<unknown> {
  const round = (value: unknown): unknown =>
    typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : Array.isArray(value) ? value.map(round) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, round(v)])) : value;
  const days = (await db.dayRollups.toArray()).sort((a, b) => a.day - b.day);
  const weeks = (await db.packWeeks.toArray()).sort((a, b) => a.packId.localeCompare(b.packId) || a.week - b.week);
  const memories = (await db.packMemory.toArray()).sort((a, b) => a.packId.localeCompare(b.packId));
  return round({ days, weeks, memories });
}

type Step =
  | { op: 'answer'; card: number; rating: Rating; ms: number; hours: number }
  | { op: 'undo' }
  | { op: 'decision'; card: number; correct: boolean; hours: number }
  | { op: 'suspend'; card: number }
  | { op: 'reimport' }
  | { op: 'delete' };

const steps = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('answer' as const), card: fc.nat(200), rating: fc.constantFrom<Rating>(1, 2, 3, 4), ms: fc.integer({ min: 0, max: 200_000 }), hours: fc.integer({ min: 0, max: 200 }) }) },
    { weight: 2, arbitrary: fc.constant({ op: 'undo' as const }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('decision' as const), card: fc.nat(200), correct: fc.boolean(), hours: fc.integer({ min: 0, max: 200 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('suspend' as const), card: fc.nat(200) }) },
    { weight: 1, arbitrary: fc.constant({ op: 'reimport' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'delete' as const }) },
  ),
  { minLength: 5, maxLength: 40 },
);

describe('rollups kept answer by answer', () => {
  test('equal the rollups rebuilt from the events and cards (random histories)', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        await Promise.all(db.tables.map((table) => table.clear()));
        await importSample('model-deployment-checklist.md', T0);
        await importSample('feature-drift-response.yaml', T0);
        let clock = T0;
        let ids = 0;
        const answered: string[] = [];
        await repos.attempts.add(makeAttempt('sample-feature-drift', 'run', T0));
        let decisions = 0;
        for (const step of plan as Step[]) {
          const cards = (await repos.cards.all()).sort((a, b) => a.id.localeCompare(b.id));
          const pick = (n: number): CardRecord | undefined => cards[n % Math.max(1, cards.length)];
          if (step.op === 'answer' || step.op === 'decision') clock += step.hours * HOUR;
          if (step.op === 'answer') {
            const card = pick(step.card);
            if (!card) continue;
            const written = await repos.events.answerStored(
              card.id,
              (stored) => answerCard(context.scheduler, stored, step.rating, clock, { id: `e${(ids += 1)}`, durationMs: step.ms, grader: 'self' }),
              context,
            );
            if (written) answered.push(written.event.id);
          } else if (step.op === 'undo') {
            const id = answered.pop();
            if (id && (await repos.events.get(id))) await repos.events.undoAnswer(id, context).catch(() => undefined);
          } else if (step.op === 'decision') {
            const card = pick(step.card);
            const attempt = await repos.attempts.get('run');
            if (!card || attempt?.status !== 'running') continue;
            const decision: DecisionRecord = { step: decisions, answer: 'x', correct: step.correct, shownAt: clock, durationMs: 3_000, hints: [], rating: step.correct ? 3 : 1, cardId: card.id };
            decisions += 1;
            await repos.attempts.recordDecision('run', decision, {
              cardId: card.id,
              answer: (stored) => answerCard(context.scheduler, stored, step.correct ? 3 : 1, clock, { id: `e${(ids += 1)}`, durationMs: 3_000, grader: 'auto', source: 'simulation', correct: step.correct }),
            }, context);
          } else if (step.op === 'suspend') {
            const card = pick(step.card);
            if (!card) continue;
            if (card.suspended) await repos.cards.unsuspend(card.id);
            else await repos.cards.suspend(card.id);
          } else if (step.op === 'reimport') {
            await importSample('model-deployment-checklist.md', clock);
          } else {
            await repos.packs.delete('sample-model-deployment', context);
          }
        }
        const kept = await snapshot();
        await checkCollection(repos, settings, { replay: false, timezoneOffsetMinutes: context.timezoneOffsetMinutes });
        expect(await snapshot()).toEqual(kept);
        expect(await repos.rollups.isStale()).toBe(false);
      }),
      { numRuns: 25, seed: 20261203 },
    );
  });

  test('bulk-added events mark the rollups stale, and a rebuild makes them fresh', async () => {
    await importSample('model-deployment-checklist.md', T0);
    const [card] = await repos.cards.all();
    const { event } = answerCard(context.scheduler, card!, 3, T0 + HOUR, { id: 'bulk', durationMs: 1_000, grader: 'self' });
    await repos.events.addMany([event]);
    expect(await repos.rollups.isStale()).toBe(true);
    expect(await repos.rollups.days()).toEqual([]);
    await checkCollection(repos, settings, { replay: false, timezoneOffsetMinutes: context.timezoneOffsetMinutes });
    expect(await repos.rollups.isStale()).toBe(false);
    expect((await repos.rollups.days()).map((day) => day.drill.answers)).toEqual([1]);
  });
});
