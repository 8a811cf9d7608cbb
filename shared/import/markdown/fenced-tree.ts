/**
 * A Markdown file with prose and a ```mermaid flowchart fence (and no task list)
 * is a decision tree: the first fence is parsed by the Mermaid parser with its
 * position in the file; further fences are ignored with a warning.
 */
import type { Code } from 'mdast';
import type { PackMeta } from '../../model';
import { parseMermaid } from '../mermaid/index';
import { issueAt } from '../result';
import type { ParseResult } from '../result';
import { startOf } from './mdast';

export interface FenceContext {
  file: string;
  /** The whole file, for where each line of a fence's body starts in it. */
  text: string;
  /** Front matter title, else the first `#` heading; the chart's own title otherwise. */
  title?: string;
  meta: PackMeta;
}

/** Whether a fenced code block holds a Mermaid chart. */
export function isMermaidFence(code: Code): boolean {
  return (code.lang ?? '').toLowerCase() === 'mermaid';
}

/**
 * Where each line of a fence's body starts in the file, as columns before it: CommonMark strips
 * a fence's indentation only as far as each line has it, and a fence in a list or quote keeps its
 * prefix on every line, so the file line is the body line with whatever came before it.
 */
function bodyColumns(fence: Code, at: { line: number; col: number }, text: string): (chartLine: number) => number {
  const fileLines = text.split(/\r\n|\r|\n/);
  const bodyLines = fence.value.split('\n');
  return (chartLine) => {
    const body = bodyLines[chartLine - 1];
    const file = fileLines[at.line + chartLine - 1];
    if (body === undefined || file === undefined) return at.col - 1;
    return Math.max(0, file.length - body.length);
  };
}

/** Parses the first Mermaid fence as the pack's tree, with Markdown's title and front matter on top. */
export function parseFencedTree(fences: readonly Code[], context: FenceContext): ParseResult {
  const [fence, ...others] = fences;
  if (!fence) throw new Error('parseFencedTree needs a fence');
  const at = startOf(fence);
  // The body starts on the line after the opening fence.
  const result = parseMermaid(fence.value, context.file, { lineOffset: at.line, colOffset: bodyColumns(fence, at, context.text) });
  const warnings = [
    ...result.warnings,
    ...others.map((other) => {
      const pos = startOf(other);
      return issueAt(context.file, pos.line, pos.col, 'a pack holds one tree: this ```mermaid fence is ignored (the first one is used)', 'warning');
    }),
  ];
  if (!result.ok) return { ok: false, errors: result.errors, warnings };
  const pack = result.pack;
  const own = context.meta;
  const meta: PackMeta = {
    ...pack.meta,
    ...Object.fromEntries(Object.entries(own).filter(([key, value]) => key !== 'tags' && value !== undefined)),
    tags: [...new Set([...pack.meta.tags, ...own.tags])],
  };
  return {
    ok: true,
    pack: { ...pack, title: context.title ?? pack.title, format: 'markdown', sourceName: context.file, meta },
    warnings,
  };
}
