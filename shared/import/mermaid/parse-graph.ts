/**
 * `parseMermaidGraph`: Mermaid flowchart text -> the graph Mermaid itself would
 * read (vertices, edges, subgraphs, classes), or the first error, located.
 */
import type { ImportIssue, PackMeta } from '../../model';
import { preflightText } from '../decode';
import { readFrontMatter } from '../front-matter';
import { ImportError, issueAt } from '../result';
import { ChartText, skipSpaces, skipWhitespace, startsWithWord, columnOffsetOf } from './cursor';
import { GraphBuilder } from './graph-builder';
import { prepareChart } from './source-text';
import { readStatements } from './statements';
import type { MermaidDirection, MermaidGraph, MermaidGraphResult, MermaidParseOptions } from './types';

const OTHER_DIAGRAMS = [
  'sequenceDiagram', 'classDiagram', 'classDiagram-v2', 'stateDiagram', 'stateDiagram-v2', 'erDiagram', 'gantt', 'pie',
  'journey', 'gitGraph', 'mindmap', 'timeline', 'quadrantChart', 'requirementDiagram', 'sankey-beta', 'sankey',
  'xychart-beta', 'xychart', 'block-beta', 'block', 'packet-beta', 'packet', 'architecture-beta', 'architecture',
  'kanban', 'radar-beta', 'treemap-beta', 'C4Context', 'C4Container', 'C4Component', 'C4Dynamic', 'C4Deployment', 'info',
];

/** Mermaid's setDirection: arrows name directions too, and TD is TB. */
const DIRECTIONS: Record<string, MermaidDirection> = { TB: 'TB', TD: 'TB', BT: 'BT', LR: 'LR', RL: 'RL', '<': 'RL', '>': 'LR', '^': 'BT', v: 'TB' };

/** Reads `flowchart TD` / `graph LR;` / `flowchart`; returns the direction and where the statements start. */
function readHeader(src: ChartText): { direction: MermaidDirection; end: number } {
  const { text } = src;
  const start = skipWhitespace(text, 0);
  if (start >= text.length) src.fail(0, 'the chart is empty: expected a header like "flowchart TD" or "graph LR", found the end of the file');
  const keyword = ['flowchart-elk', 'flowchart', 'graph'].find((word) => startsWithWord(text, start, word));
  if (keyword === undefined) {
    const other = OTHER_DIAGRAMS.find((word) => startsWithWord(text, start, word));
    if (other) src.fail(start, `this is a Mermaid ${other}, not a flowchart: Kata imports flowcharts (a chart that starts with "flowchart" or "graph")`);
    const hint = /^\s*(```|~~~)/m.test(text) ? ' (this looks like Markdown: a .mmd file holds only the chart)' : '';
    src.fail(start, `expected "flowchart" or "graph" and a direction, like "flowchart TD", found ${src.describe(start)}${hint}`);
  }
  const afterKeyword = start + keyword.length;
  const at = skipSpaces(text, afterKeyword);
  const char = text.charAt(at);
  if (at >= text.length || char === '\n' || char === ';') return { direction: 'TB', end: at };
  const word = /^(?:[A-Za-z]+|[<>^])/.exec(text.slice(at, at + 12))?.[0] ?? '';
  const direction = DIRECTIONS[word];
  if (direction === undefined) {
    const hint = DIRECTIONS[word.toUpperCase()] ? ` (directions are upper case: ${word.toUpperCase()})` : '';
    src.fail(at, `expected a direction after "${keyword}" (TB, TD, BT, LR or RL), found ${src.describe(at)}${hint}`);
  }
  const end = skipSpaces(text, at + word.length);
  if (end < text.length && text.charAt(end) !== '\n' && text.charAt(end) !== ';') {
    src.fail(end, `expected a new line after "${keyword} ${word}", found ${src.describe(end)}: each statement goes on its own line (or after a ";")`);
  }
  return { direction, end };
}

/** Issues at chart lines and columns moved to file ones; `lineOffset` 0 for issues already on file lines. */
function shifted(issues: ImportIssue[], lineOffset: number, colAt: (fileLine: number) => number): ImportIssue[] {
  return issues.map((issue) => ({ ...issue, line: issue.line + lineOffset, col: issue.col + colAt(issue.line + lineOffset) }));
}

/** Reads a Mermaid flowchart into Mermaid's own graph model; never throws. Positions include the offsets. */
export function parseMermaidGraph(text: string, file: string, opts: MermaidParseOptions = {}): MermaidGraphResult {
  const lineOffset = opts.lineOffset ?? 0;
  const colOffset = columnOffsetOf(opts.colOffset);
  const colAtFileLine = (fileLine: number): number => colOffset(fileLine - lineOffset);
  let warnings: ImportIssue[] = [];
  try {
    const checked = preflightText(text, file);
    if (!checked.ok) return { ok: false, errors: shifted(checked.errors, lineOffset, colAtFileLine), warnings };
    const raw = new ChartText(checked.text, file, lineOffset, colOffset);
    warnings = raw.warnings;
    const prepared = prepareChart(raw);
    const src = new ChartText(prepared.text, file, lineOffset, colOffset, raw.warnings);
    let meta: PackMeta = { tags: [] };
    let frontTitle: string | undefined;
    if (prepared.frontMatter) {
      const read = readFrontMatter(prepared.frontMatter.source, file, prepared.frontMatter.fenceLine + 1 + lineOffset);
      if (!read.ok) return { ok: false, errors: shifted(read.errors, 0, colAtFileLine), warnings: [...warnings, ...read.warnings] };
      warnings.push(...shifted(read.warnings, 0, colAtFileLine));
      meta = read.frontMatter.meta;
      frontTitle = read.frontMatter.title;
    }
    const header = readHeader(src);
    const builder = new GraphBuilder(src);
    readStatements(src, builder, header.end);
    const built = builder.build();
    const graph: MermaidGraph = { direction: header.direction, ...built, meta };
    const title = prepared.title?.value ?? frontTitle;
    if (title !== undefined) graph.title = title;
    if (prepared.root) graph.root = { id: prepared.root.id, ...src.position(prepared.root.index) };
    return { ok: true, graph, warnings };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.issue], warnings };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [issueAt(file, 1 + lineOffset, 1 + colOffset(1), `Kata could not read this chart (internal error: ${reason})`)], warnings };
  }
}
