/**
 * YAML parsing with positions: yaml's errors and zod's issues both become
 * `file:line:col` issues pointing at the YAML node they are about.
 * Used by front matter and by Kata YAML/JSON trees.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { z } from 'zod';
import type { ImportIssue } from '../model';
import { positionFinder } from './positions';
import { issueAt } from './result';

export type YamlPath = readonly PropertyKey[];

/** A parsed YAML document, its plain value, and where its lines sit in the file. */
export interface LocatedYaml {
  doc: Document;
  value: unknown;
  file: string;
  /** Source offset -> line and column within the YAML source (yaml's LineCounter misses line breaks inside broken scalars). */
  locate: (offset: number) => { line: number; col: number };
  /** Lines of the file before the YAML source (front matter starts after `---`). */
  lineOffset: number;
}

export type LocatedYamlResult = { ok: true; yaml: LocatedYaml } | { ok: false; errors: ImportIssue[] };

function withoutLocation(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}

/** Parses YAML (or JSON, its subset) into a value, mapping syntax errors to file positions. */
export function parseLocatedYaml(source: string, file: string, lineOffset = 0): LocatedYamlResult {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const located: LocatedYaml = { doc, value: undefined, file, locate: positionFinder(source), lineOffset };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const at = positionAt(located, error.pos[0]);
        return issueAt(file, at.line, at.col, `YAML: ${withoutLocation(error.message)}`);
      }),
    };
  }
  try {
    located.value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const at = firstAliasPosition(located);
    const reason = error instanceof Error ? withoutLocation(error.message) : 'cannot read the document';
    return { ok: false, errors: [issueAt(file, at.line, at.col, `YAML: ${reason}`)] };
  }
  return { ok: true, yaml: located };
}

function firstAliasPosition(yaml: LocatedYaml): { line: number; col: number } {
  let offset = 0;
  visit(yaml.doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return positionAt(yaml, offset);
}

/** File position of a character offset of the YAML source. */
export function positionAt(yaml: LocatedYaml, offset: number): { line: number; col: number } {
  const pos = yaml.locate(offset);
  return { line: pos.line + yaml.lineOffset, col: pos.col };
}

interface Found {
  /** The deepest node reached along the path. */
  node: YamlNode | null;
  /** The key node of the last pair reached (for errors about a key itself). */
  key: YamlNode | null;
  complete: boolean;
}

/** Walks a path of map keys and sequence indexes through the YAML nodes. */
export function findNode(yaml: LocatedYaml, path: YamlPath): Found {
  let node: unknown = yaml.doc.contents;
  let key: YamlNode | null = null;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(yaml.doc);
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(segment));
      if (!pair) return { node: node as YamlNode, key, complete: false };
      key = isScalar(pair.key) ? pair.key : null;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      key = null;
      node = node.items[segment];
    } else {
      return { node: (node ?? null) as YamlNode | null, key, complete: false };
    }
  }
  return { node: (node ?? null) as YamlNode | null, key, complete: true };
}

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pairs of a map by key (first pair wins), built once per map: lookups stay O(1) in big trees. */
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const key = isPair(item) ? scalarKey(item.key) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, item);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function scalarKey(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/** Position of the value at `path` (or of its key, or of the deepest node that exists). */
export function positionOfPath(yaml: LocatedYaml, path: YamlPath, prefer: 'value' | 'key' = 'value'): { line: number; col: number } {
  const found = findNode(yaml, path);
  const emptyValue = isScalar(found.node) && found.node.value === null;
  const target = (prefer === 'key' || emptyValue) && found.complete && found.key ? found.key : found.node;
  const offset = target?.range?.[0] ?? 0;
  return positionAt(yaml, offset);
}

/** `nodes.check-psi.answers[0].next`, the way people name a place in a YAML file. */
export function pathLabel(path: YamlPath): string {
  let label = '';
  for (const segment of path) {
    if (typeof segment === 'number') label += `[${segment}]`;
    else label += label === '' ? String(segment) : `.${String(segment)}`;
  }
  return label || 'the document';
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** Human message for one zod issue ("what was expected, and what was found"). */
function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const where = pathLabel(issue.path);
  // Schemas phrase their own messages as "expected ..."; the value found completes them.
  if (issue.message.startsWith('expected')) {
    return input === undefined ? `${where}: missing (${issue.message})` : `${where}: ${issue.message}, found ${describeValue(input)}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `${where}: missing (expected ${TYPE_NAMES[issue.expected] ?? issue.expected})`;
      return `${where}: expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${describeValue(input)}`;
    case 'invalid_value':
      return `${where}: expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describeValue(input)}`;
    case 'invalid_union':
      return `${where}: ${issue.message.startsWith('Invalid input') ? `unexpected ${describeValue(input)}` : issue.message}`;
    case 'too_small':
      if (issue.origin === 'array') return `${where}: expected at least ${String(issue.minimum)} entries`;
      if (issue.origin === 'string') return `${where}: must not be empty`;
      return `${where}: ${issue.message}`;
    case 'invalid_format':
      return `${where}: ${issue.message.startsWith('Invalid') ? `unexpected ${describeValue(input)}` : issue.message}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function valueAt(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Turns zod issues into file issues located at the YAML nodes they are about. */
export function zodIssuesToImportIssues(yaml: LocatedYaml, issues: readonly z.core.$ZodIssue[]): ImportIssue[] {
  const result: ImportIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = positionOfPath(yaml, [...issue.path, key], 'key');
        const where = issue.path.length > 0 ? ` in ${pathLabel(issue.path)}` : '';
        result.push(issueAt(yaml.file, at.line, at.col, `unknown key "${key}"${where}`));
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      const parent = issue.path.slice(0, -1);
      const key = String(issue.path[issue.path.length - 1]);
      const at = positionOfPath(yaml, issue.path, 'key');
      const reason = issue.issues.map((inner) => inner.message).join('; ');
      result.push(issueAt(yaml.file, at.line, at.col, `${pathLabel(parent)}: key "${key}": ${reason}`));
      continue;
    }
    const input = valueAt(yaml.value, issue.path);
    const at = positionOfPath(yaml, issue.path, 'value');
    result.push(issueAt(yaml.file, at.line, at.col, issueMessage(issue, input)));
  }
  return result.sort((a, b) => a.line - b.line || a.col - b.col);
}
