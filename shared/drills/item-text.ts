/** Helpers for showing item text inside prompts. */

const KEY_VALUE = /==([^=\n]+?)==/g;

/** The item text with `==key value==` markers removed (the values stay). */
export function withoutKeyMarkers(text: string): string {
  return text.replace(KEY_VALUE, '$1');
}

/** The item text with the n-th key value blanked, or null when it has no such value. */
export function blankKeyValue(text: string, value: string, index: number): string | null {
  let seen = -1;
  let blanked = false;
  const result = text.replace(KEY_VALUE, (whole, inner: string) => {
    seen += 1;
    if (seen === index) {
      blanked = true;
      return '[…]';
    }
    return inner;
  });
  if (blanked) return result;
  const at = text.indexOf(value);
  if (at < 0) return null;
  return withoutKeyMarkers(text.slice(0, at) + '[…]' + text.slice(at + value.length));
}

/** A short quotation of an item for use inside another prompt. */
export function quote(text: string, max = 120): string {
  const plain = withoutKeyMarkers(text).replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
