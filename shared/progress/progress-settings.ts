/**
 * The Progress settings as stored (keys of the settings table), read by the app and by
 * `kata report` from a collection export alike.
 */
import type { LadderThresholds } from './ladder';
import { DEFAULT_THRESHOLDS } from './ladder';

export const TARGETS_KEY = 'progress.targets';
export const THRESHOLDS_KEY = 'progress.thresholds';

/** The thresholds in force: the defaults with the person's own changes (unknown or invalid keys ignored). */
export function thresholdsOf(stored: unknown): LadderThresholds {
  const thresholds: LadderThresholds = { ...DEFAULT_THRESHOLDS };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof LadderThresholds)[]) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) thresholds[key] = value;
    }
  }
  return thresholds;
}
