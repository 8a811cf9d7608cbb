/**
 * The scenario engine (practice.md, "Scenario simulations"): determinism by seed, the
 * weighting of the hidden path, bounded cycles, fair options and backward fading.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { drawScenario, notWalkable, rebuildScenario } from '../../../shared/simulate/build-scenario';
import { scenarioGraph } from '../../../shared/simulate/scenario-graph';
import type { CardMemory, MemoryView } from '../../../shared/simulate/memory-view';
import { emptyMemory } from '../../../shared/simulate/memory-view';
import { optionText } from '../../../shared/simulate/options';
import type { Level } from '../../../shared/simulate/scenario-types';
import { LEVELS } from '../../../shared/simulate/scenario-types';
import { branchCardId, cardId } from '../../../shared/drills/ids';
import { generateCards } from '../../../shared/drills/generate-cards';
import type { PackSource } from '../../../shared/model';
import { packFrom, samplePack, seedsFrom, treeOf } from './helpers';

const NOW = Date.UTC(2026, 10, 1);

function memoryOf(cards: Record<string, Partial<CardMemory>>, walkedAt: Record<string, number> = {}): MemoryView {
  return {
    cards: new Map(Object.entries(cards).map(([id, m]) => [id, { retrievability: 0.9, lapses: 0, relearning: false, ...m }])),
    walkedAt: new Map(Object.entries(walkedAt)),
    now: NOW,
  };
}

/** How often, over `seeds`, the hidden path's second node is `id`. */
function shareThrough(pack: PackSource, memory: MemoryView, id: string, seeds: readonly number[]): number {
  let hits = 0;
  for (const seed of seeds) if (drawScenario({ packId: 't', pack, seed, level: 2, memory }).hiddenPath[1] === id) hits += 1;
  return hits / seeds.length;
}

describe('determinism', () => {
  const tree = samplePack('feature-drift-response.yaml');
  const checklist = samplePack('inference-outage-runbook.md');

  test('the same pack, seed, level and memory draw the same scenario', () => {
    const memory = memoryOf({ [branchCardId('t', 'check-psi', { label: 'yes' }, 0)]: { retrievability: 0.3 } });
    for (const pack of [tree, checklist]) {
      for (const seed of [1, 2, 99, 123456]) {
        for (const level of LEVELS) {
          const a = drawScenario({ packId: 't', pack, seed, level, memory });
          expect(drawScenario({ packId: 't', pack, seed, level, memory })).toEqual(a);
          // A stored attempt rebuilds the same steps from its seed and hidden path alone.
          expect(rebuildScenario({ packId: 't', pack, seed, level, section: a.sectionId ?? 'all' }, a.hiddenPath)).toEqual(a);
        }
      }
    }
  });

  test('different seeds walk different paths of a branching tree', () => {
    const paths = new Set(seedsFrom(5, 60).map((seed) => drawScenario({ packId: 't', pack: tree, seed, level: 1 }).hiddenPath.join(' ')));
    expect(paths.size).toBeGreaterThanOrEqual(4);
  });

  test('every decision names the card that asks the same thing, and that card exists', () => {
    for (const pack of [tree, samplePack('overfitting-diagnosis.mmd'), checklist]) {
      const cards = new Set(generateCards('t', pack).map((card) => card.id));
      for (const seed of seedsFrom(9, 20)) {
        for (const step of drawScenario({ packId: 't', pack, seed, level: 3 }).steps) {
          expect(step.cardId).toBeDefined();
          expect(cards.has(step.cardId as string)).toBe(true);
        }
      }
    }
  });

  test('a pack of questions cannot be walked, and says why', () => {
    const qa = packFrom('q.csv', 'front,back\nWhat is PSI?,A drift measure\n');
    expect(notWalkable(qa)).toMatch(/no path to walk/);
    expect(() => drawScenario({ packId: 'q', pack: qa, seed: 1, level: 1 })).toThrow(/no path to walk/);
  });
});

describe('the hidden path is weighted toward what needs rehearsal', () => {
  // r asks a question with two answers; each leads through an action to an outcome.
  const pack = treeOf(['r>a:left', 'r>b:right', 'a>a2', 'b>b2']);
  const seeds = seedsFrom(20261203, 3000);
  const left = branchCardId('t', 'r', { label: 'left' }, 0);
  const right = branchCardId('t', 'r', { label: 'right' }, 1);

  test('with nothing known, both branches are walked about equally', () => {
    const share = shareThrough(pack, emptyMemory(NOW), 'a', seeds);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
  });

  test('a weak branch (low retrievability, recent lapses) is walked more often than a strong one', () => {
    const share = shareThrough(pack, memoryOf({ [left]: { retrievability: 0.3, lapses: 3, relearning: true }, [right]: { retrievability: 0.97 } }), 'a', seeds);
    expect(share).toBeGreaterThan(0.68);
  });

  test('a branch walked today is walked less often than one not walked for a month', () => {
    const memory = memoryOf({ [left]: {}, [right]: {} }, { 'r->a': NOW, 'r->b': NOW - 40 * 86_400_000 });
    const share = shareThrough(pack, memory, 'b', seeds);
    expect(share).toBeGreaterThan(0.6);
  });

  test('the way to a fail outcome is walked more often', () => {
    const failing = treeOf(['r>a:left', 'r>b:right', 'a>a2', 'b>b2'], ['a2']);
    const share = shareThrough(failing, emptyMemory(NOW), 'a', seeds);
    expect(share).toBeGreaterThan(0.65);
  });
});

/** Random charts with retry edges: n nodes, each with 0–3 edges to any node (cycles included). */
const charts = fc
  .integer({ min: 2, max: 25 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    ),
  )
  .map(([n, targets, seed]) => {
    const edges: string[] = [];
    targets.forEach((list, from) => {
      for (const to of new Set(list)) if (to !== from) edges.push(`n${from}>n${to}:e${to}`);
    });
    // Make sure every node appears (isolated ones as self-contained outcomes are dropped by treeOf otherwise).
    if (edges.length === 0) edges.push('n0>n1');
    return { n, pack: treeOf(edges), seed };
  });

describe('every walk ends, with no node visited more than twice (property)', () => {
  test('on random cyclic charts', () => {
    fc.assert(
      fc.property(charts, ({ pack, seed }) => {
        if (notWalkable(pack)) return;
        const graph = scenarioGraph(pack);
        if (!graph) return;
        const scenario = drawScenario({ packId: 't', pack, seed, level: 1 });
        const visits = new Map<string, number>();
        for (const id of scenario.hiddenPath) visits.set(id, (visits.get(id) ?? 0) + 1);
        for (const count of visits.values()) expect(count).toBeLessThanOrEqual(2);
        expect(scenario.hiddenPath.length).toBeLessThanOrEqual(2 * pack.items.length);
        // It ends on an outcome: a node with no way onward.
        expect(graph.outgoing.get(scenario.outcome as string)?.length ?? 0).toBe(0);
        // Consecutive nodes are joined by an edge.
        for (let i = 0; i + 1 < scenario.hiddenPath.length; i += 1) {
          expect(pack.edges.some((e) => e.from === scenario.hiddenPath[i] && e.to === scenario.hiddenPath[i + 1])).toBe(true);
        }
      }),
      { numRuns: 400, seed: 424242 },
    );
  });

  test('a retry loop is walked at most once around before heading out', () => {
    // b can go back to r ("retry"); with b weak and its edge back stale, loops would be likely.
    const pack = treeOf(['r>a:x', 'r>b:y', 'b>r:retry', 'b>c:give up', 'a>d'], ['c']);
    for (const seed of seedsFrom(77, 500)) {
      const { hiddenPath } = drawScenario({ packId: 't', pack, seed, level: 1 });
      expect(hiddenPath.filter((id) => id === 'r').length).toBeLessThanOrEqual(2);
      expect(['c', 'd']).toContain(hiddenPath.at(-1));
    }
  });
});

describe('options', () => {
  const chart = packFrom(
    'o.mmd',
    [
      'flowchart TD',
      '  s([Alert fires]) --> q{Error rate above 5%?}',
      '  q -->|yes| rb[Roll back the last deploy]:::ok',
      '  q -->|no| q2{Latency above SLO?}',
      '  q2 -->|yes| sc[Scale out the serving pool]:::ok',
      '  q2 -->|no| w[Keep watching for an hour]:::ok',
      '  q2 -->|unsure| w2[Keep watching for an hour]:::ok',
    ].join('\n'),
  );

  test('hold the answer, never the current node, never two that read the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom<Level>(1, 2), (seed, level) => {
        const scenario = drawScenario({ packId: 'o', pack: chart, seed, level });
        const byId = new Map(chart.items.map((item) => [item.id, item]));
        for (const step of scenario.steps) {
          const options = step.options ?? [];
          expect(options.length).toBeGreaterThanOrEqual(2);
          expect(options).toContain(step.answer);
          expect(options).not.toContain(step.at);
          expect(options).not.toContain('s');
          const texts = options.map((id) => optionText(byId.get(id)!));
          expect(new Set(texts).size).toBe(texts.length);
          expect(texts).not.toContain(optionText(byId.get(step.at as string)!));
        }
      }),
      { numRuns: 300, seed: 99 },
    );
  });

  test("the right option's position is uniform over seeds", () => {
    const counts = [0, 0, 0, 0];
    const seeds = seedsFrom(31337, 4000);
    let decisions = 0;
    for (const seed of seeds) {
      const step = drawScenario({ packId: 'o', pack: chart, seed, level: 1 }).steps[0]!;
      if (step.options?.length !== 4) continue;
      counts[step.options.indexOf(step.answer)] += 1;
      decisions += 1;
    }
    expect(decisions).toBe(seeds.length);
    // Chi-square with 3 degrees of freedom: 16.27 is the 0.1 % critical value.
    const expected = decisions / 4;
    const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(16.27);
  });

  test('free-recall levels show no options, but keep them for the options hint', () => {
    const scenario = drawScenario({ packId: 'o', pack: chart, seed: 4, level: 3 });
    for (const step of scenario.steps) {
      expect(step.options).toBeUndefined();
      expect(step.hintOptions).toContain(step.answer);
    }
  });
});

describe('checklist scenarios fade backward', () => {
  const checklist = samplePack('model-deployment-checklist.md');

  test('blanked steps are a suffix of the order, and a higher level blanks a superset', () => {
    for (const seed of seedsFrom(3, 10)) {
      let previous = new Set<string>();
      for (const level of LEVELS) {
        const scenario = drawScenario({ packId: 'c', pack: checklist, seed, level, section: 'all' });
        const flags = scenario.steps.map((step) => step.blank === true);
        const first = flags.indexOf(true);
        expect(first).toBeGreaterThanOrEqual(0);
        expect(flags.slice(first).every(Boolean)).toBe(true);
        const blanked = new Set(scenario.steps.filter((step) => step.blank).map((step) => step.answer));
        for (const id of previous) expect(blanked.has(id)).toBe(true);
        previous = blanked;
      }
      expect(previous.size).toBe(checklist.items.length);
    }
  });

  test('the steps are the checklist in reading order, each standing after the one before', () => {
    const scenario = drawScenario({ packId: 'c', pack: checklist, seed: 8, level: 4, section: 'all' });
    const order = [...checklist.items].sort((a, b) => a.order - b.order).map((item) => item.id);
    expect(scenario.hiddenPath).toEqual(order);
    expect(scenario.steps[0]!.at).toBeUndefined();
    scenario.steps.slice(1).forEach((step, i) => expect(step.at).toBe(order[i]));
    expect(scenario.steps.every((step) => step.options === undefined)).toBe(true);
  });

  test('memory items are strictly timed and recalled, never chosen', () => {
    const runbook = samplePack('inference-outage-runbook.md');
    const scenario = drawScenario({ packId: 'r', pack: runbook, seed: 1, level: 1, section: 'all' });
    const memory = scenario.steps.filter((step) => runbook.items.find((item) => item.id === step.answer)?.memory);
    expect(memory.length).toBe(3);
    for (const step of memory) {
      expect(step.memoryLimitMs).toBeGreaterThanOrEqual(10_000);
      expect(step.options).toBeUndefined();
      expect(step.cardId).toBe(cardId('r', step.answer, 'memory'));
    }
  });

  test('a long checklist is performed a section at a time, drawn toward weak sections', () => {
    const markdown = ['A', 'B', 'C', 'D'].map((name) => `## Phase ${name}\n${[1, 2, 3, 4, 5].map((n) => `- [ ] Do ${name}${n}`).join('\n')}`).join('\n\n');
    const quality = packFrom('long.md', markdown);
    const sections = quality.sections.map((section) => section.id);
    const weakSection = sections[2] as string;
    const cards: Record<string, Partial<CardMemory>> = {};
    for (const item of quality.items) cards[cardId('q', item.id, 'next-step')] = { retrievability: item.sectionId === weakSection ? 0.2 : 0.98 };
    const memory = memoryOf(cards);
    const drawn = seedsFrom(12, 800).map((seed) => drawScenario({ packId: 'q', pack: quality, seed, level: 2, memory }).sectionId);
    for (const id of drawn) expect(sections).toContain(id);
    const share = drawn.filter((id) => id === weakSection).length / drawn.length;
    // Four sections: a uniform draw gives 25 %.
    expect(share).toBeGreaterThan(0.35);
  });
});
