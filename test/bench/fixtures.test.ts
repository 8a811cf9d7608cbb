// @vitest-environment happy-dom
// happy-dom: the last test runs Mermaid's own parser, which needs a DOM (DOMPurify). Kata's parsers are pure.
import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_STEPS,
  createRandom,
  FIXTURE_SEED,
  FLOWCHART_NODES,
  generateChecklist,
  generateFlowchart,
} from '../../bench/fixtures/index';
import { parseMermaidGraph } from '../../shared/import/mermaid/index';
import { parseImportFile } from '../../shared/import/parse-file';
import type { ParseResult } from '../../shared/import/result';
import type { PackSource } from '../../shared/model';

function packOf(result: ParseResult): PackSource {
  if (!result.ok) throw new Error(`expected the fixture to parse: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.pack;
}

describe('createRandom', () => {
  it('is deterministic for a seed and stays in range', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const first = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(990);
    const c = createRandom(43);
    expect(Array.from({ length: 10 }, () => c.next())).not.toEqual(first.slice(0, 10));
    const d = createRandom(7);
    const ints = Array.from({ length: 2000 }, () => d.between(2, 5));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4, 5]));
  });
});

describe('generateChecklist', () => {
  const text = generateChecklist(CHECKLIST_STEPS.full, FIXTURE_SEED);
  const result = parseImportFile('runbook.md', text);
  const pack = packOf(result);

  it('parses with Kata\'s parser, without errors or warnings, into exactly 10 000 items', () => {
    expect(pack.items).toHaveLength(10_000);
    expect(result.warnings).toEqual([]);
    expect(pack.kind).toBe('checklist');
    expect(pack.title).toBe('Generated release runbook (10000 steps)');
    expect(pack.meta).toMatchObject({ rarity: 'occasional', criticality: 'high', tags: ['bench', 'generated'] });
  });

  it('holds a realistic mixture: sections, sub-steps two deep, rationales, notes, key values, ids, memory items', () => {
    const share = (count: number) => count / pack.items.length;
    const ids = new Set(pack.items.map((item) => item.id));
    expect(ids.size).toBe(pack.items.length);
    expect(pack.sections.length).toBeGreaterThan(100);
    expect(pack.sections.some((section) => /^phase-\d{4}$/.test(section.id))).toBe(true);
    expect(pack.items.every((item) => item.sectionId !== undefined)).toBe(true);
    const byId = new Map(pack.items.map((item) => [item.id, item]));
    const subSteps = pack.items.filter((item) => item.parentId !== undefined);
    expect(share(subSteps.length)).toBeGreaterThan(0.15);
    expect(subSteps.some((item) => byId.get(item.parentId!)!.parentId !== undefined)).toBe(true);
    expect(share(pack.items.filter((item) => item.rationale !== undefined).length)).toBeGreaterThan(0.05);
    expect(share(pack.items.filter((item) => item.notes.length > 0).length)).toBeGreaterThan(0.03);
    expect(share(pack.items.filter((item) => item.keyValues.length > 0).length)).toBeGreaterThan(0.15);
    expect(share(pack.items.filter((item) => item.memory).length)).toBeGreaterThan(0.03);
    expect(share(pack.items.filter((item) => /^rb-\d{5}$/.test(item.id)).length)).toBeGreaterThan(0.03);
    expect(pack.items.some((item) => item.inline?.some((node) => node.type === 'code'))).toBe(true);
    // Numbered procedures (sections without task items) are steps too.
    expect(text).toMatch(/^1\. /m);
  });

  it('is deterministic for a seed, and another seed gives another file', () => {
    expect(generateChecklist(CHECKLIST_STEPS.full, FIXTURE_SEED)).toBe(text);
    expect(generateChecklist(CHECKLIST_STEPS.full, FIXTURE_SEED + 1)).not.toBe(text);
  });

  it('yields exactly the asked number of items at any size', () => {
    for (const [steps, seed] of [[1, 1], [2, 2], [3, 3], [20, 4], [71, 5], [137, 6], [CHECKLIST_STEPS.quick, FIXTURE_SEED]] as const) {
      const small = parseImportFile('small.md', generateChecklist(steps, seed));
      expect(packOf(small).items, `${steps} steps, seed ${seed}`).toHaveLength(steps);
      expect(small.warnings).toEqual([]);
    }
    expect(() => generateChecklist(0, 1)).toThrow(RangeError);
  });
});

describe('generateFlowchart', () => {
  const text = generateFlowchart(FLOWCHART_NODES.full, FIXTURE_SEED);
  const result = parseImportFile('triage.mmd', text);
  const pack = packOf(result);

  it('parses with Kata\'s parser, without errors or warnings, into exactly 5 000 items', () => {
    expect(pack.items).toHaveLength(5_000);
    expect(result.warnings).toEqual([]);
    expect(pack.kind).toBe('tree');
    expect(pack.rootId).toBe('n0');
    expect(pack.title).toBe('Generated incident triage (5000 nodes)');
  });

  it('holds a realistic mixture: decisions with answers, actions, outcomes, subgraphs, converging paths', () => {
    const kinds = new Map<string, number>();
    for (const item of pack.items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    expect(kinds.get('decision')).toBeGreaterThan(500);
    expect(kinds.get('action')).toBeGreaterThan(1000);
    expect(kinds.get('outcome')).toBeGreaterThan(500);
    expect(pack.items.filter((item) => item.outcome === 'ok').length).toBeGreaterThan(200);
    expect(pack.items.filter((item) => item.outcome === 'fail').length).toBeGreaterThan(200);
    expect(pack.sections.length).toBeGreaterThan(10);
    const outgoing = new Map<string, number>();
    const incoming = new Map<string, number>();
    for (const edge of pack.edges) {
      outgoing.set(edge.from, (outgoing.get(edge.from) ?? 0) + 1);
      incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
    }
    // Every decision's links carry answers; some nodes are reached by two paths.
    const decisions = new Set(pack.items.filter((item) => item.kind === 'decision').map((item) => item.id));
    expect(pack.edges.filter((edge) => decisions.has(edge.from)).every((edge) => edge.label)).toBe(true);
    expect([...incoming.values()].some((count) => count >= 2)).toBe(true);
    expect(pack.edges.length).toBeGreaterThan(pack.items.length - 1);
    for (const syntax of [/-->\|/, / -- \w/, /==>/, /-\.->/, / & /, /:::ok/, /^\s+class /m, /^\s+subgraph /m, /^\s+end$/m, /\[\[/, /\[\(/, /<br\/>/]) {
      expect(text).toMatch(syntax);
    }
  });

  it('is deterministic for a seed, and another seed gives another chart', () => {
    expect(generateFlowchart(FLOWCHART_NODES.full, FIXTURE_SEED)).toBe(text);
    expect(generateFlowchart(FLOWCHART_NODES.full, FIXTURE_SEED + 1)).not.toBe(text);
  });

  it('yields exactly the asked number of items at any size', () => {
    for (const [nodes, seed] of [[1, 1], [2, 2], [3, 3], [4, 4], [25, 5], [333, 6], [FLOWCHART_NODES.quick, FIXTURE_SEED]] as const) {
      const small = parseImportFile('small.mmd', generateFlowchart(nodes, seed));
      expect(packOf(small).items, `${nodes} nodes, seed ${seed}`).toHaveLength(nodes);
      expect(small.warnings).toEqual([]);
    }
    expect(() => generateFlowchart(0, 1)).toThrow(RangeError);
  });

  it('is accepted by Mermaid\'s own parser, which reads the same vertices, edges and subgraphs as Kata', async () => {
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxEdges: 100_000, maxTextSize: 10_000_000 });
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    expect(diagram.type).toBe('flowchart-v2');
    const db = diagram.db as unknown as {
      getVertices(): Map<string, unknown>;
      getEdges(): { start: string; end: string }[];
      getSubGraphs(): unknown[];
    };
    const kata = parseMermaidGraph(text, 'triage.mmd');
    if (!kata.ok) throw new Error('Kata could not read the chart');
    expect([...db.getVertices().keys()]).toEqual(kata.graph.vertices.map((vertex) => vertex.id));
    expect(db.getEdges().map((edge) => `${edge.start}>${edge.end}`)).toEqual(kata.graph.edges.map((edge) => `${edge.start}>${edge.end}`));
    expect(db.getSubGraphs()).toHaveLength(kata.graph.subgraphs.length);
    // Loading all of mermaid (and its DOM shims) takes seconds, many on a loaded machine.
  }, 120_000);
});
