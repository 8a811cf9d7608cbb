/** Eras of FSRS parameters: recorded on a change, looked up per answer, read back from storage. */
import { describe, expect, it } from 'vitest';
import { answerCard } from '../../../shared/schedule/review';
import { checkCard } from '../../../shared/schedule/replay';
import { fsrsParametersOf, normalizeHistory, schedulerAt, withChange } from '../../../shared/schedule/scheduler-history';
import { DEFAULT_SCHEDULER_SETTINGS, makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { CardRecord, ReviewEvent } from '../../../shared/model';
import { newCardState } from '../../../shared/schedule/card-state';

const base = normalizeSchedulerSettings(DEFAULT_SCHEDULER_SETTINGS);
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

describe('withChange', () => {
  it('records nothing when no FSRS parameter changes (limits, day start and grading are not parameters)', () => {
    expect(withChange([], base, { ...base, newCardsPerDay: 5, dayStartHour: 2, gradingMode: 'pass-fail' }, T0)).toBeNull();
  });

  it('the first change records what was in force before it, from the epoch; later ones add an era', () => {
    const first = withChange([], base, { ...base, desiredRetention: 0.85 }, T0)!;
    expect(first).toEqual([
      { from: 0, parameters: fsrsParametersOf(base) },
      { from: T0, parameters: fsrsParametersOf({ ...base, desiredRetention: 0.85 }) },
    ]);
    const second = withChange(first, { ...base, desiredRetention: 0.85 }, { ...base, desiredRetention: 0.85, learningSteps: ['5m'] }, T0 + DAY)!;
    expect(second).toHaveLength(3);
    expect(second[2]).toEqual({ from: T0 + DAY, parameters: fsrsParametersOf({ ...base, desiredRetention: 0.85, learningSteps: ['5m'] }) });
    // A second change in the same millisecond replaces the first.
    expect(withChange(second, base, { ...base, enableFuzz: false }, T0 + DAY)).toHaveLength(3);
  });
});

describe('schedulerAt and replay', () => {
  it('answers given under two sets of parameters replay exactly with the history', () => {
    const lower = { ...base, desiredRetention: 0.75, maximumIntervalDays: 30 };
    const history = withChange([], base, lower, T0 + 10 * DAY)!;
    const events: ReviewEvent[] = [];
    let card: CardRecord = { id: 'c', packId: 'p', itemKey: 'p/i', kind: 'qa', suspended: 0, buriedUntil: 0, createdAt: T0, ...newCardState(T0) };
    for (const [n, at] of [T0 + DAY, T0 + 3 * DAY, T0 + 12 * DAY, T0 + 40 * DAY].entries()) {
      const scheduler = at < T0 + 10 * DAY ? makeScheduler(base) : makeScheduler(lower);
      const answer = answerCard(scheduler, card, 3, at, { id: `e${n}`, durationMs: 1, grader: 'self' });
      card = answer.card;
      events.push(answer.event);
    }
    expect(checkCard(schedulerAt(history, lower), card, events)).toEqual({ ok: true });
    // The last answer was given under the lower retention: replayed with the earlier one, its due date differs.
    expect(checkCard(makeScheduler(base), card, events).ok).toBe(false);
    // Before the first era (and with no history at all) the current settings are used.
    expect(schedulerAt([], lower)(T0).parameters.request_retention).toBe(0.75);
  });
});

describe('normalizeHistory', () => {
  it('keeps well-formed eras in time order, normalizing their parameters, and drops the rest', () => {
    const stored = [
      { from: 20, parameters: { desiredRetention: 0.8 } },
      'junk',
      { from: 'x', parameters: {} },
      { from: 0, parameters: { desiredRetention: 5 } },
    ];
    const eras = normalizeHistory(stored);
    expect(eras.map((era) => era.from)).toEqual([0, 20]);
    expect(eras[0]!.parameters.desiredRetention).toBe(0.99);
    expect(eras[1]!.parameters.learningSteps).toEqual(base.learningSteps);
    expect(normalizeHistory(undefined)).toEqual([]);
  });
});
