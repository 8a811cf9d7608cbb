/**
 * `id@{ shape: rect, label: "..." }`: Mermaid's node (and edge) metadata.
 * Read like Mermaid's lexer (up to the first `}` outside a quoted string; a line
 * break inside a quoted string becomes `<br/>`), then parsed as YAML like
 * Mermaid's flowDb: on one line it is a flow mapping `{ ... }`, over several
 * lines a block mapping. Every scalar stays text (the failsafe schema), which is
 * what a label is.
 */
import { parseDocument } from 'yaml';
import type { ChartText } from './cursor';
import { IMPORT_LIMITS } from '../limits';

export interface ShapeData {
  shape?: string;
  label?: string;
  /** Where the `@{` is, for messages. */
  index: number;
}

/** The raw metadata text of `@{ ... }` at `index` (which holds `@`), and the index after `}`. */
export function readShapeData(src: ChartText, index: number): { data: string; end: number } {
  const { text } = src;
  let data = '';
  let i = index + 2;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === '}') return { data, end: i + 1 };
    if (char === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) src.fail(i, 'this quoted value is never closed: expected a closing quote (") before the end of the file');
      data += `"${text.slice(i + 1, close).replace(/\n\s*/g, '<br/>')}"`;
      i = close + 1;
    } else {
      data += char;
      i += 1;
    }
  }
  return src.fail(index, 'the node data opened by "@{" is never closed: expected "}", found the end of the file');
}

/** Deepest `[`/`{` nesting outside quotes: YAML is parsed recursively, so it is bounded first. */
function nestingDepth(data: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = '';
  for (const char of data) {
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Text of a label value: Mermaid takes any YAML value; lists are joined. */
function labelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => labelText(item) ?? '').join(', ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return undefined;
}

/** Parses the metadata of `@{ ... }` found at `index`. */
export function parseShapeData(src: ChartText, index: number, data: string): ShapeData {
  if (nestingDepth(data) > IMPORT_LIMITS.maxDepth) {
    src.fail(index, `the node data is nested more than ${IMPORT_LIMITS.maxDepth} levels deep`);
  }
  const yamlText = data.includes('\n') ? `${data}\n` : `{\n${data}\n}`;
  const doc = parseDocument(yamlText, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const reason = (doc.errors[0]!.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '');
    src.fail(index, `cannot read the node data after "@": ${reason} (expected something like @{ shape: rect, label: "Text" })`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10 });
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'unreadable value';
    src.fail(index, `cannot read the node data after "@": ${reason}`);
  }
  if (value === null || value === undefined) return { index };
  if (typeof value !== 'object' || Array.isArray(value)) {
    src.fail(index, 'expected node data like @{ shape: rect, label: "Text" }, found a value that is not a mapping of keys');
  }
  const record = value as Record<string, unknown>;
  const result: ShapeData = { index };
  if (typeof record.shape === 'string' && record.shape !== '') result.shape = record.shape;
  else if (record.shape !== undefined && record.shape !== '') src.fail(index, 'expected a shape name after "shape:", like rect or diam');
  const label = labelText(record.label);
  if (label) result.label = label;
  return result;
}
