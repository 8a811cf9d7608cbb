/** Wording of times, intervals and card kinds on the practice screen. */
import type { CardKind, Rating } from '../../../shared/model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RATING_LABELS: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** An interval as on a grade button: `<1 min`, `10 min`, `3 h`, `4 d`, `2.5 mo`, `1.2 y`. */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1 min';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)} d`;
  if (days < 365) return `${trim(days / 30)} mo`;
  return `${trim(days / 365)} y`;
}

function trim(value: number): string {
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
}

/** A span of time spent: `45 s`, `4 min 05 s`, `1 h 12 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** When something falls due, relative to now: `now`, `in 9 min`, `in 3 h`, `tomorrow`, `in 4 days`, or a date. */
export function formatDue(at: number, now: number): string {
  const ms = at - now;
  if (ms <= 0) return 'now';
  if (ms < HOUR) return `in ${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < 12 * HOUR) return `in ${Math.round(ms / HOUR)} h`;
  const days = Math.round(ms / DAY);
  if (days <= 1) return 'tomorrow';
  if (days < 14) return `in ${days} days`;
  return `on ${new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** What each card kind asks, as a label above the prompt. */
export const KIND_LABELS: Record<CardKind, string> = {
  'next-step': 'Next step',
  sequence: 'Order the steps',
  cloze: 'Fill the blank',
  why: 'Why',
  memory: 'Memory item',
  branch: 'Decision',
  reverse: 'Reverse',
  qa: 'Question',
};

/** `1 card`, `3 cards`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
