/** Times as the Library shows them: "3 minutes ago", with the exact date and time for a tooltip. */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function relativeTime(then: number, now: number): string {
  const elapsed = now - then;
  if (Math.abs(elapsed) < 60_000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relative.format(-Math.round(elapsed / size), unit);
  }
  return 'just now';
}

/** The full local date and time, e.g. "12 March 2025, 14:05". */
export function absoluteTime(then: number): string {
  return new Date(then).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
