/**
 * Where the scenario chart draws each node: a decision tree laid out top to bottom by
 * dagre, a checklist as a list of its steps in reading order, grouped by section.
 *
 * This stays in the renderer rather than shared/: it is presentation (pixel boxes sized
 * for the chart's font), nothing else in the domain, the CLI or the main process needs it,
 * and keeping dagre out of shared/ keeps it out of every bundle but the chart's. It uses no
 * DOM, so it runs in the layout worker and in Node tests alike.
 */
import { graphlib, layout as dagreLayout } from '@dagrejs/dagre';
import type { ItemSource, PackSource } from '../../../../shared/model';
import { chartText } from './chart-text';
import type { BoxSize } from './node-size';
import { nodeSize } from './node-size';
import type { ChartLayout, NodeBox } from './layout-record';
import { LAYOUT_VERSION, sectionBoxKey } from './layout-record';

/** Space around the chart. */
export const CHART_MARGIN = 24;
/** Dagre's spacing: between boxes of a rank, and between ranks (room for an edge label and a box's marks). */
const TREE_SPACING = { nodesep: 40, ranksep: 76, edgesep: 20 } as const;
/** Checklists: the list's width, the indent per sub-step level, the gap between steps (marks sit on a box's top edge). */
const LIST = { width: 380, indent: 28, gap: 24, sectionHeader: 40, sectionPadding: 14, sectionGap: 28, maxDepth: 3 } as const;

/** Lays out `pack`: every item gets a box (and, for checklists, every section with steps a group box). Deterministic. */
export function layoutChart(pack: PackSource): ChartLayout {
  return pack.kind === 'tree' ? layoutTree(pack) : layoutList(pack);
}

function byOrder(items: readonly ItemSource[]): ItemSource[] {
  return [...items].sort((a, b) => a.order - b.order);
}

function layoutTree(pack: PackSource): ChartLayout {
  const graph = new graphlib.Graph<object, BoxSize, object>({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', ...TREE_SPACING, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const items = byOrder(pack.items);
  for (const item of items) graph.setNode(item.id, nodeSize(chartText(item)));
  pack.edges.forEach((edge, index) => {
    // An edge to a node the pack lacks is left out here as it is in the chart.
    if (graph.hasNode(edge.from) && graph.hasNode(edge.to)) graph.setEdge(edge.from, edge.to, {}, `e${index}`);
  });
  dagreLayout(graph);
  const boxes: Record<string, NodeBox> = {};
  for (const item of items) {
    const node = graph.node(item.id) as BoxSize & { x: number; y: number };
    boxes[item.id] = { x: node.x - node.width / 2, y: node.y - node.height / 2, width: node.width, height: node.height };
  }
  return framed(boxes);
}

/** Moves the boxes so the chart starts at CHART_MARGIN, on whole pixels, and measures it. */
function framed(boxes: Record<string, NodeBox>): ChartLayout {
  const all = Object.values(boxes);
  const left = all.length === 0 ? 0 : Math.min(...all.map((box) => box.x));
  const top = all.length === 0 ? 0 : Math.min(...all.map((box) => box.y));
  const nodes: Record<string, NodeBox> = {};
  let right = 0;
  let bottom = 0;
  for (const [id, box] of Object.entries(boxes)) {
    const x = Math.round(box.x - left) + CHART_MARGIN;
    const y = Math.round(box.y - top) + CHART_MARGIN;
    nodes[id] = { x, y, width: box.width, height: box.height };
    right = Math.max(right, x + box.width);
    bottom = Math.max(bottom, y + box.height);
  }
  return {
    layoutVersion: LAYOUT_VERSION,
    width: Math.max(right, CHART_MARGIN) + CHART_MARGIN,
    height: Math.max(bottom, CHART_MARGIN) + CHART_MARGIN,
    nodes,
  };
}

/** Nesting depth of each item (sub-steps under their parent step), capped so deep nesting stays readable. */
function depths(items: readonly ItemSource[]): Map<string, number> {
  const parent = new Map(items.map((item) => [item.id, item.parentId]));
  const depth = new Map<string, number>();
  for (const item of items) {
    let level = 0;
    const seen = new Set<string>([item.id]);
    for (let up = item.parentId; up !== undefined && parent.has(up) && !seen.has(up); up = parent.get(up)) {
      seen.add(up);
      level += 1;
    }
    depth.set(item.id, Math.min(level, LIST.maxDepth));
  }
  return depth;
}

/** A checklist (or any pack without edges) as one column: its steps in reading order, each section a group box. */
function layoutList(pack: PackSource): ChartLayout {
  const items = byOrder(pack.items);
  const depth = depths(items);
  const known = new Set(pack.sections.map((section) => section.id));
  // Steps keep their reading order; consecutive steps of one section form its group.
  const groups: { sectionId?: string; items: ItemSource[] }[] = [];
  for (const item of items) {
    const sectionId = item.sectionId !== undefined && known.has(item.sectionId) ? item.sectionId : undefined;
    const last = groups.at(-1);
    if (last && last.sectionId === sectionId) last.items.push(item);
    else groups.push({ ...(sectionId === undefined ? {} : { sectionId }), items: [item] });
  }
  const boxes: Record<string, NodeBox> = {};
  let y = 0;
  groups.forEach((group, index) => {
    if (index > 0) y += LIST.sectionGap;
    const inset = group.sectionId === undefined ? 0 : LIST.sectionPadding;
    const top = y;
    if (group.sectionId !== undefined) y += LIST.sectionHeader;
    group.items.forEach((item, at) => {
      if (at > 0) y += LIST.gap;
      const indent = (depth.get(item.id) ?? 0) * LIST.indent;
      const width = LIST.width - 2 * inset - indent;
      const size = nodeSize(chartText(item), width, width);
      boxes[item.id] = { x: inset + indent, y, width: size.width, height: size.height };
      y += size.height;
    });
    if (group.sectionId !== undefined) {
      y += LIST.sectionPadding;
      // A section seen twice (its steps interleaved with another's) keeps its first group box.
      const key = sectionBoxKey(group.sectionId);
      if (!(key in boxes)) boxes[key] = { x: 0, y: top, width: LIST.width, height: y - top };
    }
  });
  return framed(boxes);
}
