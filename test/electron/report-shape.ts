/**
 * The shape of a JSON value — its keys and the types of its leaves, arrays merged over all their
 * elements — so a test can pin `kata report --format json`'s contract without pinning its numbers.
 */
export type Shape = string | Shape[] | { [key: string]: Shape };

function merge(a: Shape | undefined, b: Shape): Shape {
  if (a === undefined) return b;
  if (typeof a === 'string' && typeof b === 'string') return [...new Set([...a.split('|'), ...b.split('|')])].sort().join('|');
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 ? b : b.length === 0 ? a : [merge(a[0], b[0]!)];
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, Shape> = {};
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      // A key only some elements have is optional: marked with `?`.
      const both = key in a && key in b;
      const merged = merge(a[key], b[key] ?? a[key]!);
      out[key] = both || typeof merged !== 'string' ? merged : merged.endsWith('?') ? merged : `${merged}?`;
    }
    return out;
  }
  return `${JSON.stringify(a)}|${JSON.stringify(b)}`;
}

export function shapeOf(value: unknown): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.reduce<Shape[]>((shape, item) => [merge(shape[0], shapeOf(item))], []);
  if (typeof value === 'object') {
    const out: Record<string, Shape> = {};
    for (const key of Object.keys(value).sort()) out[key] = shapeOf((value as Record<string, unknown>)[key]);
    return out;
  }
  return typeof value;
}
