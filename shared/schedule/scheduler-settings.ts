/**
 * The settings the scheduler and the daily queue read, with their defaults and
 * allowed ranges, and the one place a ts-fsrs instance is built from them.
 * Plain TypeScript (no zod): values come from the settings store as `unknown`
 * and are clamped here, so a bad stored value can never make ts-fsrs throw.
 */
import { default_w, fsrs, generatorParameters, type FSRS, type StepUnit } from 'ts-fsrs';

/** `pass-fail` grades Again/Good only (FSRS handles that well); `graded` uses all four. */
export type GradingMode = 'graded' | 'pass-fail';

/** Everything that shapes scheduling and the daily queue. */
export interface SchedulerSettings {
  /** FSRS target probability of recall at review time. */
  desiredRetention: number;
  maximumIntervalDays: number;
  /** Spreads long intervals a little so cards learnt together do not stay due together. */
  enableFuzz: boolean;
  /** Short-term steps of a new card, e.g. `['1m', '10m']`. */
  learningSteps: readonly StepUnit[];
  /** Short-term steps after a lapse. */
  relearningSteps: readonly StepUnit[];
  newCardsPerDay: number;
  maxReviewsPerDay: number;
  /** Local hour (0–23) at which a study day begins. */
  dayStartHour: number;
  gradingMode: GradingMode;
  /**
   * The 21 FSRS-6 parameters trained on the person's own answers (Settings, Personal
   * scheduling), or null for FSRS's defaults: what ts-fsrs takes as `w`.
   */
  weights: readonly number[] | null;
}

/** The defaults practice.md fixes: retention 0.90, fuzz on, short-term steps on. */
export const DEFAULT_SCHEDULER_SETTINGS: Readonly<SchedulerSettings> = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  enableFuzz: true,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newCardsPerDay: 20,
  maxReviewsPerDay: 200,
  dayStartHour: 4,
  gradingMode: 'graded',
  weights: null,
};

/** How many parameters FSRS-6 has (ts-fsrs 5, fsrs-rs 5 and fsrs-browser 5 agree). */
export const FSRS_WEIGHT_COUNT = 21;

/** FSRS-6's default parameters, as ts-fsrs schedules with them when `weights` is null. */
export const DEFAULT_WEIGHTS: readonly number[] = default_w;

/**
 * A list of FSRS-6 parameters, or null when `value` is not one (any other length, or a value
 * that is not a finite number). ts-fsrs clamps each into its own range when it builds a scheduler.
 */
export function parseWeights(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length !== FSRS_WEIGHT_COUNT) return null;
  if (!value.every((w) => typeof w === 'number' && Number.isFinite(w))) return null;
  return [...(value as number[])];
}

/** Inclusive bounds of each numeric setting (the same as renderer/state/settings-definition.ts where both exist). */
export const SCHEDULER_RANGES = {
  // Below 0.70 FSRS schedules so sparsely that most reviews fail; above 0.99 the workload explodes.
  desiredRetention: { min: 0.7, max: 0.99 },
  // ts-fsrs caps stability at 36500 days, so a longer maximum would mean nothing.
  maximumIntervalDays: { min: 1, max: 36500 },
  newCardsPerDay: { min: 0, max: 9999 },
  maxReviewsPerDay: { min: 0, max: 9999 },
  dayStartHour: { min: 0, max: 23 },
} as const;

/** More steps than this is a typing mistake, not a learning plan. */
export const MAX_STEPS = 10;

// Whole numbers only: ts-fsrs reads a step with parseInt, so `1.5m` would silently mean `1m`.
const STEP_PATTERN = /^(\d+)([mhd])$/;

function clampNumber(value: unknown, range: { min: number; max: number }, fallback: number, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const rounded = integer ? Math.round(value) : value;
  return Math.min(range.max, Math.max(range.min, rounded));
}

/** A valid list of steps (`'1m'`, `'10m'`, `'1h'`, `'1d'`), or `undefined` when `value` is not one. */
export function parseSteps(value: unknown): StepUnit[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_STEPS) return undefined;
  const steps: StepUnit[] = [];
  for (const step of value) {
    if (typeof step !== 'string') return undefined;
    const match = STEP_PATTERN.exec(step.trim());
    // A zero step would show the card again at once, forever.
    if (!match || Number(match[1]) <= 0) return undefined;
    steps.push(`${Number(match[1])}${match[2]}` as StepUnit);
  }
  return steps;
}

/**
 * Complete, in-range settings from whatever is stored: missing or invalid values
 * take their default, numbers out of range are clamped (not refused).
 */
export function normalizeSchedulerSettings(stored: Partial<Record<keyof SchedulerSettings, unknown>> = {}): SchedulerSettings {
  const d = DEFAULT_SCHEDULER_SETTINGS;
  const r = SCHEDULER_RANGES;
  return {
    desiredRetention: clampNumber(stored.desiredRetention, r.desiredRetention, d.desiredRetention, false),
    maximumIntervalDays: clampNumber(stored.maximumIntervalDays, r.maximumIntervalDays, d.maximumIntervalDays, true),
    enableFuzz: typeof stored.enableFuzz === 'boolean' ? stored.enableFuzz : d.enableFuzz,
    learningSteps: parseSteps(stored.learningSteps) ?? [...d.learningSteps],
    relearningSteps: parseSteps(stored.relearningSteps) ?? [...d.relearningSteps],
    newCardsPerDay: clampNumber(stored.newCardsPerDay, r.newCardsPerDay, d.newCardsPerDay, true),
    maxReviewsPerDay: clampNumber(stored.maxReviewsPerDay, r.maxReviewsPerDay, d.maxReviewsPerDay, true),
    dayStartHour: clampNumber(stored.dayStartHour, r.dayStartHour, d.dayStartHour, true),
    gradingMode: stored.gradingMode === 'pass-fail' || stored.gradingMode === 'graded' ? stored.gradingMode : d.gradingMode,
    weights: parseWeights(stored.weights),
  };
}

/**
 * The ts-fsrs scheduler for these settings (clamped first). Short-term steps are
 * always on, as practice.md requires. Build one per settings change and reuse it:
 * replay must use the same parameters as the live reviews it checks.
 */
export function makeScheduler(settings: Partial<SchedulerSettings> = {}): FSRS {
  const s = normalizeSchedulerSettings(settings);
  return fsrs(
    generatorParameters({
      request_retention: s.desiredRetention,
      maximum_interval: s.maximumIntervalDays,
      enable_fuzz: s.enableFuzz,
      enable_short_term: true,
      learning_steps: [...s.learningSteps],
      relearning_steps: [...s.relearningSteps],
      ...(s.weights === null ? {} : { w: [...s.weights] }),
    }),
  );
}
