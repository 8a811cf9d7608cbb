/**
 * What the chart marks on each node and edge, worked out apart from drawing so it can be
 * tested without a DOM. Debrief: the right path (the hidden path's nodes and the edges
 * between them), each decision by number with whether it was right, and each wrong turn
 * (the option chosen instead of the answer). Hint: only where the person stands — no path,
 * which would give the answer away.
 */
import type { DecisionRecord, PackSource } from '../../../../shared/model';

export interface DecisionMark {
  /** 1-based: the n-th decision of the run (the number on its badge and in the list). */
  n: number;
  correct: boolean;
}

export interface NodeMarks {
  /** On the right path. */
  onPath: boolean;
  /** Trees: the decisions made standing here; checklists: the decisions about this step. */
  decisions: DecisionMark[];
  /** Decision numbers at which this node was chosen instead of the answer. */
  chosenInstead: number[];
  /** Checklists: a step of the run shown done (a worked example), not asked. */
  shownDone: boolean;
  /** Hint: where the person stands now. */
  here: boolean;
}

export interface EdgeMarks {
  onPath: boolean;
  /** Decision numbers that took this edge instead of the right one. */
  wrongTurns: number[];
}

/**
 * A wrong choice marks the chosen node, and the edge to it where the chart has one. Options
 * come from the whole pack, so the chosen node is often not one edge away: no edge is made
 * up for it (a line across the chart would cross the nodes between), its badge's number
 * ties it to the decision.
 */
export interface ChartMarks {
  nodes: ReadonlyMap<string, NodeMarks>;
  edges: ReadonlyMap<string, EdgeMarks>;
}

/** The chart's id of the `index`-th edge of a pack (two edges may join the same nodes, with different labels). */
export function edgeId(index: number): string {
  return `edge-${index}`;
}

function blankNode(): NodeMarks {
  return { onPath: false, decisions: [], chosenInstead: [], shownDone: false, here: false };
}

function nodeOf(nodes: Map<string, NodeMarks>, id: string): NodeMarks {
  let marks = nodes.get(id);
  if (!marks) {
    marks = blankNode();
    nodes.set(id, marks);
  }
  return marks;
}

function edgeOf(edges: Map<string, EdgeMarks>, id: string): EdgeMarks {
  let marks = edges.get(id);
  if (!marks) {
    marks = { onPath: false, wrongTurns: [] };
    edges.set(id, marks);
  }
  return marks;
}

/** The index of the first edge from `from` to `to` (the one the engine walks), or -1. */
function firstEdge(pack: PackSource, from: string, to: string): number {
  return pack.edges.findIndex((edge) => edge.from === from && edge.to === to);
}

/** The item a decision is about: the node decided at (trees) or the step to produce (checklists). */
export function decisionNode(pack: Pick<PackSource, 'kind'>, hiddenPath: readonly string[], decision: DecisionRecord): string | undefined {
  return pack.kind === 'tree' ? (decision.at ?? hiddenPath[decision.step]) : decision.answer;
}

/** The option chosen instead of the answer, when the decision was a wrong choice (not a recall). */
export function wrongChoice(decision: DecisionRecord): string | undefined {
  return !decision.correct && decision.chosen !== undefined && decision.chosen !== decision.answer ? decision.chosen : undefined;
}

/**
 * The debrief's marks: right path, numbered decisions, wrong turns. Ids the pack no longer
 * has (an attempt walked before a re-import) are left out.
 */
export function pathMarks(pack: PackSource, hiddenPath: readonly string[], decisions: readonly DecisionRecord[]): ChartMarks {
  const known = new Set(pack.items.map((item) => item.id));
  const nodes = new Map<string, NodeMarks>();
  const edges = new Map<string, EdgeMarks>();
  hiddenPath.forEach((id, index) => {
    if (!known.has(id)) return;
    nodeOf(nodes, id).onPath = true;
    const next = hiddenPath[index + 1];
    if (pack.kind === 'tree' && next !== undefined) {
      const edge = firstEdge(pack, id, next);
      if (edge >= 0) edgeOf(edges, edgeId(edge)).onPath = true;
    }
  });
  if (pack.kind !== 'tree' && decisions.length > 0) {
    // Checklist blanks fade backward (the last steps first): the steps before the first decision were shown done.
    const firstAsked = Math.min(...decisions.map((decision) => decision.step));
    hiddenPath.forEach((id, index) => {
      if (known.has(id) && index < firstAsked) nodeOf(nodes, id).shownDone = true;
    });
  }
  decisions.forEach((decision, index) => {
    const n = index + 1;
    const at = decisionNode(pack, hiddenPath, decision);
    if (at !== undefined && known.has(at)) nodeOf(nodes, at).decisions.push({ n, correct: decision.correct });
    const chosen = wrongChoice(decision);
    if (chosen === undefined || !known.has(chosen)) return;
    nodeOf(nodes, chosen).chosenInstead.push(n);
    if (pack.kind !== 'tree' || decision.at === undefined || !known.has(decision.at)) return;
    const edge = firstEdge(pack, decision.at, chosen);
    if (edge >= 0) edgeOf(edges, edgeId(edge)).wrongTurns.push(n);
  });
  return { nodes, edges };
}

/** The hint's marks: only the node the person stands on. */
export function hereMarks(pack: Pick<PackSource, 'items'>, currentNodeId: string | undefined): ChartMarks {
  const nodes = new Map<string, NodeMarks>();
  if (currentNodeId !== undefined && pack.items.some((item) => item.id === currentNodeId)) {
    nodes.set(currentNodeId, { ...blankNode(), here: true });
  }
  return { nodes, edges: new Map() };
}

/** The marks of a node (a node without marks gets empty ones). */
export function marksOf(marks: ChartMarks, id: string): NodeMarks {
  return marks.nodes.get(id) ?? blankNode();
}
