/**
 * Path coverage of a pack: which of its root-to-outcome paths the person has walked, and
 * which outcomes they have never reached ("never walked: restore from the replica"). For
 * a runbook this is the question that matters: have I ever rehearsed this branch?
 */
import type { GraphStructure } from './scenario-graph';
import type { PathList } from './paths';
import { loopErased, pathKey } from './paths';

export interface PathCoverage {
  /** Listed paths walked at least once. */
  walked: number;
  /** Paths listed (all of them unless `truncated`). */
  total: number;
  truncated: boolean;
  /** Outcomes on some listed path that no walk has reached, in listing order. */
  neverReached: string[];
}

/** Coverage of `paths` by the hidden paths of finished walks (loops cut out). */
export function pathCoverage(paths: PathList, walks: readonly (readonly string[])[]): PathCoverage {
  const walkedKeys = new Set(walks.map((walk) => pathKey(loopErased(walk))));
  const reached = new Set(walks.map((walk) => walk[walk.length - 1]));
  const neverReached: string[] = [];
  const seen = new Set<string>();
  let walked = 0;
  for (const path of paths.paths) {
    if (walkedKeys.has(pathKey(path.nodes))) walked += 1;
    if (!reached.has(path.outcome) && !seen.has(path.outcome)) {
      seen.add(path.outcome);
      neverReached.push(path.outcome);
    }
  }
  return { walked, total: paths.paths.length, truncated: paths.truncated, neverReached };
}

/** The outcomes a graph can end on (nodes without a way onward), in item order. */
export function outcomesOf(graph: GraphStructure): string[] {
  return [...graph.distance.keys()].filter((id) => (graph.outgoing.get(id)?.length ?? 0) === 0 && graph.distance.get(id) === 0);
}
