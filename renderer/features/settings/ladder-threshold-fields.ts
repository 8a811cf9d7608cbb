/**
 * The independence ladder's thresholds as Settings fields: what each one means, the unit it is
 * typed in (a count, a score, a percentage, a Brier score) and the values allowed, and the
 * check of a typed value. Shares are stored 0–1 and typed as percentages.
 */
import type { LadderThresholds } from '../../../shared/progress/ladder';

export interface ThresholdField {
  key: keyof LadderThresholds;
  /** The rung it belongs to. */
  rung: 'Guided' | 'Assisted' | 'Independent' | 'Can teach';
  label: string;
  unit: 'count' | 'days' | 'score' | 'percent' | 'brier';
  min: number;
  max: number;
}

export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  { key: 'guidedSimulations', rung: 'Guided', label: 'Simulations finished', unit: 'count', min: 1, max: 50 },
  { key: 'guidedScore', rung: 'Guided', label: 'With a score of at least', unit: 'score', min: 0, max: 100 },
  { key: 'assistedSimulations', rung: 'Assisted', label: 'Simulations at level 3+ with every decision right', unit: 'count', min: 1, max: 50 },
  { key: 'assistedRecall', rung: 'Assisted', label: 'Recall of studied cards', unit: 'percent', min: 0, max: 100 },
  { key: 'independentSimulations', rung: 'Independent', label: 'Recent simulations right, unaided and in time', unit: 'count', min: 1, max: 10 },
  { key: 'independentDays', rung: 'Independent', label: 'On different days, at least', unit: 'days', min: 1, max: 10 },
  { key: 'independentAccuracy', rung: 'Independent', label: 'Recent drill accuracy', unit: 'percent', min: 0, max: 100 },
  { key: 'independentRecall', rung: 'Independent', label: 'Recall of studied cards', unit: 'percent', min: 0, max: 100 },
  { key: 'teachDays', rung: 'Can teach', label: 'Independent for at least', unit: 'days', min: 1, max: 730 },
  { key: 'teachWhyAccuracy', rung: 'Can teach', label: 'Reasons explained ("why" cards)', unit: 'percent', min: 0, max: 100 },
  { key: 'teachBrier', rung: 'Can teach', label: 'Brier score of your confidence, at most', unit: 'brier', min: 0, max: 1 },
];

/** The value as typed in the field (percentages for shares). */
export function displayValue(field: ThresholdField, value: number): string {
  if (field.unit === 'percent') return String(Math.round(value * 100));
  if (field.unit === 'brier') return String(Math.round(value * 1000) / 1000);
  return String(value);
}

/** The stored value of what was typed, or the reason it is refused. */
export function parseThreshold(field: ThresholdField, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  const whole = field.unit !== 'brier';
  const pattern = whole ? /^\d+$/ : /^(\d+(\.\d*)?|\.\d+)$/;
  const range = `${field.min} to ${field.max}`;
  if (!pattern.test(trimmed)) return { error: whole ? `Enter a whole number from ${range}.` : `Enter a number from ${range}, such as 0.15.` };
  const typed = Number(trimmed);
  if (typed < field.min || typed > field.max) return { error: `Enter a value from ${range}.` };
  return { value: field.unit === 'percent' ? typed / 100 : typed };
}

/** The unit shown after the field. */
export function unitText(field: ThresholdField): string {
  return { count: 'simulations', days: 'days', score: 'of 100', percent: '%', brier: '(0 perfect, 0.25 always saying 50 %)' }[field.unit];
}
