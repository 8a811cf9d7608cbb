/**
 * A decision tree as the engine walks it: each node's outgoing edges (in source order,
 * which is how branch cards are numbered), its distance to the nearest outcome, and how
 * much of what lies beyond it ends in a `fail` outcome. Built once per pack version.
 */
import type { EdgeSource, ItemSource, PackSource } from '../model';
import { pushTo } from '../group-by';

export interface GraphEdge extends EdgeSource {
  /** Position among its source node's outgoing edges (an unlabelled answer is known by it). */
  index: number;
}

/** The shape of a tree without its items' texts: what listing its paths needs. */
export interface GraphStructure {
  rootId: string;
  outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
  /** Edges to the nearest node without outgoing edges (an outcome); Infinity where none can be reached. */
  distance: ReadonlyMap<string, number>;
}

export interface ScenarioGraph extends GraphStructure {
  items: ReadonlyMap<string, ItemSource>;
  /** Share of the outcomes reachable from a node that are `fail` (1 for a fail outcome itself). */
  failShare: ReadonlyMap<string, number>;
}

/** `from->to`: how a walked edge is remembered between attempts. */
export function edgeKey(edge: Pick<EdgeSource, 'from' | 'to'>): string {
  return `${edge.from}->${edge.to}`;
}

/** Outgoing edges and distances over `nodes`; edges touching other nodes are left out. */
function structure(rootId: string, nodes: ReadonlySet<string>, edges: readonly EdgeSource[]): GraphStructure {
  const outgoing = new Map<string, GraphEdge[]>();
  const incoming = new Map<string, string[]>();
  for (const edge of edges) {
    if (!nodes.has(edge.from) || !nodes.has(edge.to)) continue;
    const list = outgoing.get(edge.from) ?? [];
    list.push({ ...edge, index: list.length });
    outgoing.set(edge.from, list);
    pushTo(incoming, edge.to, edge.from);
  }
  return { rootId, outgoing, distance: distances(nodes, outgoing, incoming) };
}

/** The graph of a tree pack, or null when it has no root or no items to walk. */
export function scenarioGraph(pack: PackSource): ScenarioGraph | null {
  const items = new Map(pack.items.map((item) => [item.id, item]));
  const rootId = pack.rootId ?? pack.items[0]?.id;
  if (rootId === undefined || !items.has(rootId)) return null;
  const shape = structure(rootId, new Set(items.keys()), pack.edges);
  return { ...shape, items, failShare: failShares(items, shape.outgoing) };
}

/**
 * A stored tree's structure from its edges alone (every node of a stored tree is on an edge
 * or is its root), so its paths can be listed without reading its items.
 */
export function structureOfEdges(rootId: string, edges: readonly EdgeSource[]): GraphStructure {
  const nodes = new Set<string>([rootId]);
  for (const edge of edges) {
    nodes.add(edge.from);
    nodes.add(edge.to);
  }
  return structure(rootId, nodes, edges);
}

/** Breadth-first from every outcome along reversed edges. */
function distances(
  nodes: ReadonlySet<string>,
  outgoing: ReadonlyMap<string, readonly GraphEdge[]>,
  incoming: ReadonlyMap<string, readonly string[]>,
): Map<string, number> {
  const distance = new Map<string, number>();
  const queue: string[] = [];
  for (const id of nodes) {
    if ((outgoing.get(id)?.length ?? 0) === 0) {
      distance.set(id, 0);
      queue.push(id);
    }
  }
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head] as string;
    const next = (distance.get(id) as number) + 1;
    for (const from of incoming.get(id) ?? []) {
      if (!distance.has(from)) {
        distance.set(from, next);
        queue.push(from);
      }
    }
  }
  for (const id of nodes) if (!distance.has(id)) distance.set(id, Infinity);
  return distance;
}

/**
 * For each node, the share of `fail` among the distinct outcomes reachable from it. One
 * traversal per node would be quadratic on big charts, so the outcome sets are capped: a
 * node that reaches more than CAP outcomes is judged on the first CAP found.
 */
function failShares(items: ReadonlyMap<string, ItemSource>, outgoing: ReadonlyMap<string, readonly GraphEdge[]>): Map<string, number> {
  const CAP = 64;
  const share = new Map<string, number>();
  for (const id of items.keys()) {
    const seen = new Set<string>([id]);
    const stack = [id];
    let outcomes = 0;
    let fails = 0;
    while (stack.length > 0 && outcomes < CAP) {
      const node = stack.pop() as string;
      const edges = outgoing.get(node) ?? [];
      if (edges.length === 0) {
        outcomes += 1;
        if (items.get(node)?.outcome === 'fail') fails += 1;
        continue;
      }
      for (const edge of edges) {
        if (!seen.has(edge.to)) {
          seen.add(edge.to);
          stack.push(edge.to);
        }
      }
    }
    share.set(id, outcomes === 0 ? 0 : fails / outcomes);
  }
  return share;
}
