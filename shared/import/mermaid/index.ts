/**
 * Mermaid flowcharts (formats.md, "Mermaid flowcharts"): Kata's own parser, since
 * no headless library parses them. `parseMermaidGraph` reads what Mermaid reads;
 * `parseMermaid` turns it into a decision-tree pack.
 */
export { parseMermaidGraph } from './parse-graph';
export { parseMermaid, graphToPack } from './to-pack';
export type {
  MermaidArrowType,
  MermaidClassDef,
  MermaidDirection,
  MermaidEdge,
  MermaidGraph,
  MermaidGraphResult,
  MermaidLabelType,
  MermaidParseOptions,
  MermaidStroke,
  MermaidSubgraph,
  MermaidVertex,
} from './types';
