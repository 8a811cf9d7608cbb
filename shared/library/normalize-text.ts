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

/** A text with its bigram counts, computed once to compare it with many others. */
export interface TextGrams {
  text: string;
  grams: Map<string, number>;
}

export function textGrams(text: string): TextGrams {
  return { text, grams: bigrams(text) };
}

/** textSimilarity of two texts whose bigrams are already counted. */
export function gramSimilarity(a: TextGrams, b: TextGrams): number {
  if (a.text === b.text) return 1;
  if (a.text.length < 2 || b.text.length < 2) return 0;
  let shared = 0;
  for (const [gram, count] of a.grams) {
    const other = b.grams.get(gram);
    if (other) shared += Math.min(count, other);
  }
  return (2 * shared) / (a.text.length - 1 + (b.text.length - 1));
}

/** Sørensen–Dice similarity of character bigrams, 0 (nothing shared) to 1 (same). */
export function textSimilarity(a: string, b: string): number {
  return gramSimilarity(textGrams(a), textGrams(b));
}
