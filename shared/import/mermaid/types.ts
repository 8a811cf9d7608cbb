/**
 * What Kata reads from a Mermaid flowchart, shaped like what Mermaid's own parser
 * (flowDb) reports, so the two can be compared on a corpus of real charts.
 *
 * Texts at this level are Mermaid's label strings: HTML-ish, as Mermaid hands
 * them to its renderer (`<br/>` becomes `<br>`, a lone `<` becomes `&lt;`).
 * The pack built from the graph (to-pack.ts) holds plain text instead.
 * Positions are 1-based and already include the caller's line/column offsets.
 */
import type { ImportIssue, PackMeta } from '../../model';

export type MermaidDirection = 'TB' | 'BT' | 'LR' | 'RL';

/** How a label was written: plain, `"quoted"`, or a "`markdown string`". */
export type MermaidLabelType = 'text' | 'string' | 'markdown';

export type MermaidArrowType =
  | 'arrow_point'
  | 'arrow_open'
  | 'arrow_circle'
  | 'arrow_cross'
  | 'double_arrow_point'
  | 'double_arrow_circle'
  | 'double_arrow_cross';

export type MermaidStroke = 'normal' | 'thick' | 'dotted' | 'invisible';

export interface MermaidVertex {
  id: string;
  /** The label (the id when the node was never given one). */
  text: string;
  labelType: MermaidLabelType;
  /**
   * Shape as Mermaid names it: `square`, `round`, `stadium`, `subroutine`, `cylinder`,
   * `circle`, `doublecircle`, `ellipse`, `odd`, `diamond`, `hexagon`, `lean_right`,
   * `lean_left`, `trapezoid`, `inv_trapezoid`, or an `@{ shape: ... }` name as written
   * (`rect`, `diam`, `lean-r` ...); null for a bare id.
   */
  type: string | null;
  /** Classes from `:::name`, `class ids name` and `click` (`clickable`), in order. */
  classes: string[];
  /** Inline styles from `style id ...`. */
  styles: string[];
  /** True when a subgraph has this id (the node stands for the subgraph, e.g. in an edge). */
  isSubgraph: boolean;
  /** Where the node first appears. */
  line: number;
  col: number;
}

export interface MermaidEdge {
  /** Edge id from `e1@-->`. */
  id?: string;
  start: string;
  end: string;
  text: string;
  labelType: MermaidLabelType;
  type: MermaidArrowType;
  stroke: MermaidStroke;
  /** Extra length from extra dashes: `-->` is 1, `--->` is 2 (at most 10, like Mermaid). */
  length: number;
  /** Position of the link operator. */
  line: number;
  col: number;
}

export interface MermaidSubgraph {
  /** The written id, or `subGraphN` like Mermaid for an untitled or spaced title. */
  id: string;
  title: string;
  labelType: MermaidLabelType;
  /** Members, in Mermaid's order; a nested subgraph appears by its id. A node belongs to one subgraph only. */
  nodes: string[];
  dir?: MermaidDirection;
  /** The enclosing subgraph, for nested ones. */
  parentId?: string;
  /** Position of the `subgraph` keyword. */
  line: number;
  col: number;
}

export interface MermaidClassDef {
  id: string;
  styles: string[];
}

export interface MermaidGraph {
  direction: MermaidDirection;
  /** In order of first appearance (Mermaid's order). */
  vertices: MermaidVertex[];
  /** In order of appearance (Mermaid's order, which `linkStyle` indexes count). */
  edges: MermaidEdge[];
  /** In the order their `end` was read (Mermaid's order: inner before outer). */
  subgraphs: MermaidSubgraph[];
  classDefs: MermaidClassDef[];
  /** `%% title: ...`, else the front matter `title`. */
  title?: string;
  /** `%% root: id`, where it was written. */
  root?: { id: string; line: number; col: number };
  /** Front matter metadata (tags, rarity, criticality, time limit, id). */
  meta: PackMeta;
}

export interface MermaidParseOptions {
  /** Lines before the chart in the file (a fence's body starts after it). */
  lineOffset?: number;
  /**
   * Columns before the chart's text on each of its lines: one number for all of them, or per
   * line (1-based within the chart) where they differ — a fence's indentation is stripped only
   * as far as each line has it, and a fence in a list or quote has its prefix on every line.
   */
  colOffset?: number | ((chartLine: number) => number);
}


export type MermaidGraphResult =
  | { ok: true; graph: MermaidGraph; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };
