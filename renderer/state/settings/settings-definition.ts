/**
 * The person's settings: names, defaults and allowed ranges. Stored one key per
 * setting in the settings repository under the names below — other features
 * (the scheduler, the daily queue) read the same keys, so do not rename them.
 * The scheduler's keys are exactly SchedulerSettings' field names, and their
 * defaults and ranges come from shared/schedule/scheduler-settings.ts: one
 * source of truth for what the settings screen offers and what FSRS accepts.
 */
import type { GradingMode, SchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  SCHEDULER_RANGES,
  parseSteps,
  parseWeights,
} from '../../../shared/schedule/scheduler-settings';

export type ThemeSetting = 'system' | 'light' | 'dark';

/** Short-term steps as stored: `['1m', '10m']`. */
export type StepList = SchedulerSettings['learningSteps'];

export interface Settings {
  /** `system` follows the operating system's light/dark preference. */
  theme: ThemeSetting;
  /** FSRS target probability of recall at review time. */
  desiredRetention: number;
  newCardsPerDay: number;
  maxReviewsPerDay: number;
  /** Local hour (0–23) at which a new study day begins, so late-night reviews count for the day before. */
  dayStartHour: number;
  /** Longest interval FSRS may schedule, in days. */
  maximumIntervalDays: number;
  /** Spread long intervals a little so cards learnt together do not stay due together. */
  enableFuzz: boolean;
  /** Short-term steps of a new card. */
  learningSteps: StepList;
  /** Short-term steps after a lapse. */
  relearningSteps: StepList;
  /** `pass-fail` grades Again/Good only; `graded` uses all four. */
  gradingMode: GradingMode;
  /** FSRS parameters trained on the person's answers and adopted (Personal scheduling), or null for the defaults. */
  weights: readonly number[] | null;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: 'system',
  desiredRetention: DEFAULT_SCHEDULER_SETTINGS.desiredRetention,
  newCardsPerDay: DEFAULT_SCHEDULER_SETTINGS.newCardsPerDay,
  maxReviewsPerDay: DEFAULT_SCHEDULER_SETTINGS.maxReviewsPerDay,
  dayStartHour: DEFAULT_SCHEDULER_SETTINGS.dayStartHour,
  maximumIntervalDays: DEFAULT_SCHEDULER_SETTINGS.maximumIntervalDays,
  enableFuzz: DEFAULT_SCHEDULER_SETTINGS.enableFuzz,
  learningSteps: DEFAULT_SCHEDULER_SETTINGS.learningSteps,
  relearningSteps: DEFAULT_SCHEDULER_SETTINGS.relearningSteps,
  gradingMode: DEFAULT_SCHEDULER_SETTINGS.gradingMode,
  weights: DEFAULT_SCHEDULER_SETTINGS.weights,
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

export const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];

export const GRADING_MODES: readonly GradingMode[] = ['graded', 'pass-fail'];

export interface NumberRange {
  min: number;
  max: number;
  step: number;
}

type NumericKey = { [K in SettingKey]: Settings[K] extends number ? K : never }[SettingKey];
type StepKey = 'learningSteps' | 'relearningSteps';

export const NUMBER_RANGES: Readonly<Record<NumericKey, NumberRange>> = {
  desiredRetention: { ...SCHEDULER_RANGES.desiredRetention, step: 0.01 },
  newCardsPerDay: { ...SCHEDULER_RANGES.newCardsPerDay, step: 1 },
  maxReviewsPerDay: { ...SCHEDULER_RANGES.maxReviewsPerDay, step: 1 },
  dayStartHour: { ...SCHEDULER_RANGES.dayStartHour, step: 1 },
  maximumIntervalDays: { ...SCHEDULER_RANGES.maximumIntervalDays, step: 1 },
};

function isNumericKey(key: SettingKey): key is NumericKey {
  return key in NUMBER_RANGES;
}

function isStepKey(key: SettingKey): key is StepKey {
  return key === 'learningSteps' || key === 'relearningSteps';
}

/** Snap to the step and clamp to the range, so a stored value is always one the controls can show. */
function fitToRange(value: number, range: NumberRange): number {
  const stepped = Math.round(value / range.step) * range.step;
  const clamped = Math.min(range.max, Math.max(range.min, stepped));
  // Two decimals is the finest step; this removes float noise such as 0.9000000000000001.
  return Math.round(clamped * 100) / 100;
}

/**
 * The value to store for `key`, or `undefined` when `value` cannot be one
 * (wrong type, not a number, not a list of steps). Numbers out of range are
 * clamped, not refused.
 */
export function normalizeSetting<K extends SettingKey>(key: K, value: unknown): Settings[K] | undefined {
  if (key === 'theme') {
    return (THEMES as readonly unknown[]).includes(value) ? (value as Settings[K]) : undefined;
  }
  if (key === 'gradingMode') {
    return (GRADING_MODES as readonly unknown[]).includes(value) ? (value as Settings[K]) : undefined;
  }
  if (key === 'weights') {
    // null is a value here (the defaults), not a refusal.
    if (value === null) return null as Settings[K];
    return (parseWeights(value) ?? undefined) as Settings[K] | undefined;
  }
  if (key === 'enableFuzz') {
    return typeof value === 'boolean' ? (value as Settings[K]) : undefined;
  }
  if (isStepKey(key)) {
    return parseSteps(value) as Settings[K] | undefined;
  }
  if (isNumericKey(key)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    return fitToRange(value, NUMBER_RANGES[key]) as Settings[K];
  }
  return undefined;
}
