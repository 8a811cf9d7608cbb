/**
 * The person's settings: names, defaults and allowed ranges. Stored one key per
 * setting in the settings repository under the names below — other features
 * (the scheduler, the daily queue) read the same keys, so do not rename them.
 */

export type ThemeSetting = 'system' | 'light' | 'dark';

export interface Settings {
  /** `system` follows the operating system's light/dark preference. */
  theme: ThemeSetting;
  /** FSRS target probability of recall at review time. */
  desiredRetention: number;
  newCardsPerDay: number;
  maxReviewsPerDay: number;
  /** Local hour (0–23) at which a new study day begins, so late-night reviews count for the day before. */
  dayStartHour: number;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: 'system',
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  maxReviewsPerDay: 200,
  dayStartHour: 4,
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

export const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];

export interface NumberRange {
  min: number;
  max: number;
  step: number;
}

type NumericKey = { [K in SettingKey]: Settings[K] extends number ? K : never }[SettingKey];

export const NUMBER_RANGES: Readonly<Record<NumericKey, NumberRange>> = {
  // Below 0.70 FSRS schedules so sparsely that most reviews fail; above 0.99 the workload explodes.
  desiredRetention: { min: 0.7, max: 0.99, step: 0.01 },
  newCardsPerDay: { min: 0, max: 9999, step: 1 },
  maxReviewsPerDay: { min: 0, max: 9999, step: 1 },
  dayStartHour: { min: 0, max: 23, step: 1 },
};

function isNumericKey(key: SettingKey): key is NumericKey {
  return key in NUMBER_RANGES;
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
 * (wrong type, not a number). Numbers out of range are clamped, not refused.
 */
export function normalizeSetting<K extends SettingKey>(key: K, value: unknown): Settings[K] | undefined {
  if (key === 'theme') {
    return (THEMES as readonly unknown[]).includes(value) ? (value as Settings[K]) : undefined;
  }
  if (isNumericKey(key)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    return fitToRange(value, NUMBER_RANGES[key]) as Settings[K];
  }
  return undefined;
}
