/** Offsets -> 1-based line and column (UTF-16 units), over LF-normalized text. */

/** A lookup from character offset to position, built once per text (binary search over line starts). */
export function positionFinder(text: string): (offset: number) => { line: number; col: number } {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    const at = Math.min(Math.max(0, offset), text.length);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: at - lineStarts[low]! + 1 };
  };
}
