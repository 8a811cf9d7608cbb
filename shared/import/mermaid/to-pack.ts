/**
 * A Mermaid graph as a Kata decision tree (formats.md, "Mermaid flowcharts"):
 * a node with two or more outgoing links is a decision (its links' labels are the
 * answers), one is an action, none is an outcome; class ok/good and fail/bad mark
 * resolved and failed outcomes; `~~~` links are layout only. The root is
 * `%% root: id`, else the node with no incoming link. Items are the nodes the
 * root reaches, in the order they first appear; their ids are the node ids.
 */
import type { EdgeSource, ImportIssue, ItemKind, ItemSource, PackSource, SectionSource } from '../../model';
import { fileTitle } from '../file-name';
import { slugify, uniqueId } from '../ids';
import { inlinePlain, storedInline } from '../../text/inline-text';
import { ImportError, issueAt } from '../result';
import type { ParseResult } from '../result';
import { labelInline, plainLabel } from './html-text';
import { parseMermaidGraph } from './parse-graph';
import type { MermaidEdge, MermaidGraph, MermaidParseOptions, MermaidSubgraph, MermaidVertex } from './types';
import { columnOffsetOf } from './cursor';

/** Warnings of one kind (unreachable nodes, duplicate links) given one by one; the rest share one. */
const MAX_REPEATED_WARNINGS = 10;

function quoteList(ids: string[]): string {
  const shown = ids.slice(0, 6).map((id) => `"${id}"`);
  const more = ids.length > 6 ? ` and ${ids.length - 6} more` : '';
  return shown.length > 1 && more === '' ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : `${shown.join(', ')}${more}`;
}

class TreeBuilder {
  readonly warnings: ImportIssue[] = [];
  private readonly graph: MermaidGraph;
  private readonly file: string;
  private readonly subgraphById: Map<string, MermaidSubgraph>;

  constructor(graph: MermaidGraph, file: string) {
    this.graph = graph;
    this.file = file;
    // The first subgraph with an id wins, as the first node with an id does.
    this.subgraphById = new Map([...graph.subgraphs].reverse().map((subgraph) => [subgraph.id, subgraph]));
  }

  warn(at: { line: number; col: number }, message: string): void {
    this.warnings.push(issueAt(this.file, at.line, at.col, message, 'warning'));
  }

  /** Links of the tree: no `~~~`, each (start, end, label) once. */
  treeEdges(): MermaidEdge[] {
    const seen = new Map<string, MermaidEdge>();
    const edges: MermaidEdge[] = [];
    let duplicates = 0;
    for (const edge of this.graph.edges) {
      if (edge.stroke === 'invisible') continue;
      const label = plainLabel(edge.text, edge.labelType);
      const key = `${edge.start}\u0000${edge.end}\u0000${label}`;
      const first = seen.get(key);
      if (first) {
        duplicates += 1;
        if (duplicates <= MAX_REPEATED_WARNINGS) {
          this.warn(edge, `duplicate link "${edge.start}" --> "${edge.end}"${label ? ` ("${label}")` : ''} (first at line ${first.line}); it counts once`);
        }
        continue;
      }
      seen.set(key, edge);
      edges.push(edge);
    }
    if (duplicates > MAX_REPEATED_WARNINGS) {
      const last = this.warnings[this.warnings.length - 1]!;
      last.message += ` (and ${duplicates - MAX_REPEATED_WARNINGS} more duplicate links)`;
    }
    return edges;
  }

  chooseRoot(nodes: MermaidVertex[], outgoing: Map<string, MermaidEdge[]>, incoming: Map<string, number>, start: { line: number; col: number }): MermaidVertex {
    const { root } = this.graph;
    if (root) {
      const chosen = nodes.find((node) => node.id === root.id);
      if (!chosen) throw new ImportError({ file: this.file, line: root.line, col: root.col, message: `"%% root: ${root.id}" names no node of this chart` });
      return chosen;
    }
    const linked = nodes.filter((node) => (outgoing.get(node.id)?.length ?? 0) > 0);
    const candidates = linked.filter((node) => (incoming.get(node.id) ?? 0) === 0);
    const first = candidates[0] ?? linked[0] ?? nodes[0];
    if (!first) throw new ImportError({ file: this.file, ...start, message: 'the chart has no nodes: expected at least one node, like A[First step] --> B[Next step]' });
    if (candidates.length > 1) {
      this.warn(first, `${candidates.length} nodes have no incoming link (${quoteList(candidates.map((node) => node.id))}); "${first.id}", the first one, is the root — add "%% root: <id>" to choose`);
    } else if (candidates.length === 0 && linked.length > 0) {
      this.warn(first, `every node has an incoming link; "${first.id}", the first node with a link, is the root — add "%% root: <id>" to choose`);
    } else if (linked.length === 0 && nodes.length > 1) {
      this.warn(first, `the chart has no links; "${first.id}", the first node, is the root and the only step`);
    }
    return first;
  }

  /** Section of each node (its subgraph), and the sections that hold items, in reading order. */
  sections(itemIds: Set<string>): { sections: SectionSource[]; sectionOf: Map<string, string> } {
    const taken = new Set<string>();
    const sectionOf = new Map<string, string>();
    const sections: SectionSource[] = [];
    const ordered = [...this.graph.subgraphs].sort((a, b) => a.line - b.line || a.col - b.col);
    for (const subgraph of ordered) {
      const members = subgraph.nodes.filter((id) => itemIds.has(id));
      if (members.length === 0) continue;
      const title = plainLabel(subgraph.title, subgraph.labelType).replace(/\s*\n\s*/g, ' ') || subgraph.id;
      const base = /^subGraph\d+$/.test(subgraph.id) ? slugify(title) || 'section' : subgraph.id;
      const id = uniqueId(base, taken);
      sections.push({ id, title, line: subgraph.line });
      for (const member of members) sectionOf.set(member, id);
    }
    return { sections, sectionOf };
  }

  item(vertex: MermaidVertex, kind: ItemKind, order: number): ItemSource {
    const subgraph = vertex.isSubgraph ? this.subgraphById.get(vertex.id) : undefined;
    const useTitle = subgraph && vertex.text === vertex.id && subgraph.title !== '';
    const tree = useTitle ? labelInline(subgraph.title, subgraph.labelType) : labelInline(vertex.text, vertex.labelType);
    let text = inlinePlain(tree);
    if (text.trim() === '') {
      this.warn(vertex, `node "${vertex.id}" has an empty label; its id is used as its text`);
      text = vertex.id;
    }
    const item: ItemSource = { id: vertex.id, kind, text, order, notes: [], keyValues: [], memory: false, tags: [], line: vertex.line, col: vertex.col };
    const inline = text === vertex.id && tree.length === 0 ? undefined : storedInline(tree);
    if (inline) item.inline = inline;
    const classes = vertex.classes.map((name) => name.toLowerCase());
    const outcomeClass = classes.find((name) => ['ok', 'good', 'fail', 'bad'].includes(name));
    if (outcomeClass !== undefined) {
      if (kind === 'outcome') item.outcome = outcomeClass === 'ok' || outcomeClass === 'good' ? 'ok' : 'fail';
      else this.warn(vertex, `node "${vertex.id}" has the class "${outcomeClass}" but links onward, so it is not an outcome; the class is ignored`);
    }
    return item;
  }
}

/** The decision tree of a parsed graph. `start` locates errors about the chart as a whole. */
export function graphToPack(graph: MermaidGraph, file: string, start: { line: number; col: number } = { line: 1, col: 1 }): { pack: PackSource; warnings: ImportIssue[] } {
  const tree = new TreeBuilder(graph, file);
  const edges = tree.treeEdges();
  const outgoing = new Map<string, MermaidEdge[]>();
  const incoming = new Map<string, number>();
  for (const edge of edges) {
    const from = outgoing.get(edge.start);
    if (from) from.push(edge);
    else outgoing.set(edge.start, [edge]);
    incoming.set(edge.end, (incoming.get(edge.end) ?? 0) + 1);
  }
  const linked = (id: string): boolean => outgoing.has(id) || incoming.has(id);
  // A subgraph's id is a node only where a link uses it (as Mermaid draws it); `style Detection ...` alone is not a step.
  const nodes = graph.vertices.filter((vertex) => !vertex.isSubgraph || linked(vertex.id));
  const root = tree.chooseRoot(nodes, outgoing, incoming, start);

  const reached = new Set<string>([root.id]);
  const queue = [root.id];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of outgoing.get(queue[head]!) ?? []) {
      if (!reached.has(edge.end)) {
        reached.add(edge.end);
        queue.push(edge.end);
      }
    }
  }
  const unreachable = nodes.filter((node) => !reached.has(node.id));
  for (const node of unreachable.slice(0, MAX_REPEATED_WARNINGS)) {
    tree.warn(node, `node "${node.id}" cannot be reached from the root "${root.id}"; it is left out`);
  }
  const rest = unreachable.slice(MAX_REPEATED_WARNINGS);
  if (rest.length > 0) {
    tree.warn(rest[0]!, `${rest.length} more nodes cannot be reached from the root "${root.id}" (${quoteList(rest.map((node) => node.id))}); they are left out`);
  }

  const items: ItemSource[] = [];
  for (const node of nodes) {
    if (!reached.has(node.id)) continue;
    const count = outgoing.get(node.id)?.length ?? 0;
    items.push(tree.item(node, count >= 2 ? 'decision' : count === 1 ? 'action' : 'outcome', items.length));
  }
  const { sections, sectionOf } = tree.sections(reached);
  for (const item of items) {
    const sectionId = sectionOf.get(item.id);
    if (sectionId !== undefined) item.sectionId = sectionId;
  }
  const packEdges: EdgeSource[] = edges
    .filter((edge) => reached.has(edge.start))
    .map((edge) => {
      const label = plainLabel(edge.text, edge.labelType);
      return label === '' ? { from: edge.start, to: edge.end, line: edge.line } : { from: edge.start, to: edge.end, label, line: edge.line };
    });
  const pack: PackSource = {
    title: graph.title?.trim() || fileTitle(file),
    kind: 'tree',
    format: 'mermaid',
    sourceName: file,
    meta: graph.meta,
    sections,
    items,
    edges: packEdges,
    rootId: root.id,
  };
  return { pack, warnings: tree.warnings };
}

/** Reads a Mermaid flowchart as a Kata decision tree; never throws. Positions include the offsets. */
export function parseMermaid(text: string, file: string, opts: MermaidParseOptions = {}): ParseResult {
  const parsed = parseMermaidGraph(text, file, opts);
  if (!parsed.ok) return parsed;
  const start = { line: 1 + (opts.lineOffset ?? 0), col: 1 + columnOffsetOf(opts.colOffset)(1) };
  try {
    const { pack, warnings } = graphToPack(parsed.graph, file, start);
    return { ok: true, pack, warnings: [...parsed.warnings, ...warnings] };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.issue], warnings: parsed.warnings };
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [issueAt(file, start.line, start.col, `Kata could not read this chart (internal error: ${reason})`)], warnings: parsed.warnings };
  }
}
