/** Root-to-outcome paths, their cap, loop erasure, coverage, level suggestion and the incident of the day. */
import { describe, expect, test } from 'vitest';
import { outcomePaths, loopErased, pathKey } from '../../../shared/simulate/paths';
import { pathCoverage } from '../../../shared/simulate/coverage';
import { scenarioGraph, structureOfEdges } from '../../../shared/simulate/scenario-graph';
import type { ScenarioGraph } from '../../../shared/simulate/scenario-graph';
import { scaffoldForLadder, suggestLevel } from '../../../shared/simulate/levels';
import { incidentOfDay } from '../../../shared/simulate/incident-of-day';
import { samplePack, treeOf } from './helpers';

const graphOf = (edges: string[], fail: string[] = []): ScenarioGraph => scenarioGraph(treeOf(edges, fail)) as ScenarioGraph;

describe('outcome paths', () => {
  test('lists every simple path from the root to an outcome, retry edges not followed twice', () => {
    const graph = graphOf(['r>a', 'r>b', 'b>r:retry', 'b>c', 'a>d']);
    const { paths, truncated } = outcomePaths(graph);
    expect(truncated).toBe(false);
    expect(paths.map((p) => pathKey(p.nodes)).sort()).toEqual(['r a d', 'r b c']);
    expect(paths.map((p) => p.outcome).sort()).toEqual(['c', 'd']);
  });

  test('the sample drift tree has exactly its four outcomes’ paths', () => {
    const graph = scenarioGraph(samplePack('feature-drift-response.yaml')) as ScenarioGraph;
    expect(outcomePaths(graph).paths.map((p) => p.outcome).sort()).toEqual(['annotate', 'retrain', 'rollback-source', 'watch']);
  });

  test('a stored tree lists the same paths from its edges alone', () => {
    for (const file of ['feature-drift-response.yaml', 'overfitting-diagnosis.mmd']) {
      const pack = samplePack(file);
      const full = outcomePaths(scenarioGraph(pack) as ScenarioGraph);
      expect(outcomePaths(structureOfEdges(pack.rootId as string, pack.edges))).toEqual(full);
    }
  });

  test('a chart with exponentially many paths is capped and says so', () => {
    // 20 diamonds in a row: 2^20 paths.
    const edges: string[] = [];
    for (let i = 0; i < 20; i += 1) edges.push(`m${i}>x${i}`, `m${i}>y${i}`, `x${i}>m${i + 1}`, `y${i}>m${i + 1}`);
    const list = outcomePaths(graphOf(edges), 500);
    expect(list.paths).toHaveLength(500);
    expect(list.truncated).toBe(true);
  });

  test('two answers leading to the same node make one path, not two', () => {
    const graph = graphOf(['r>a:yes', 'r>a:maybe', 'r>b:no']);
    expect(outcomePaths(graph).paths.map((p) => pathKey(p.nodes))).toEqual(['r a', 'r b']);
  });

  test('a chart with exactly as many paths as the cap is listed whole, not truncated', () => {
    const graph = graphOf(['r>a', 'r>b']);
    expect(outcomePaths(graph, 2)).toEqual({ paths: [{ nodes: ['r', 'a'], outcome: 'a' }, { nodes: ['r', 'b'], outcome: 'b' }], truncated: false });
    expect(outcomePaths(graph, 1)).toEqual({ paths: [{ nodes: ['r', 'a'], outcome: 'a' }], truncated: true });
  });

  test('loops are cut out of a walk', () => {
    expect(loopErased(['r', 'b', 'r', 'a', 'd'])).toEqual(['r', 'a', 'd']);
    expect(loopErased(['r', 'a', 'b', 'a', 'c'])).toEqual(['r', 'a', 'c']);
    expect(loopErased(['r', 'a'])).toEqual(['r', 'a']);
  });
});

describe('path coverage', () => {
  test('counts walked paths (a looped walk as the path it reduces to) and names outcomes never reached', () => {
    const graph = graphOf(['r>a', 'r>b', 'b>r:retry', 'b>c', 'a>d', 'a>e']);
    const coverage = pathCoverage(outcomePaths(graph), [['r', 'b', 'r', 'a', 'd']]);
    expect(coverage).toEqual({ walked: 1, total: 3, truncated: false, neverReached: ['e', 'c'] });
  });
});

describe('the starting level', () => {
  test('from the ladder: the next rung’s scaffold (Observe starts with worked examples)', () => {
    expect([1, 2, 3, 4, 5].map((ladder) => scaffoldForLadder(ladder as 1 | 2 | 3 | 4 | 5))).toEqual([1, 3, 4, 5, 5]);
  });

  test('starts at Observe, goes up after mastering a level twice, down after a poor run', () => {
    expect(suggestLevel([])).toBe(1);
    expect(suggestLevel([{ level: 1, score: 90, finished: true }])).toBe(1);
    expect(suggestLevel([{ level: 1, score: 90, finished: true }, { level: 1, score: 85, finished: true }])).toBe(2);
    expect(suggestLevel([{ level: 3, score: 90, finished: true }, { level: 3, score: 40, finished: true }])).toBe(2);
    expect(suggestLevel([{ level: 5, score: 95, finished: true }, { level: 5, score: 95, finished: true }])).toBe(5);
    // Unfinished attempts do not count.
    expect(suggestLevel([{ level: 2, score: 90, finished: true }, { level: 2, finished: false }, { level: 2, score: 90, finished: true }])).toBe(3);
  });
});

describe('the rare incident of the day', () => {
  const NOW = Date.UTC(2026, 11, 3, 12);
  const candidates = [
    { packId: 'common-strong', title: 'A', rarity: 'common' as const, criticality: 'low' as const, weakness: 0.05, lastWalkedAt: NOW - 86_400_000 },
    { packId: 'rare-weak', title: 'B', rarity: 'rare' as const, criticality: 'high' as const, weakness: 0.8 },
    { packId: 'occasional', title: 'C', rarity: 'occasional' as const, criticality: 'medium' as const, weakness: 0.4, lastWalkedAt: NOW - 10 * 86_400_000 },
  ];

  test('is the same all day, whatever order the packs come in, and says why', () => {
    const pick = incidentOfDay(candidates, 20_000, NOW);
    expect(incidentOfDay([...candidates].reverse(), 20_000, NOW)).toEqual(pick);
    expect(pick?.reason).toMatch(/\.$/);
  });

  test('is mostly the rarest, weakest pack, and sometimes another', () => {
    const picks = Array.from({ length: 400 }, (_, day) => incidentOfDay(candidates, 20_000 + day, NOW)?.packId);
    const rare = picks.filter((id) => id === 'rare-weak').length;
    expect(rare / picks.length).toBeGreaterThan(0.8);
    expect(new Set(picks).size).toBeGreaterThan(1);
    expect(incidentOfDay([], 1, NOW)).toBeNull();
  });

  test('the reason names rarity, criticality, memory and when it was last walked', () => {
    const only = incidentOfDay([candidates[1]!], 1, NOW);
    expect(only).toEqual({ packId: 'rare-weak', reason: 'Rare in real life, high criticality; 80 % of its cards are due or not yet learned; never walked.' });
  });
});
