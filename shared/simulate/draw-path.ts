/**
 * The hidden path of a tree scenario: drawn edge by edge from the root, never enumerated
 * (a tree can have exponentially many paths). Each outgoing edge is weighted toward what
 * needs rehearsal: weak branches (the card that asks "at this node, what now?" is not well
 * recalled or was recently forgotten), branches not walked lately, and the way to `fail`
 * outcomes — the rare bad case reality gives no practice in.
 *
 * Cycles ("retry" edges back up the chart) may be walked, bounded: the walk enters "exit
 * mode" the first time it arrives at a node again, and from then on only takes edges that
 * bring it strictly closer to an outcome. Before that no node repeats, and in exit mode
 * none can, so no node is visited more than twice and every walk ends.
 */
import type { Random } from '../random';
import type { ItemSource } from '../model';
import type { GraphEdge, ScenarioGraph } from './scenario-graph';
import { edgeKey } from './scenario-graph';
import type { MemoryView } from './memory-view';
import { cardWeakness, staleness } from './memory-view';
import { decisionCardId } from './decision-cards';

/** How strongly each signal pulls the walk (multiplicative: an edge weak, stale and toward failure is all three). */
export const WEIGHTS = { weakness: 2, staleness: 1.5, fail: 2 } as const;

/** The weight of taking `edge` from its node, given the person's memory. */
export function edgeWeight(packId: string, graph: ScenarioGraph, edge: GraphEdge, memory: MemoryView): number {
  const from = graph.items.get(edge.from) as ItemSource;
  const weak = cardWeakness(memory, decisionCardId(packId, from, edge));
  const stale = staleness(memory, edgeKey(edge));
  const fail = graph.failShare.get(edge.to) ?? 0;
  return (1 + WEIGHTS.weakness * weak) * (1 + WEIGHTS.staleness * stale) * (1 + WEIGHTS.fail * fail);
}

/** Picks one of `edges` with probability proportional to its weight. */
function pickWeighted(edges: readonly GraphEdge[], weight: (edge: GraphEdge) => number, random: Random): GraphEdge {
  const weights = edges.map(weight);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let r = random.next() * total;
  for (let i = 0; i < edges.length; i += 1) {
    r -= weights[i] as number;
    if (r < 0) return edges[i] as GraphEdge;
  }
  return edges[edges.length - 1] as GraphEdge;
}

/** The edges taken, root first; the walk's nodes are the root then each edge's target. */
export function drawHiddenEdges(packId: string, graph: ScenarioGraph, memory: MemoryView, random: Random): GraphEdge[] {
  const taken: GraphEdge[] = [];
  const visits = new Map<string, number>([[graph.rootId, 1]]);
  let at = graph.rootId;
  let exiting = false;
  // A bound on top of the argument above, should a malformed graph break it: 2 visits per node.
  for (let guard = 2 * graph.items.size + 1; guard > 0; guard -= 1) {
    const here = graph.distance.get(at) ?? Infinity;
    // Edges into nodes from which no outcome can be reached would never end; in exit mode only closer ones.
    const candidates = (graph.outgoing.get(at) ?? []).filter((edge) => {
      const there = graph.distance.get(edge.to) ?? Infinity;
      return there !== Infinity && (!exiting || there < here) && (visits.get(edge.to) ?? 0) < 2;
    });
    if (candidates.length === 0) break;
    const edge = pickWeighted(candidates, (e) => edgeWeight(packId, graph, e, memory), random);
    taken.push(edge);
    at = edge.to;
    const count = (visits.get(at) ?? 0) + 1;
    visits.set(at, count);
    if (count >= 2) exiting = true;
  }
  return taken;
}
