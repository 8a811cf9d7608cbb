/**
 * Text normalization used to recognise the same item across re-imports: item text is
 * the plain reading (no markup to strip), and case, spacing and trailing punctuation do
 * not count.
 */
import { normalizePlain } from '../text/inline-text';

/** Lower-cased plain text, collapsed spacing and no trailing punctuation (normalizePlain). */
export function normalizeItemText(text: string): string {
  return normalizePlain(text);
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice similarity of character bigrams, 0 (nothing shared) to 1 (same). */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const gramsA = bigrams(a);
  const gramsB = bigrams(b);
  let shared = 0;
  for (const [gram, count] of gramsA) {
    const other = gramsB.get(gram);
    if (other) shared += Math.min(count, other);
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}
