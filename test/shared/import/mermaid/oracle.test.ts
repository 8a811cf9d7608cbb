/**
 * Differential test: what Kata reads from each real chart of the corpus must agree
 * with what Mermaid's own parser read (oracle.json, Mermaid 11.17.2).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMermaid, parseMermaidGraph } from '../../../../shared/import/mermaid';
import type { MermaidGraph } from '../../../../shared/import/mermaid';

const corpus = new URL('../../../../../shared/corpus/mermaid/', import.meta.url);

interface OracleVertex {
  id: string;
  text: string | string[];
  type: string | null;
  labelType: string;
  classes?: string[];
  isSubgraph?: boolean;
}
interface OracleEdge {
  start: string;
  end: string;
  text: string;
  type: string;
  stroke: string;
  labelType: string;
  length: number;
  id?: string;
}
interface OracleSubgraph {
  id: string;
  title: string;
  labelType: string;
  nodes: string[];
  dir?: string;
}
interface OracleChart {
  file: string;
  ok: boolean;
  direction?: string;
  vertices: OracleVertex[];
  edges: OracleEdge[];
  subgraphs?: OracleSubgraph[];
  classDefs?: { id: string; styles: string[] }[];
}

const oracle = JSON.parse(readFileSync(new URL('oracle.json', corpus), 'utf8')) as OracleChart[];
const charts = oracle.filter((chart) => chart.ok);
const read = (file: string): string => readFileSync(new URL(file, corpus), 'utf8');

/**
 * The one accepted difference: Mermaid keeps a YAML list given as `label:` as a list
 * (chart 17: `label: ["~ ~ ~"]`), Kata keeps text, with the items joined by ", ".
 */
function oracleText(text: string | string[]): string {
  return Array.isArray(text) ? text.join(', ') : text;
}

function graphOf(file: string): MermaidGraph {
  const result = parseMermaidGraph(read(file), file);
  if (!result.ok) throw new Error(`${file} did not parse: ${result.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('; ')}`);
  return result.graph;
}

describe('the corpus', () => {
  it('has an oracle entry for every chart, 23 of them readable by Mermaid', () => {
    const files = readdirSync(corpus).filter((file) => file.endsWith('.mmd')).sort();
    expect(oracle.map((chart) => chart.file).sort()).toEqual(files);
    expect(charts).toHaveLength(23);
  });
});

describe.each(charts.map((chart) => [chart.file, chart] as const))('%s reads like Mermaid', (file, chart) => {
  const graph = graphOf(file);

  it('has the same direction', () => {
    expect(graph.direction).toBe(chart.direction);
  });

  it('has the same nodes, in order, with the same text, shape, label kind and classes', () => {
    const expected = chart.vertices.map((v) => ({
      id: v.id,
      text: oracleText(v.text),
      type: v.type,
      labelType: v.labelType,
      classes: v.classes ?? [],
      isSubgraph: v.isSubgraph ?? false,
    }));
    const actual = graph.vertices.map((v) => ({ id: v.id, text: v.text, type: v.type, labelType: v.labelType, classes: v.classes, isSubgraph: v.isSubgraph }));
    expect(actual).toEqual(expected);
  });

  it('has the same edges, in order, with the same text, arrow type, stroke and length', () => {
    const expected = chart.edges.map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type, stroke: e.stroke, length: e.length, labelType: e.labelType, id: e.id }));
    const actual = graph.edges.map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type, stroke: e.stroke, length: e.length, labelType: e.labelType, id: e.id }));
    expect(actual).toEqual(expected);
  });

  it('has the same subgraphs and class definitions', () => {
    const subgraphs = graph.subgraphs.map((s) => ({ id: s.id, title: s.title, labelType: s.labelType, nodes: s.nodes, dir: s.dir }));
    expect(subgraphs).toEqual((chart.subgraphs ?? []).map((s) => ({ id: s.id, title: s.title, labelType: s.labelType, nodes: s.nodes, dir: s.dir })));
    expect(graph.classDefs).toEqual(chart.classDefs ?? []);
  });

  it('imports as a tree of plain-text items', () => {
    const result = parseMermaid(read(file), file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { pack } = result;
    expect(pack.kind).toBe('tree');
    expect(pack.format).toBe('mermaid');
    expect(pack.items.length).toBeGreaterThan(0);
    expect(pack.items.map((item) => item.id)).toContain(pack.rootId);
    for (const item of pack.items) {
      expect(item.text).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i);
      expect(item.text.trim()).not.toBe('');
    }
    const ids = new Set(pack.items.map((item) => item.id));
    for (const edge of pack.edges) {
      expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    }
  });
});

describe('the broken charts', () => {
  it('24: a "(" inside a [ ] label is an error at its line and column, with the fix', () => {
    const file = '24-broken-parens-in-square-label.mmd';
    const result = parseMermaid(read(file), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    // Line 7 is `   F -->|Yes| G[Wait for a while (End)]`: the "(" is its 34th character.
    expect(read(file).split('\n')[6]!.indexOf('(') + 1).toBe(34);
    expect(error).toMatchObject({ file, line: 7, col: 34, severity: 'error' });
    expect(error!.message).toBe('unexpected "(" inside a [ ] label; quote the label: G["Wait for a while (End)"]');
  });

  it('25: a .mmd file still wrapped in ```mermaid fences imports, with a warning on line 1', () => {
    const file = '25-broken-fenced-mmd-file.mmd';
    const result = parseMermaid(read(file), file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fence = result.warnings.find((warning) => warning.message.includes('fence'));
    expect(fence).toMatchObject({ line: 1, col: 1, severity: 'warning' });
    expect(result.pack.rootId).toBe('START');
    expect(result.pack.items.find((item) => item.id === 'RESULTS')).toMatchObject({ kind: 'decision', text: 'Tests\nPass?' });
  });
});
