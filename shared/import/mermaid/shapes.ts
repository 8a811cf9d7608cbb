/**
 * Node shapes: the brackets after a node id, and the names `@{ shape: ... }` accepts.
 * Brackets are tried longest first, in the order of Mermaid's lexer.
 */

/** How the text inside a shape is read (Mermaid's `text`, `trapText` and `ellipseText` lexer states). */
export type LabelMode = 'text' | 'trap' | 'ellipse';

export interface ShapeOpener {
  open: string;
  mode: LabelMode;
  /** Closers and the Mermaid shape type each one makes. */
  closers: readonly { close: string; type: string }[];
}

export const SHAPE_OPENERS: readonly ShapeOpener[] = [
  { open: '(((', mode: 'text', closers: [{ close: ')))', type: 'doublecircle' }] },
  { open: '((', mode: 'text', closers: [{ close: '))', type: 'circle' }] },
  { open: '(-', mode: 'ellipse', closers: [{ close: '-)', type: 'ellipse' }] },
  { open: '([', mode: 'text', closers: [{ close: '])', type: 'stadium' }] },
  { open: '(', mode: 'text', closers: [{ close: ')', type: 'round' }] },
  { open: '[[', mode: 'text', closers: [{ close: ']]', type: 'subroutine' }] },
  { open: '[(', mode: 'text', closers: [{ close: ')]', type: 'cylinder' }] },
  {
    open: '[/',
    mode: 'trap',
    closers: [
      { close: '\\]', type: 'trapezoid' },
      { close: '/]', type: 'lean_right' },
    ],
  },
  {
    open: '[\\',
    mode: 'trap',
    closers: [
      { close: '/]', type: 'inv_trapezoid' },
      { close: '\\]', type: 'lean_left' },
    ],
  },
  { open: '[', mode: 'text', closers: [{ close: ']', type: 'square' }] },
  { open: '{{', mode: 'text', closers: [{ close: '}}', type: 'hexagon' }] },
  { open: '{', mode: 'text', closers: [{ close: '}', type: 'diamond' }] },
  { open: '>', mode: 'text', closers: [{ close: ']', type: 'odd' }] },
];

/** The shape opener at `index`, if any. */
export function shapeOpenerAt(text: string, index: number): ShapeOpener | undefined {
  return SHAPE_OPENERS.find((shape) => text.startsWith(shape.open, index));
}

/** `[ ]`, `(( ))`: how messages name a shape's brackets. */
export function bracketsOf(shape: ShapeOpener): string {
  return `${shape.open} ${shape.closers[0]!.close}`;
}

/** Shape names (and aliases) Mermaid accepts in `@{ shape: ... }` (Mermaid 11). */
const SHAPE_NAMES = new Set(
  [
    'rect proc process rectangle',
    'rounded event',
    'stadium terminal pill',
    'fr-rect subprocess subproc framed-rectangle subroutine',
    'cyl db database cylinder',
    'circle circ',
    'diam decision diamond question',
    'hex hexagon prepare',
    'lean-r lean-right in-out',
    'lean-l lean-left out-in',
    'trap-b priority trapezoid-bottom trapezoid',
    'trap-t manual trapezoid-top inv-trapezoid',
    'dbl-circ double-circle doublecircle',
    'text',
    'notch-rect card notched-rectangle',
    'lin-rect lined-rectangle lined-process lin-proc shaded-process',
    'sm-circ start small-circle',
    'fr-circ stop framed-circle',
    'fork join',
    'hourglass collate',
    'brace comment brace-l',
    'brace-r',
    'braces',
    'bolt com-link lightning-bolt',
    'doc document',
    'delay half-rounded-rectangle',
    'h-cyl das horizontal-cylinder',
    'lin-cyl disk lined-cylinder',
    'curv-trap curved-trapezoid display',
    'div-rect div-proc divided-rectangle divided-process',
    'tri extract triangle',
    'win-pane internal-storage window-pane',
    'f-circ junction filled-circle',
    'lin-doc lined-document',
    'notch-pent loop-limit notched-pentagon',
    'flip-tri manual-file flipped-triangle',
    'sl-rect manual-input sloped-rectangle',
    'docs documents st-doc stacked-document',
    'st-rect procs processes stacked-rectangle',
    'flag paper-tape',
    'bow-rect stored-data bow-tie-rectangle',
    'cross-circ summary crossed-circle',
    'tag-doc tagged-document',
    'tag-rect tagged-rectangle tag-proc tagged-process',
    'odd class-box',
    'state choice note anchor icon',
  ]
    .join(' ')
    .split(' '),
);

/** Why Mermaid refuses a shape name, or null when it accepts it. */
export function shapeNameProblem(name: string): string | null {
  if (name !== name.toLowerCase() || name.includes('_')) return `no such shape "${name}": shape names are lower case, with "-" (like "lean-r")`;
  return SHAPE_NAMES.has(name) ? null : `no such shape "${name}" (known shapes include rect, rounded, stadium, diam, hex, circle, cyl, doc)`;
}
