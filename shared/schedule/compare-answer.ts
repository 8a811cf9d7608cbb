/**
 * Tolerant comparison for typed answers (cloze) and order scoring for sequence
 * drills. A typed answer is judged on its content, not its typing: case, spacing,
 * punctuation, Unicode forms, thousands separators and `5 %` vs `5%` do not count.
 * Numbers stay exact: `0.005` is not `0.05`, `-5` is not `5`, `1/2` is not `12`.
 */

/** Thousands groups: `1,000`, `12 500`, `1,000,000` — a lead group of 1–3 digits not starting with 0. */
const THOUSANDS = /(?<![\d.,])[1-9]\d{0,2}(?:[, ]\d{3})+(?!\d|,\d)/g;
const PUNCTUATION = /\p{P}/u;
const ALNUM = /[\p{L}\p{N}]/u;
const DIGIT = /\d/;

/** Punctuation removed by context: kept inside numbers, joining inside words, a space elsewhere. */
function dropPunctuation(text: string): string {
  const chars = [...text];
  return chars
    .map((char, i) => {
      if (char === '%' || !PUNCTUATION.test(char)) return char;
      const prev = chars[i - 1] ?? '';
      const next = chars[i + 1] ?? '';
      // 0.5, 1/2, 10:30, 3-4: between digits a mark changes the number, so it stays.
      if (DIGIT.test(prev) && DIGIT.test(next)) return char;
      // A minus sign starting a number is part of it.
      if (char === '-' && DIGIT.test(next) && (prev === '' || prev === ' ')) return char;
      // re-run = rerun, don't = dont: inside a word a mark only decorates it.
      if (ALNUM.test(prev) && ALNUM.test(next)) return '';
      return ' ';
    })
    .join('');
}

/** The form two typed answers are compared in (exported so a UI can show what was compared). */
export function normalizeAnswer(text: string): string {
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u2212/g, '-') // the typographic minus sign
    .replace(/\s+/gu, ' ')
    .trim();
  s = s.replace(THOUSANDS, (group) => group.replace(/[, ]/g, ''));
  // A comma left between digits is a decimal comma: 0,5 = 0.5.
  s = s.replace(/(\d),(?=\d)/g, '$1.');
  s = dropPunctuation(s);
  return s.replace(/\s+/g, ' ').replace(/ %/g, '%').trim();
}

/** True when a typed answer matches the expected one, tolerantly (see normalizeAnswer). */
export function answersMatch(given: string, expected: string): boolean {
  return normalizeAnswer(given) === normalizeAnswer(expected);
}

/** True when `given` holds exactly the items of `right` (same multiset), in any order. */
function isPermutation(given: readonly string[], right: readonly string[]): boolean {
  if (given.length !== right.length) return false;
  const a = [...given].sort();
  const b = [...right].sort();
  return a.every((value, i) => value === b[i]);
}

/**
 * How far an ordering is from the right one: the normalised Kendall tau distance,
 * the share of pairs put in the wrong relative order (0 = right, 1 = reversed).
 * Equal items are interchangeable. When `given` is not a rearrangement of
 * `right` (items missing or foreign) the answer is wrong outright: 1.
 */
export function orderDistance(given: readonly string[], right: readonly string[]): number {
  if (!isPermutation(given, right)) return 1;
  const n = right.length;
  if (n < 2) return 0;
  const slots = new Map<string, number[]>();
  right.forEach((value, index) => slots.set(value, [...(slots.get(value) ?? []), index]));
  // Taking a duplicate's positions in order never counts equal items as swapped.
  const ranks = given.map((value) => slots.get(value)?.shift() ?? 0);
  let discordant = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      if ((ranks[i] as number) > (ranks[j] as number)) discordant += 1;
    }
  }
  return discordant / ((n * (n - 1)) / 2);
}

/** A sequence drill is right only when the order is exactly right. */
export function sequenceCorrect(given: readonly string[], right: readonly string[]): boolean {
  return orderDistance(given, right) === 0;
}
