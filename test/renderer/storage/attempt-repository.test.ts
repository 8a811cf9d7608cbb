/**
 * Simulation attempts in storage: each decision is one transaction with its review event;
 * finishing updates the pack's summary in the same transaction; the summary rebuilt from
 * the attempts equals the one kept incrementally.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DecisionRecord, SimulationAttempt } from '../../../shared/model';
import { answerCard } from '../../../shared/schedule/review';
import { makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { rebuildStats } from '../../../shared/simulate/simulation-stats';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import type { Repositories } from '../../../renderer/storage/index';
import { makeAttempt, makeCard, makePack, openTestDb } from './test-db';

let db: KataDb;
let repos: Repositories;
beforeEach(async () => {
  db = await openTestDb('attempts');
  repos = createRepositories(db);
});
afterEach(() => db.close());

const scheduler = makeScheduler(normalizeSchedulerSettings());
const decision = (step: number, overrides: Partial<DecisionRecord> = {}): DecisionRecord => ({
  step,
  at: 'q',
  answer: 'a',
  options: ['a', 'b'],
  chosen: 'a',
  correct: true,
  shownAt: 10_000 + step * 5_000,
  durationMs: 2_000,
  hints: [],
  rating: 3,
  cardId: 'p1/q/branch/yes',
  ...overrides,
});

describe('recordDecision', () => {
  it('writes the review event, the card and the decision together', async () => {
    const card = makeCard('p1', 'q', { id: 'p1/q/branch/yes', kind: 'branch' });
    await db.cards.put(card);
    await repos.attempts.add(makeAttempt('p1', 'run', 10_000));
    const { decision: stored, event } = await repos.attempts.recordDecision('run', decision(0), {
      cardId: card.id,
      answer: (current) => answerCard(scheduler, current, 3, 12_000, { id: 'e1', durationMs: 2_000, grader: 'auto', source: 'simulation', correct: true }),
    });
    expect(stored.eventId).toBe('e1');
    expect(event).toMatchObject({ id: 'e1', source: 'simulation', cardId: card.id, rating: 3, kind: 'branch' });
    expect((await db.cards.get(card.id))?.reps).toBe(1);
    const attempt = await repos.attempts.get('run');
    expect(attempt?.decisions).toEqual([stored]);
    expect(attempt?.path).toEqual(['a']);
  });

  it('answers no suspended or missing card, but keeps the decision (without a grade)', async () => {
    await db.cards.put(makeCard('p1', 'q', { id: 'p1/q/branch/yes', kind: 'branch', suspended: 1 }));
    await repos.attempts.add(makeAttempt('p1', 'run', 10_000));
    const build = () => {
      throw new Error('must not be called');
    };
    await repos.attempts.recordDecision('run', decision(0), { cardId: 'p1/q/branch/yes', answer: build });
    await repos.attempts.recordDecision('run', decision(1, { cardId: 'p1/gone/next-step', correct: false, chosen: 'b' }), { cardId: 'p1/gone/next-step', answer: build });
    expect(await db.events.count()).toBe(0);
    const attempt = await repos.attempts.get('run');
    expect(attempt?.decisions.map((d) => [d.eventId, d.rating])).toEqual([[undefined, undefined], [undefined, undefined]]);
    expect(attempt?.path).toEqual(['a', 'b']);
  });

  it('writes nothing when the event cannot be stored (the id is taken)', async () => {
    const card = makeCard('p1', 'q', { id: 'p1/q/branch/yes', kind: 'branch' });
    await db.cards.put(card);
    await repos.attempts.add(makeAttempt('p1', 'run', 10_000));
    const answer = { cardId: card.id, answer: (current: typeof card) => answerCard(scheduler, current, 3, 12_000, { id: 'same', durationMs: 1, grader: 'auto' as const, source: 'simulation' as const }) };
    await repos.attempts.recordDecision('run', decision(0), answer);
    await expect(repos.attempts.recordDecision('run', decision(1), answer)).rejects.toThrow();
    expect((await repos.attempts.get('run'))?.decisions).toHaveLength(1);
    expect((await db.cards.get(card.id))?.reps).toBe(1);
  });

  it('refuses a decision for an attempt that has ended', async () => {
    await repos.attempts.add(makeAttempt('p1', 'run', 10_000, { status: 'abandoned' }));
    await expect(repos.attempts.recordDecision('run', decision(0), undefined)).rejects.toThrow(/abandoned/);
  });
});

describe('finishing and abandoning', () => {
  it('finish stores the results and updates the summary in one go', async () => {
    await repos.attempts.add(makeAttempt('p1', 'run', 10_000, { hiddenPath: ['q', 'a'] }));
    await repos.attempts.finish('run', { finishedAt: 20_000, correct: true, withinTime: true, score: 90, outcome: 'a', outcomeKind: 'ok' });
    expect(await repos.attempts.get('run')).toMatchObject({ status: 'finished', score: 90, outcome: 'a' });
    expect(await repos.attempts.allStats()).toEqual([
      { packId: 'p1', attempts: 1, lastWalkedAt: 20_000, bestScore: 90, results: [{ at: 20_000, level: 1, score: 90, correct: true, hints: 0, withinTime: true }], walked: ['q a'], walkedAt: { 'q->a': 20_000 } },
    ]);
    await expect(repos.attempts.finish('run', { finishedAt: 21_000, correct: true, withinTime: true, score: 100 })).rejects.toThrow(/finished/);
  });

  it('abandonRunning marks what a crash left running, and keeps its decisions', async () => {
    await repos.attempts.add(makeAttempt('p1', 'left', 1_000, { decisions: [decision(0)] }));
    await repos.attempts.add(makeAttempt('p1', 'done', 2_000, { status: 'finished', finishedAt: 3_000 }));
    expect(await repos.attempts.abandonRunning(9_000)).toHaveLength(1);
    expect(await repos.attempts.get('left')).toMatchObject({ status: 'abandoned', finishedAt: 9_000, decisions: [decision(0)] });
    expect((await repos.attempts.get('done'))?.status).toBe('finished');
    expect(await repos.attempts.abandonRunning(9_500)).toEqual([]);
  });

  it('deleting a pack deletes its summary too', async () => {
    await repos.packs.savePackImport(makePack('p1'), [], []);
    await repos.attempts.add(makeAttempt('p1', 'run', 10_000));
    await repos.attempts.finish('run', { finishedAt: 20_000, correct: true, withinTime: true, score: 90 });
    await repos.packs.delete('p1');
    expect(await repos.attempts.allStats()).toEqual([]);
    expect(await repos.attempts.count()).toBe(0);
  });
});

describe('summaries', () => {
  const attempts = fc.array(
    fc.record({
      pack: fc.constantFrom('p1', 'p2'),
      path: fc.array(fc.constantFrom('q', 'a', 'b', 'c'), { minLength: 1, maxLength: 5 }),
      level: fc.constantFrom(1, 2, 3, 4, 5),
      score: fc.integer({ min: 0, max: 100 }),
      status: fc.constantFrom('finished', 'abandoned', 'running'),
      kind: fc.constantFrom('tree', 'checklist'),
    }),
    { maxLength: 12 },
  );

  it('kept incrementally, equal the ones rebuilt from the attempts (random histories)', async () => {
    await fc.assert(
      fc.asyncProperty(attempts, async (list) => {
        await db.attempts.clear();
        await db.simulationStats.clear();
        const stored: SimulationAttempt[] = [];
        for (const [i, spec] of list.entries()) {
          const attempt = makeAttempt(spec.pack, `a${i}`, 1_000 * (i + 1), {
            hiddenPath: spec.path,
            level: spec.level as SimulationAttempt['level'],
            kind: spec.kind as SimulationAttempt['kind'],
            ...(spec.kind === 'checklist' ? { section: spec.path[0] } : {}),
          });
          await repos.attempts.add(attempt);
          if (spec.status === 'finished') await repos.attempts.finish(attempt.id, { finishedAt: attempt.startedAt + 500, correct: true, withinTime: true, score: spec.score });
          if (spec.status === 'abandoned') await repos.attempts.abandon(attempt.id, attempt.startedAt + 500);
          stored.push((await repos.attempts.get(attempt.id)) as SimulationAttempt);
        }
        const incremental = (await repos.attempts.allStats()).sort((a, b) => a.packId.localeCompare(b.packId));
        const rebuilt = ['p1', 'p2'].map((packId) => rebuildStats(packId, stored)).filter((stats) => stats.attempts > 0);
        expect(incremental).toEqual(rebuilt);
        await repos.attempts.rebuildStats();
        const again = (await repos.attempts.allStats()).filter((stats) => stats.attempts > 0).sort((a, b) => a.packId.localeCompare(b.packId));
        expect(again).toEqual(rebuilt);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
