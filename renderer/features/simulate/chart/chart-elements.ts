/**
 * The chart's nodes and edges as React Flow takes them, from the pack, its layout and the
 * marks. Pure, so what is drawn can be checked without a DOM.
 */
import type { Edge, EdgeMarker, Node, NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { ItemSource, PackSource } from '../../../../shared/model';
import { chartText, kindLabel } from './chart-text';
import type { ChartLayout, NodeBox } from './layout-record';
import { sectionBoxKey } from './layout-record';
import type { ChartMarks, EdgeMarks, NodeMarks } from './path-marks';
import { edgeId, marksOf } from './path-marks';

/** A mark on a node, as a badge with words (its colour repeats what the words say). */
export type NodeBadge =
  | { kind: 'decision'; n: number; correct: boolean }
  | { kind: 'chosen'; n: number }
  | { kind: 'here' }
  | { kind: 'path' }
  | { kind: 'shown' };

export interface ItemNodeData extends Record<string, unknown> {
  text: string;
  kind: string;
  item: Pick<ItemSource, 'kind' | 'outcome'>;
  marks: NodeMarks;
  badges: NodeBadge[];
  /** Checklists: a step outside the run (drawn faint in a debrief). */
  outsideRun: boolean;
}

export interface SectionNodeData extends Record<string, unknown> {
  title: string;
}

export type ItemFlowNode = Node<ItemNodeData, 'item'>;
export type SectionFlowNode = Node<SectionNodeData, 'section'>;
export type ChartFlowNode = ItemFlowNode | SectionFlowNode;

/** The edge classes of scenario-chart.css: the right path (solid, thick), a wrong turn (dashed), or neither. */
export type EdgeLook = 'plain' | 'path' | 'wrong';

/** Marker colours are CSS variables (scenario-chart.css), so arrowheads follow the theme like their lines. */
const MARKER_COLOUR: Record<EdgeLook, string> = {
  plain: 'var(--chart-edge)',
  path: 'var(--chart-path)',
  wrong: 'var(--chart-wrong)',
};

/** Arrowheads sized in pixels: scaled by stroke width (React Flow's default), the right path's would be twice the others'. */
function marker(look: EdgeLook): EdgeMarker {
  return { type: 'arrowclosed', color: MARKER_COLOUR[look], width: 26, height: 26, markerUnits: 'userSpaceOnUse' };
}

const READ_ONLY = { draggable: false, connectable: false, selectable: false, focusable: false } as const;

/**
 * A node's size as React Flow takes it: fixed by the layout, and `measured` already, so React
 * Flow counts every node as ready without measuring it in the DOM — only the nodes in view are
 * rendered, and fitView waits for every node to be measured.
 */
function sized(box: NodeBox): Pick<Node, 'position' | 'width' | 'height' | 'measured'> {
  return { position: { x: box.x, y: box.y }, width: box.width, height: box.height, measured: { width: box.width, height: box.height } };
}

/**
 * How far above a node's top its incoming edges end when it has badges (which sit on its
 * top edge): the arrow then points at the badges instead of disappearing under them. The
 * chart's CSS lifts the target handle by as much (`.has-badges`).
 */
export const BADGE_LIFT = 17;

/**
 * Where edges attach, known from the layout: the middle of the top and bottom sides. React
 * Flow would otherwise draw no edge until it has measured the nodes' handles in the DOM.
 */
function handlesOf(width: number, height: number, lifted: boolean): NodeHandle[] {
  return [
    { type: 'target', position: Position.Top, x: width / 2 - 0.5, y: lifted ? -BADGE_LIFT : 0, width: 1, height: 1 },
    { type: 'source', position: Position.Bottom, x: width / 2 - 0.5, y: height - 1, width: 1, height: 1 },
  ];
}

/** A node's badges in reading order. `treePath`: a tree node on the right path. */
export function badgesOf(marks: NodeMarks, treePath: boolean): NodeBadge[] {
  const badges: NodeBadge[] = marks.decisions.map(({ n, correct }) => ({ kind: 'decision', n, correct }));
  if (marks.here) badges.push({ kind: 'here' });
  // A decision is made on the right path, so its badge says so; the path's other nodes (its outcome) say it in words.
  if (treePath && marks.decisions.length === 0) badges.push({ kind: 'path' });
  if (marks.shownDone) badges.push({ kind: 'shown' });
  for (const n of marks.chosenInstead) badges.push({ kind: 'chosen', n });
  return badges;
}

export function chartNodes(pack: PackSource, layout: ChartLayout, marks: ChartMarks, mode: 'hint' | 'debrief'): ChartFlowNode[] {
  const nodes: ChartFlowNode[] = [];
  if (pack.kind !== 'tree') {
    for (const section of pack.sections) {
      const box = layout.nodes[sectionBoxKey(section.id)];
      if (!box) continue;
      nodes.push({
        id: sectionBoxKey(section.id),
        type: 'section',
        ...sized(box),
        data: { title: section.title },
        zIndex: -1,
        ...READ_ONLY,
      });
    }
  }
  const inRun = pack.kind !== 'tree' && mode === 'debrief' && [...marks.nodes.values()].some((node) => node.onPath);
  for (const item of pack.items) {
    const box = layout.nodes[item.id];
    if (!box) continue;
    const nodeMarks = marksOf(marks, item.id);
    const badges = badgesOf(nodeMarks, pack.kind === 'tree' && nodeMarks.onPath);
    nodes.push({
      id: item.id,
      type: 'item',
      ...sized(box),
      handles: handlesOf(box.width, box.height, badges.length > 0),
      data: { text: chartText(item), kind: kindLabel(item), item: { kind: item.kind, outcome: item.outcome }, marks: nodeMarks, badges, outsideRun: inRun && !nodeMarks.onPath },
      ...READ_ONLY,
    });
  }
  return nodes;
}

function lookOf(marks: EdgeMarks | undefined): EdgeLook {
  if (marks?.wrongTurns.length) return 'wrong';
  return marks?.onPath ? 'path' : 'plain';
}

/** An edge's label with its marks in words (a wrong turn says so; the right path keeps its label and a ✓). */
function edgeLabel(label: string | undefined, marks: EdgeMarks | undefined): string | undefined {
  if (marks?.wrongTurns.length) return `✗ ${label ? `${label}: ` : ''}your choice (${marks.wrongTurns.join(', ')})`;
  if (marks?.onPath) return label ? `✓ ${label}` : undefined;
  return label;
}

const LOOK_WORDS: Record<EdgeLook, string> = { plain: '', path: ', on the right path', wrong: ', your wrong turn' };

export function chartEdges(pack: PackSource, layout: ChartLayout, marks: ChartMarks): Edge[] {
  const texts = new Map(pack.items.map((item) => [item.id, chartText(item)]));
  // What an edge says to a screen reader (React Flow would read out the node ids).
  const ariaLabel = (from: string, to: string, label: string | undefined, look: EdgeLook): string =>
    `${label ? `“${label}”` : 'Then'}: from “${texts.get(from)}” to “${texts.get(to)}”${LOOK_WORDS[look]}`;
  // Drawn in this order, marked edges over plain ones where they cross (all under the nodes, so no line crosses a badge).
  const edges: Record<EdgeLook, Edge[]> = { plain: [], path: [], wrong: [] };
  pack.edges.forEach((edge, index) => {
    if (!(edge.from in layout.nodes) || !(edge.to in layout.nodes)) return;
    const id = edgeId(index);
    const edgeMarks = marks.edges.get(id);
    const look = lookOf(edgeMarks);
    const label = edgeLabel(edge.label, edgeMarks);
    edges[look].push({
      id,
      source: edge.from,
      target: edge.to,
      ...(label === undefined ? {} : { label }),
      className: `chart-edge is-${look}`,
      ariaLabel: ariaLabel(edge.from, edge.to, edge.label, look),
      markerEnd: marker(look),
      ...READ_ONLY,
    });
  });
  return [...edges.plain, ...edges.path, ...edges.wrong];
}

/**
 * What the first view shows when the whole chart would be too small to read (ChartCanvas
 * decides): a tree's debrief opens on the first wrong decision (where it was made and the
 * ways on from there; what was chosen may lie anywhere, and its badge is numbered), or on the
 * start of the right path when every decision was right; a checklist's debrief on the steps
 * of the run; a hint on where the person stands and what is next to it. Undefined: nothing
 * to focus on (the Fit button always shows the whole chart).
 */
export function focusNodeIds(pack: PackSource, marks: ChartMarks, hiddenPath: readonly string[]): string[] | undefined {
  const ids = new Set<string>();
  const ordered = pack.kind === 'tree' ? [] : [...pack.items].sort((a, b) => a.order - b.order).map((item) => item.id);
  const around = (id: string): void => {
    ids.add(id);
    if (pack.kind !== 'tree') {
      const at = ordered.indexOf(id);
      for (const near of ordered.slice(Math.max(0, at - 2), at + 3)) ids.add(near);
      return;
    }
    for (const edge of pack.edges) {
      if (edge.from === id) ids.add(edge.to);
      if (edge.to === id && marks.nodes.get(id)?.here) ids.add(edge.from);
    }
  };
  let firstWrong: { n: number; id: string } | undefined;
  for (const [id, node] of marks.nodes) {
    if (node.here) around(id);
    for (const decision of node.decisions) {
      if (!decision.correct && (!firstWrong || decision.n < firstWrong.n)) firstWrong = { n: decision.n, id };
    }
  }
  if (ids.size > 0) return [...ids];
  if (pack.kind !== 'tree') {
    for (const id of hiddenPath) if (marks.nodes.get(id)?.onPath) ids.add(id);
  } else if (firstWrong) {
    around(firstWrong.id);
  } else {
    for (const id of hiddenPath.slice(0, 4)) if (marks.nodes.get(id)?.onPath) ids.add(id);
  }
  return ids.size > 0 ? [...ids] : undefined;
}
