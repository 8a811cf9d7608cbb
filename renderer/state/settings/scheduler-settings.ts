/**
 * The bridge from the person's stored settings to the scheduler: practice,
 * simulations and "Check collection" all build their ts-fsrs instance (and the
 * daily queue limits) from what this returns, so they cannot disagree.
 */
import type { SchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { Settings } from './settings-definition';

/**
 * Complete, in-range SchedulerSettings from the settings store's values (or any
 * part of them): missing or invalid values take the scheduler's defaults.
 * A new object every call: memoize on `values` in components
 * (`useMemo(() => toSchedulerSettings(values), [values])`).
 */
export function toSchedulerSettings(values: Partial<Settings>): SchedulerSettings {
  return normalizeSchedulerSettings({
    desiredRetention: values.desiredRetention,
    maximumIntervalDays: values.maximumIntervalDays,
    enableFuzz: values.enableFuzz,
    learningSteps: values.learningSteps,
    relearningSteps: values.relearningSteps,
    newCardsPerDay: values.newCardsPerDay,
    maxReviewsPerDay: values.maxReviewsPerDay,
    dayStartHour: values.dayStartHour,
    gradingMode: values.gradingMode,
    weights: values.weights,
  });
}

/**
 * The scheduler settings in force now (outside React: stores, workers' callers), from the
 * settings store or anything holding its values (typed by shape, so this file does not
 * import the store that imports it).
 */
export function currentSchedulerSettings(store: { getState(): { values: Partial<Settings> } }): SchedulerSettings {
  return toSchedulerSettings(store.getState().values);
}
