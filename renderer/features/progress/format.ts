/** How the Progress screen writes dates, shares and times (the report for a mentor uses ISO dates instead). */
import { DAY_MS } from '../../../shared/schedule/day';

/** A study day's calendar date (study days count local dates, so read in UTC). */
export function dayDate(day: number): Date {
  return new Date(day * DAY_MS);
}

/** "Fri 4 Dec". */
export function shortDay(day: number): string {
  return dayDate(day).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "4 Dec". */
export function dayMonth(day: number): string {
  return dayDate(day).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "12 January", with the year when it is not this year's. */
export function longDate(at: number, now: number = Date.now()): string {
  const date = new Date(at);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
}

/** "83 %", or a dash when there is nothing to measure. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

/** "4.2 s", or a dash. */
export function seconds(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

/** A figure to `digits` places, or a dash. */
export function figure(value: number | null, digits = 2): string {
  return value === null ? '—' : value.toFixed(digits);
}

/** "3 days", "1 day". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An `<input type="date">` value for a time, and back (local midnight). */
export function dateInputValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function parseDateInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isFinite(at) ? at : null;
}
