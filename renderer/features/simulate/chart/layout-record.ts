/**
 * What a chart layout is and when a stored one still fits, apart from layout.ts so that
 * the chart's own chunk can read cached layouts without loading dagre.
 */
import type { PackSource } from '../../../../shared/model';
import type { ChartLayoutRecord } from '../../../storage/db';

/**
 * The version of the layout code. Bump it whenever a change in layout.ts or node-size.ts
 * (or in what the chart draws inside a box) would place or size boxes differently: cached
 * layouts of an older version are then laid out again.
 */
export const LAYOUT_VERSION = 1;

/** A laid-out chart: the stored record without its key and pack id. */
export type ChartLayout = Omit<ChartLayoutRecord, 'key' | 'packId'>;
export type NodeBox = ChartLayoutRecord['nodes'][string];

/** The layout key of a checklist section's group box: `§` and its id (no item id has a `§`: see EXPLICIT_ID and slugify). */
export function sectionBoxKey(sectionId: string): string {
  return `§${sectionId}`;
}

/**
 * Whether `layout` has a box for exactly the items of `pack`: a layout stored under a pack
 * version that no longer matches the pack it is drawn with (a caller passing another
 * version's number) is laid out again rather than drawn with nodes missing.
 */
export function layoutFitsPack(layout: Pick<ChartLayout, 'nodes'>, pack: Pick<PackSource, 'items'>): boolean {
  const itemBoxes = Object.keys(layout.nodes).filter((key) => !key.startsWith('§'));
  return itemBoxes.length === pack.items.length && pack.items.every((item) => item.id in layout.nodes);
}
