/**
 * Kata YAML / JSON decision trees (formats.md): validated by ./schema.ts, then
 * checked for meaning with every error at the YAML node it is about. JSON is read
 * by the same YAML parser (YAML is a superset), so JSON errors have positions too.
 *
 * Node kinds: `ask` + `answers` = decision; `do` + `next` = action; `do` alone =
 * outcome (`outcome: ok | fail` says how it ended). The root is `start`, else the
 * first node listed. Unreachable nodes are warnings.
 */
import type { EdgeSource, ImportIssue, ItemSource, PackSource, SectionSource } from '../../model';
import { fileTitle } from '../file-name';
import { toPackMeta } from '../front-matter';
import { neverThrows } from '../guard';
import { readInlineSource } from '../markdown/inline-source';
import { storedInline } from '../../text/inline-text';
import { issueAt } from '../result';
import type { ParseResult } from '../result';
import { parseLocatedYaml, positionOfPath, zodIssuesToImportIssues } from '../yaml-locate';
import type { LocatedYaml, YamlPath } from '../yaml-locate';
import { treeSchema } from './schema';
import type { TreeDocument, TreeNode } from './schema';

/** Parses a Kata tree from YAML or JSON text; never throws. */
export function parseYamlTree(text: string, file: string, format: 'yaml' | 'json' = 'yaml'): ParseResult {
  return neverThrows(file, () => readTree(text, file, format));
}

function readTree(text: string, file: string, format: 'yaml' | 'json'): ParseResult {
  const parsed = parseLocatedYaml(text, file, 0);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const yaml = parsed.yaml;
  const value = yaml.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = format === 'json' ? 'a JSON object' : 'a YAML mapping';
    return { ok: false, errors: [issueAt(file, 1, 1, `expected a Kata tree: ${what} with \`kata: 1\` and \`nodes\``)], warnings: [] };
  }
  const result = treeSchema.safeParse(value, { reportInput: true });
  if (!result.success) return { ok: false, errors: zodIssuesToImportIssues(yaml, result.error.issues), warnings: [] };
  return new TreeBuilder(yaml, result.data, format).build();
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((text) => text.trim());
}

class TreeBuilder {
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private readonly ids: string[];

  constructor(
    private readonly yaml: LocatedYaml,
    private readonly tree: TreeDocument,
    private readonly format: 'yaml' | 'json',
  ) {
    this.ids = Object.keys(tree.nodes);
  }

  private error(path: YamlPath, message: string, prefer: 'value' | 'key' = 'value'): void {
    const at = positionOfPath(this.yaml, path, prefer);
    this.errors.push(issueAt(this.yaml.file, at.line, at.col, message));
  }

  private lineOf(path: YamlPath, prefer: 'value' | 'key' = 'value'): { line: number; col: number } {
    return positionOfPath(this.yaml, path, prefer);
  }

  /** Errors for a reference to a node that does not exist. */
  private checkRef(path: YamlPath, id: string): void {
    if (Object.hasOwn(this.tree.nodes, id)) return;
    const known = this.ids.length <= 12 ? ` (nodes: ${this.ids.join(', ')})` : '';
    this.error(path, `unknown node "${id}"${known}`);
  }

  private checkNode(id: string, node: TreeNode): void {
    const at: YamlPath = ['nodes', id];
    const hasAsk = node.ask !== undefined;
    const hasDo = node.do !== undefined;
    if (hasAsk && hasDo) this.error([...at, 'do'], `node "${id}" is either a decision (\`ask\`) or an action (\`do\`), not both`, 'key');
    if (!hasAsk && !hasDo) this.error(at, `node "${id}" needs \`ask\` (a decision) or \`do\` (an action or outcome)`, 'key');
    if (hasAsk) {
      if (!node.answers) this.error(at, `node "${id}" asks a question but has no \`answers\``, 'key');
      if (node.next !== undefined) this.error([...at, 'next'], 'a decision goes on through its answers: use `answers`, not `next`', 'key');
      if (node.outcome !== undefined) this.error([...at, 'outcome'], 'an `outcome` ends the scenario; a decision (`ask`) cannot have one', 'key');
    }
    if (hasDo && node.answers) this.error([...at, 'answers'], '`answers` belong to a decision (`ask`), not to an action (`do`)', 'key');
    if (hasDo && node.next !== undefined && node.outcome !== undefined) {
      this.error([...at, 'outcome'], 'an `outcome` ends the scenario; remove `next` or `outcome`', 'key');
    }
    if (node.next !== undefined) this.checkRef([...at, 'next'], node.next);
    const labels = new Map<string, number>();
    node.answers?.forEach((answer, index) => {
      const label = String(answer.label).trim();
      const first = labels.get(label.toLowerCase());
      if (first !== undefined) this.error([...at, 'answers', index, 'label'], `answer "${label}" appears twice in node "${id}"`);
      else labels.set(label.toLowerCase(), index);
      this.checkRef([...at, 'answers', index, 'next'], answer.next);
    });
  }

  private buildSections(): { sections: SectionSource[]; sectionOf: Map<string, string> } {
    const sections: SectionSource[] = [];
    const sectionOf = new Map<string, string>();
    const seen = new Set<string>();
    this.tree.sections?.forEach((section, index) => {
      const path: YamlPath = ['sections', index];
      if (seen.has(section.id)) this.error([...path, 'id'], `duplicate section id "${section.id}"`);
      seen.add(section.id);
      sections.push({ id: section.id, title: section.title.trim(), line: this.lineOf(path).line });
      section.nodes?.forEach((nodeId, n) => {
        this.checkRef([...path, 'nodes', n], nodeId);
        const other = sectionOf.get(nodeId);
        if (other !== undefined) this.error([...path, 'nodes', n], `node "${nodeId}" is already in section "${other}"`);
        else sectionOf.set(nodeId, section.id);
      });
    });
    return { sections, sectionOf };
  }

  private item(id: string, node: TreeNode, order: number, sectionId: string | undefined, hasNext: boolean): ItemSource {
    const at = this.lineOf(['nodes', id], 'key');
    // Texts are inline Markdown, as in a checklist (one reading: emphasis, code, `==key values==`).
    const read = readInlineSource((node.ask ?? node.do ?? '').trim(), { lineBreaks: 'hard' });
    const item: ItemSource = {
      id,
      kind: node.ask !== undefined ? 'decision' : hasNext ? 'action' : 'outcome',
      text: read.plain,
      order,
      notes: asList(node.notes),
      keyValues: read.keyValues,
      memory: node.memory ?? false,
      tags: [],
      line: at.line,
      col: at.col,
    };
    const inline = storedInline(read.tree);
    if (inline) item.inline = inline;
    if (sectionId !== undefined) item.sectionId = sectionId;
    if (node.why !== undefined) {
      const why = readInlineSource(node.why.trim(), { lineBreaks: 'hard' });
      item.rationale = why.plain;
      const whyInline = storedInline(why.tree);
      if (whyInline) item.rationaleInline = whyInline;
    }
    if (node.outcome !== undefined) item.outcome = node.outcome;
    if (node.observe !== undefined) item.observe = asList(node.observe);
    const feedback = (node.answers ?? []).filter((a) => a.feedback !== undefined);
    if (feedback.length > 0) {
      item.answerFeedback = Object.fromEntries(feedback.map((a) => [String(a.label).trim(), a.feedback!.trim()]));
    }
    return item;
  }

  private edges(): EdgeSource[] {
    const edges: EdgeSource[] = [];
    for (const [id, node] of Object.entries(this.tree.nodes)) {
      node.answers?.forEach((answer, index) => {
        const line = this.lineOf(['nodes', id, 'answers', index, 'next']).line;
        edges.push({ from: id, to: answer.next, label: String(answer.label).trim(), line });
      });
      if (node.do !== undefined && node.next !== undefined) {
        edges.push({ from: id, to: node.next, line: this.lineOf(['nodes', id, 'next']).line });
      }
    }
    return edges;
  }

  private warnUnreachable(rootId: string, edges: readonly EdgeSource[]): void {
    const targets = new Map<string, string[]>();
    for (const edge of edges) targets.set(edge.from, [...(targets.get(edge.from) ?? []), edge.to]);
    const reached = new Set([rootId]);
    const queue = [rootId];
    for (let i = 0; i < queue.length; i++) {
      for (const to of targets.get(queue[i]!) ?? []) {
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    for (const id of this.ids) {
      if (reached.has(id)) continue;
      const at = this.lineOf(['nodes', id], 'key');
      this.warnings.push(issueAt(this.yaml.file, at.line, at.col, `node "${id}" cannot be reached from the start node "${rootId}"`, 'warning'));
    }
  }

  build(): ParseResult {
    if (this.ids.length === 0) this.error(['nodes'], 'nodes: expected at least one node');
    for (const [id, node] of Object.entries(this.tree.nodes)) this.checkNode(id, node);
    if (this.tree.start !== undefined) this.checkRef(['start'], this.tree.start);
    const { sections, sectionOf } = this.buildSections();
    if (this.errors.length > 0) {
      const errors = this.errors.sort((a, b) => a.line - b.line || a.col - b.col);
      return { ok: false, errors, warnings: this.warnings };
    }
    const rootId = this.tree.start ?? this.ids[0]!;
    const items = Object.entries(this.tree.nodes).map(([id, node], order) =>
      this.item(id, node, order, sectionOf.get(id), node.next !== undefined),
    );
    const edges = this.edges();
    this.warnUnreachable(rootId, edges);
    const pack: PackSource = {
      title: this.tree.title === undefined ? fileTitle(this.yaml.file) : String(this.tree.title).trim() || fileTitle(this.yaml.file),
      kind: 'tree',
      format: this.format,
      sourceName: this.yaml.file,
      meta: toPackMeta(this.tree),
      sections,
      items,
      edges,
      rootId,
    };
    return { ok: true, pack, warnings: this.warnings };
  }
}
