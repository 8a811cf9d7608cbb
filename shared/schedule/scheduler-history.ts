/**
 * Which FSRS parameters were in force when. An answer is scheduled with the
 * parameters of its moment; replaying it later ("Check collection") must use the
 * same ones, or a change of retention, maximum interval, fuzz or steps would show
 * as drift on every card answered before it. Events do not carry the parameters
 * (they rarely change): the settings keep this list of eras instead, one added
 * with each change.
 */
import type { FSRS } from 'ts-fsrs';
import type { SchedulerSettings } from './scheduler-settings';
import { makeScheduler, normalizeSchedulerSettings } from './scheduler-settings';

/** The settings ts-fsrs schedules with (the others are limits and display). */
export type FsrsParameters = Pick<
  SchedulerSettings,
  'desiredRetention' | 'maximumIntervalDays' | 'enableFuzz' | 'learningSteps' | 'relearningSteps' | 'weights'
>;

/** Parameters in force from `from` (epoch ms) until the next era's `from`. */
export interface SchedulerEra {
  from: number;
  parameters: FsrsParameters;
}

/** Eras, oldest first; empty when the parameters never changed. */
export type SchedulerHistory = readonly SchedulerEra[];

/** The settings key the history is stored under (the app's settings store, a collection export). */
export const SCHEDULER_HISTORY_KEY = 'schedulerHistory';

/** The FSRS parameters of (stored, possibly partial or out-of-range) settings, normalized. */
export function fsrsParametersOf(settings: Partial<Record<keyof SchedulerSettings, unknown>>): FsrsParameters {
  const { desiredRetention, maximumIntervalDays, enableFuzz, learningSteps, relearningSteps, weights } = normalizeSchedulerSettings(settings);
  return {
    desiredRetention,
    maximumIntervalDays,
    enableFuzz,
    learningSteps: [...learningSteps],
    relearningSteps: [...relearningSteps],
    weights: weights === null ? null : [...weights],
  };
}

/** Whether two sets of FSRS parameters schedule alike (the same values, weights compared one by one). */
export function sameParameters(a: FsrsParameters, b: FsrsParameters): boolean {
  const sameSteps = (x: readonly unknown[], y: readonly unknown[]): boolean => x.length === y.length && x.every((step, i) => step === y[i]);
  const sameWeights = a.weights === null || b.weights === null ? a.weights === b.weights : sameSteps(a.weights, b.weights);
  return (
    a.desiredRetention === b.desiredRetention &&
    a.maximumIntervalDays === b.maximumIntervalDays &&
    a.enableFuzz === b.enableFuzz &&
    sameSteps(a.learningSteps, b.learningSteps) &&
    sameSteps(a.relearningSteps, b.relearningSteps) &&
    sameWeights
  );
}

/**
 * The history after the settings changed from `before` to `after` at `at`, or
 * null when the change leaves the FSRS parameters as they were. The first change
 * also records what was in force before it, from the epoch on.
 */
export function withChange(
  history: SchedulerHistory,
  before: Partial<SchedulerSettings>,
  after: Partial<SchedulerSettings>,
  at: number,
): SchedulerEra[] | null {
  const previous = fsrsParametersOf(before);
  const next = fsrsParametersOf(after);
  if (sameParameters(previous, next)) return null;
  const eras = history.length === 0 ? [{ from: 0, parameters: previous }] : [...history];
  // Two changes in the same millisecond: the later one is what was in force.
  while (eras.length > 0 && (eras[eras.length - 1] as SchedulerEra).from >= at) eras.pop();
  eras.push({ from: at, parameters: next });
  return eras;
}

/** A scheduler, or which one was in force at a time (what replay asks for each answer). */
export type SchedulerSource = FSRS | ((at: number) => FSRS);

/**
 * The scheduler in force at each time: the era's, or `current`'s for times
 * before any era (and for every time when the history is empty).
 */
export function schedulerAt(history: SchedulerHistory, current: Partial<SchedulerSettings>): (at: number) => FSRS {
  const fallback = makeScheduler(current);
  const schedulers = history.map((era) => makeScheduler(era.parameters));
  return (at) => {
    for (let i = history.length - 1; i >= 0; i -= 1) {
      if ((history[i] as SchedulerEra).from <= at) return schedulers[i] as FSRS;
    }
    return fallback;
  };
}

/** The history as read back from storage: anything that is not a list of eras counts as none. */
export function normalizeHistory(stored: unknown): SchedulerEra[] {
  if (!Array.isArray(stored)) return [];
  const eras = stored.filter(
    (era): era is SchedulerEra =>
      typeof era === 'object' && era !== null && typeof (era as SchedulerEra).from === 'number' && typeof (era as SchedulerEra).parameters === 'object',
  );
  return eras.map((era) => ({ from: era.from, parameters: fsrsParametersOf(era.parameters) })).sort((a, b) => a.from - b.from);
}
