/**
 * The root-to-outcome paths of a tree, for path coverage ("you have walked 3 of its 7
 * paths; never reached: restore from the replica") and `kata simulate --paths`. Trees can
 * have exponentially many paths, so the list is capped and says so. A path is simple (no
 * node twice): a walk that looped through a "retry" edge counts as the path it reduces to.
 */
import type { GraphStructure } from './scenario-graph';

export interface OutcomePath {
  nodes: string[];
  outcome: string;
}

export interface PathList {
  paths: OutcomePath[];
  /** True when the cap (or the search budget) stopped the listing before every path was found. */
  truncated: boolean;
}

/** At most this many paths are listed. */
export const MAX_LISTED_PATHS = 1_000;
/** Nodes the depth-first search may expand before it gives up (a chart of dead-end loops). */
const SEARCH_BUDGET = 200_000;

/** The simple paths from the root to an outcome, in depth-first order of the edges, capped at `cap`. */
export function outcomePaths(graph: GraphStructure, cap: number = MAX_LISTED_PATHS): PathList {
  const paths: OutcomePath[] = [];
  const onPath = new Set<string>();
  const nodes: string[] = [];
  let budget = SEARCH_BUDGET;
  let truncated = false;
  // Iterative DFS: a frame is a node and the index of its next edge to try.
  const stack: { id: string; next: number }[] = [];
  const enter = (id: string): void => {
    onPath.add(id);
    nodes.push(id);
    stack.push({ id, next: 0 });
  };
  enter(graph.rootId);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { id: string; next: number };
    const edges = graph.outgoing.get(frame.id) ?? [];
    if (edges.length === 0 && frame.next === 0) {
      // Truncated only when a path beyond the cap exists: a chart of exactly `cap` paths is listed whole.
      if (paths.length >= cap) {
        truncated = true;
        break;
      }
      paths.push({ nodes: [...nodes], outcome: frame.id });
      frame.next = 1;
    }
    const edge = edges[frame.next];
    if (edge === undefined || edges.length === 0) {
      stack.pop();
      nodes.pop();
      onPath.delete(frame.id);
      continue;
    }
    frame.next += 1;
    if (onPath.has(edge.to) || graph.distance.get(edge.to) === Infinity) continue;
    // Two answers leading to the same node ("yes" and "maybe" → b) make one path, not two:
    // a path is its nodes (pathKey), and coverage counts it once.
    if (edges.slice(0, frame.next - 1).some((earlier) => earlier.to === edge.to)) continue;
    budget -= 1;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    enter(edge.to);
  }
  return { paths, truncated };
}

/** A path's identity: its nodes joined (ids have no spaces in Mermaid and YAML; checklists are not walked here). */
export function pathKey(nodes: readonly string[]): string {
  return nodes.join(' ');
}

/**
 * The simple path a walk reduces to: each loop (a node met again) is cut out, so a walk
 * through a retry edge counts as the path that finally got through.
 */
export function loopErased(walk: readonly string[]): string[] {
  const out: string[] = [];
  const at = new Map<string, number>();
  for (const id of walk) {
    const seen = at.get(id);
    if (seen !== undefined) {
      for (const removed of out.splice(seen + 1)) at.delete(removed);
      continue;
    }
    at.set(id, out.length);
    out.push(id);
  }
  return out;
}
