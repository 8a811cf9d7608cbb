/**
 * The graph as Mermaid's flowDb builds it while the statements are read:
 * a later label replaces an earlier one, a bare id never does; `style` creates a
 * node, `class` and `click` do not; edges of `A & B --> C & D` go start by start;
 * a subgraph is added at its `end` and keeps only members no earlier subgraph has.
 */
import type { ChartText } from './cursor';
import { mermaidLabel } from './html-text';
import type { RawLabel } from './labels';
import type { LinkShape } from './links';
import type { ShapeData } from './shape-data';
import { shapeNameProblem } from './shapes';
import type { MermaidClassDef, MermaidDirection, MermaidEdge, MermaidLabelType, MermaidSubgraph, MermaidVertex } from './types';
import { IMPORT_LIMITS } from '../limits';

/** Edges one chart may hold (`A & B & ... --> C & D & ...` multiplies them). */
export const MAX_EDGES = 100_000;

/** A subgraph being read: what its statements contributed so far. */
export interface SubgraphFrame {
  /** Index of the `subgraph` keyword. */
  index: number;
  /** The id part as written (untrimmed), if any. */
  idText?: string;
  title?: RawLabel;
  /** `subgraph Title` (no brackets): id and title are the same text. */
  idIsTitle: boolean;
  /** Members in Mermaid's order, nested subgraph ids, and `direction` statements. */
  list: (string | { dir: MermaidDirection })[];
  /** Subgraphs closed inside this one. */
  children: MermaidSubgraph[];
}

export interface LinkInfo extends LinkShape {
  text?: RawLabel;
  id?: string;
}

/** Mermaid's label text: trimmed, sanitized, one pair of surrounding quotes dropped. */
function labelOf(raw: string): string {
  const text = mermaidLabel(raw.trim());
  return text.startsWith('"') && text.endsWith('"') ? text.substring(1, text.length - 1) : text;
}

export class GraphBuilder {
  private readonly src: ChartText;
  private readonly vertices = new Map<string, MermaidVertex>();
  private readonly edges: MermaidEdge[] = [];
  private readonly edgeLines = new Map<string, number>();
  private readonly classDefs = new Map<string, MermaidClassDef>();
  private readonly subgraphs: MermaidSubgraph[] = [];
  private readonly subgraphIds = new Set<string>();
  private readonly inSubgraph = new Set<string>();
  private subCount = 0;

  constructor(src: ChartText) {
    this.src = src;
  }

  get edgeCount(): number {
    return this.edges.length;
  }

  /** Line of the edge with this id, when `id` names an edge (`e1@-->`). */
  edgeLine(id: string): number | undefined {
    return this.edgeLines.get(id);
  }

  /** Mermaid's addVertex: creates the node at its first mention; a label or shape given later replaces the earlier one. */
  vertex(id: string, index: number, label?: RawLabel, type?: string): void {
    let vertex = this.vertices.get(id);
    if (vertex === undefined) {
      if (this.vertices.size >= IMPORT_LIMITS.maxItems) {
        this.src.fail(index, `too many nodes: a chart may have at most ${IMPORT_LIMITS.maxItems}`);
      }
      const { line, col } = this.src.position(index);
      vertex = { id, text: id, labelType: 'text', type: null, classes: [], styles: [], isSubgraph: false, line, col };
      this.vertices.set(id, vertex);
    }
    if (label !== undefined) {
      vertex.text = labelOf(label.text);
      vertex.labelType = label.type;
    }
    if (type !== undefined) vertex.type = type;
  }

  /**
   * `@{ shape: ..., label: ... }` on a node. Mermaid keeps this label untrimmed and
   * sanitizes it only when drawing; Kata sanitizes it here already (the same for
   * any label without `<`), so no graph text ever holds a script.
   */
  shapeData(id: string, data: ShapeData): void {
    this.vertex(id, data.index);
    const vertex = this.vertices.get(id)!;
    if (data.shape !== undefined) {
      const problem = shapeNameProblem(data.shape);
      if (problem !== null) this.src.fail(data.index, problem);
      vertex.type = data.shape;
    }
    if (data.label !== undefined) {
      vertex.text = mermaidLabel(data.label);
      vertex.labelType = 'markdown';
    }
  }

  style(id: string, index: number, styles: string[]): void {
    this.vertex(id, index);
    this.vertices.get(id)!.styles.push(...styles);
  }

  /** Mermaid's setClass: `ids` may list several, separated by commas; unknown ids are ignored. */
  setClass(ids: string, className: string): void {
    for (const id of ids.split(',')) this.vertices.get(id)?.classes.push(className);
  }

  addClassDef(ids: string, styles: string[]): void {
    for (const id of ids.split(',')) {
      let classDef = this.classDefs.get(id);
      if (classDef === undefined) {
        classDef = { id, styles: [] };
        this.classDefs.set(id, classDef);
      }
      classDef.styles.push(...styles);
    }
  }

  /** Mermaid's addLink: every start to every end; the edge id goes to the last start and first end. */
  link(starts: string[], ends: string[], info: LinkInfo, index: number): void {
    if (this.edges.length + starts.length * ends.length > MAX_EDGES) {
      this.src.fail(index, `too many links: a chart may have at most ${MAX_EDGES}`);
    }
    const { line, col } = this.src.position(index);
    const text = info.text === undefined ? '' : labelOf(info.text.text);
    const labelType: MermaidLabelType = info.text?.type ?? 'text';
    starts.forEach((start, startIndex) => {
      ends.forEach((end, endIndex) => {
        const edge: MermaidEdge = { start, end, text, labelType, type: info.type, stroke: info.stroke, length: info.length, line, col };
        if (info.id !== undefined && startIndex === starts.length - 1 && endIndex === 0) {
          if (this.edgeLines.has(info.id)) {
            this.src.warn(index, `the link id "${info.id}" is already used at line ${this.edgeLines.get(info.id)}; this link gets none`, 'link-id');
          } else {
            edge.id = info.id;
            this.edgeLines.set(info.id, line);
          }
        }
        this.edges.push(edge);
      });
    });
  }

  /** Mermaid's addSubGraph, at the subgraph's `end`; returns its id. */
  closeSubgraph(frame: SubgraphFrame): MermaidSubgraph {
    let id = frame.idText?.trim();
    const titleText = frame.title?.text ?? '';
    if (frame.idIsTitle && /\s/.test(titleText)) id = undefined;
    if (id === undefined || id === '') id = `subGraph${this.subCount}`;
    this.subCount += 1;
    const seen = new Set<string>();
    const nodes: string[] = [];
    let dir: MermaidDirection | undefined;
    for (const item of frame.list) {
      if (typeof item !== 'string') dir = item.dir;
      else if (item.trim() !== '' && !seen.has(item)) {
        seen.add(item);
        if (!this.inSubgraph.has(item)) nodes.push(item);
      }
    }
    for (const node of nodes) this.inSubgraph.add(node);
    const { line, col } = this.src.position(frame.index);
    const subgraph: MermaidSubgraph = { id, title: labelOf(titleText), labelType: frame.title?.type ?? 'text', nodes, line, col };
    if (dir !== undefined) subgraph.dir = dir;
    for (const child of frame.children) child.parentId = id;
    if (this.subgraphIds.has(id)) {
      this.src.warn(frame.index, `a subgraph with the id "${id}" already exists; give each subgraph its own id`, 'subgraph-id');
    }
    this.subgraphIds.add(id);
    this.subgraphs.push(subgraph);
    return subgraph;
  }

  build(): { vertices: MermaidVertex[]; edges: MermaidEdge[]; subgraphs: MermaidSubgraph[]; classDefs: MermaidClassDef[] } {
    const vertices = [...this.vertices.values()];
    for (const vertex of vertices) vertex.isSubgraph = this.subgraphIds.has(vertex.id);
    return { vertices, edges: this.edges, subgraphs: this.subgraphs, classDefs: [...this.classDefs.values()] };
  }
}
