/**
 * `==key values==` (formats.md): worth a cloze drill.
 *
 * Representation: item.text KEEPS the `==` markers, and item.keyValues lists the
 * values in the order they appear. A cloze blanks the n-th `==...==` span exactly
 * (no guessing which "5%" was meant); a plain display drops the markers
 * (shared/drills/item-text.ts `withoutKeyMarkers` uses the same pattern).
 */

/** A key value span: `==` + text without `=` or a line break + `==`. */
export const KEY_VALUE_PATTERN = /==([^=\n]+?)==/g;

/** The key values of a text, in order, trimmed; empty ones dropped. */
export function keyValuesOf(text: string): string[] {
  const values: string[] = [];
  for (const match of text.matchAll(KEY_VALUE_PATTERN)) {
    const value = (match[1] ?? '').trim();
    if (value !== '') values.push(value);
  }
  return values;
}
