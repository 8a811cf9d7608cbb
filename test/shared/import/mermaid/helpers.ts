/** Shared helpers for the Mermaid parser tests. */
import { expect } from 'vitest';
import { parseMermaid, parseMermaidGraph } from '../../../../shared/import/mermaid';
import type { MermaidGraph, MermaidParseOptions } from '../../../../shared/import/mermaid';
import type { ImportIssue, PackSource } from '../../../../shared/model';

export const FILE = 'chart.mmd';

/** The graph of a chart that must parse. */
export function graph(text: string, opts?: MermaidParseOptions): MermaidGraph {
  const result = parseMermaidGraph(text, FILE, opts);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return result.graph;
}

/** The pack of a chart that must import. */
export function pack(text: string, opts?: MermaidParseOptions): { pack: PackSource; warnings: ImportIssue[] } {
  const result = parseMermaid(text, FILE, opts);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return { pack: result.pack, warnings: result.warnings };
}

/** The one error of a chart that must not import. */
export function error(text: string, opts?: MermaidParseOptions): ImportIssue {
  const result = parseMermaid(text, FILE, opts);
  if (result.ok) throw new Error('expected an error');
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}
