/** How Check collection shows card state values: dates as dates, states by name. */
import type { CardState } from '../../../shared/model';

const STATE_NAMES = ['New', 'Learning', 'Review', 'Relearning'] as const;

const FIELD_LABELS: Record<keyof CardState, string> = {
  due: 'Due',
  stability: 'Stability',
  difficulty: 'Difficulty',
  elapsedDays: 'Elapsed days',
  scheduledDays: 'Scheduled days',
  learningSteps: 'Learning step',
  reps: 'Reviews',
  lapses: 'Lapses',
  state: 'State',
  lastReview: 'Last review',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field as keyof CardState] ?? field;
}

/** One state field, readable: `12 Mar 2025, 09:30`, `Review`, `3.1416`. */
export function formatField(field: string, state: CardState): string {
  const value = state[field as keyof CardState];
  if (value === undefined) return '—';
  if (field === 'due' || field === 'lastReview') return dateTime.format(value);
  if (field === 'state') return STATE_NAMES[value] ?? String(value);
  if (field === 'stability' || field === 'difficulty') return String(Number(value.toPrecision(6)));
  return String(value);
}

const count = new Intl.NumberFormat();

/** `12 345`: counts in the reader's own grouping. */
export function formatCount(value: number): string {
  return count.format(value);
}
