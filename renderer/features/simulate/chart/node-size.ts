/**
 * How big a node's box is, worked out from its text without a DOM (the layout runs in a
 * worker and in Node tests): the text is wrapped word by word at a maximum width, with
 * each character's width estimated from its class. The estimates lean wide, so real text
 * fits the box; what still does not (an unusually wide font) is clipped at MAX_LINES and
 * the full text is in the chart's list.
 *
 * The chart's CSS takes its font size, line height and padding from NODE_BOX (set as
 * custom properties on the chart), so the boxes and the text inside them agree.
 */

export const NODE_BOX = {
  fontSize: 13,
  lineHeight: 18,
  /** The small line above the text that names the node's kind ("Question", "Outcome · failed"). */
  kindLine: 16,
  paddingX: 12,
  paddingY: 8,
  border: 2,
  minWidth: 144,
  maxWidth: 216,
  maxLines: 6,
} as const;

/**
 * Width of one character in em, by rough class, measured against DejaVu Sans (Linux's usual
 * system-ui, and wider than Segoe UI or SF): text laid out for it fits the others too.
 */
function charEm(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (char === ' ') return 0.32;
  if (code >= 0x2e80) return 1.05; // CJK and other full-width scripts
  if ("ijl'|".includes(char)) return 0.3;
  if ('.,;:'.includes(char)) return 0.36;
  if ('frt!()[]-/'.includes(char)) return 0.42;
  if ('mwMW@%'.includes(char)) return 1;
  if (char >= 'A' && char <= 'Z') return 0.78;
  if (char >= '0' && char <= '9') return 0.64;
  return 0.64;
}

/** Headroom over the estimate: a line the estimate fills must still fit when the font runs wide. */
const WIDTH_SAFETY = 1.06;

/** Estimated rendered width of `text` in px at the chart's font size (on the wide side). */
export function textWidth(text: string, fontSize: number = NODE_BOX.fontSize): number {
  let em = 0;
  for (const char of text) em += charEm(char);
  return em * fontSize * WIDTH_SAFETY;
}

/** `text` broken into lines no wider than `maxWidth` px (a word longer than a line is cut). */
export function wrapLines(text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (word: string): void => {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate) <= maxWidth) {
      line = candidate;
      return;
    }
    if (line !== '') lines.push(line);
    line = '';
    // A word wider than the line on its own is cut where it overflows.
    let rest = word;
    while (textWidth(rest) > maxWidth) {
      let cut = 1;
      while (cut < rest.length && textWidth(rest.slice(0, cut + 1)) <= maxWidth) cut += 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  };
  for (const word of text.split(' ')) if (word !== '') push(word);
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

export interface BoxSize {
  width: number;
  height: number;
}

/** The box a node with `text` needs, wrapping at `maxWidth` (clipped at NODE_BOX.maxLines lines). */
export function nodeSize(text: string, maxWidth: number = NODE_BOX.maxWidth, minWidth: number = NODE_BOX.minWidth): BoxSize {
  const inner = maxWidth - 2 * NODE_BOX.paddingX - NODE_BOX.border;
  const lines = wrapLines(text, inner).slice(0, NODE_BOX.maxLines);
  const widest = Math.max(...lines.map((line) => textWidth(line)));
  const width = Math.ceil(Math.min(maxWidth, Math.max(minWidth, widest + 2 * NODE_BOX.paddingX + NODE_BOX.border)));
  const height = 2 * NODE_BOX.paddingY + NODE_BOX.border + NODE_BOX.kindLine + lines.length * NODE_BOX.lineHeight;
  return { width, height };
}
