/**
 * micromark (under remark-parse) slows down super-linearly on long documents full
 * of containers: 4 000 steps with `> Why:` blockquotes took ~4.5 s in one parse but
 * ~1.3 s as 80 separate parses. A top-level ATX heading always closes every open
 * block (list, blockquote, paragraph), so a large document is cut at those lines,
 * each piece is parsed alone, and the positions are shifted back into the file.
 *
 * Only what is outside fenced code and HTML comments counts as a heading line. A link
 * reference definition (`[rtd]: https://...`) is seen only by the piece that holds it,
 * so where a document has definitions every other piece is parsed again with their
 * source after it (past a blank line, which closes whatever the piece left open): a
 * `[label][rtd]` anywhere reads as its text, as in one parse.
 */
import type { Nodes, Root, RootContent } from 'mdast';

/** Documents shorter than this are parsed in one piece (exactly as remark would). */
export const CHUNK_ABOVE_CHARS = 40_000;
/** Smallest piece worth cutting off. */
const MIN_CHUNK_CHARS = 8_000;

interface Piece {
  text: string;
  /** 1-based line of the piece's first line in the whole file. */
  line: number;
  /** Offset of the piece's first character in the whole file. */
  offset: number;
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;

/** Where a document may be cut: the starts of top-level heading lines outside code and comments. */
export function splitAtHeadings(text: string, minChunk = MIN_CHUNK_CHARS): Piece[] {
  const pieces: Piece[] = [];
  let fence: string | null = null;
  let inComment = false;
  let pieceStart = 0;
  let pieceLine = 1;
  let line = 1;
  let offset = 0;
  // Front matter belongs to the first piece whatever its size.
  let frontMatter = text.startsWith('---\n');
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const lineEnd = end === -1 ? text.length : end;
    const content = text.slice(offset, lineEnd);
    if (frontMatter) {
      if (line > 1 && /^(---|\.\.\.)\s*$/.test(content)) frontMatter = false;
    } else if (fence) {
      const match = FENCE.exec(content);
      if (match && match[1]!.startsWith(fence[0]!) && match[1]!.length >= fence.length && content.trim() === match[1]) {
        fence = null;
      }
    } else if (inComment) {
      if (content.includes('-->')) inComment = false;
    } else {
      const match = FENCE.exec(content);
      if (match) fence = match[1]!;
      else if (content.lastIndexOf('<!--') > content.lastIndexOf('-->')) inComment = true;
      else if (HEADING.test(content) && offset - pieceStart >= minChunk) {
        pieces.push({ text: text.slice(pieceStart, offset), line: pieceLine, offset: pieceStart });
        pieceStart = offset;
        pieceLine = line;
      }
    }
    offset = lineEnd + 1;
    line += 1;
  }
  pieces.push({ text: text.slice(pieceStart), line: pieceLine, offset: pieceStart });
  return pieces;
}

function shiftPositions(root: Root, lines: number, offset: number): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}

/** Parses a large document piece by piece into one tree with whole-file positions. */
export function parseInPieces(
  text: string,
  parse: (text: string) => Root,
  chunkAbove = CHUNK_ABOVE_CHARS,
  minChunk = MIN_CHUNK_CHARS,
): Root {
  if (text.length < chunkAbove) return parse(text);
  const pieces = splitAtHeadings(text, minChunk);
  if (pieces.length === 1) return parse(text);
  const roots = pieces.map((piece) => parse(piece.text));
  const definitions = roots.map((root, index) =>
    root.children
      .filter((node) => node.type === 'definition')
      .map((node) => pieces[index]!.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)),
  );
  const children: RootContent[] = [];
  pieces.forEach((piece, index) => {
    let root = roots[index]!;
    const others = definitions.filter((_, other) => other !== index).flat();
    if (others.length > 0) {
      // The definitions parse after the piece's own text; what they add there is not part of the file.
      root = parse(`${piece.text}\n\n${others.join('\n')}\n`);
      root.children = root.children.filter((node) => (node.position?.start.offset ?? 0) < piece.text.length);
    }
    shiftPositions(root, piece.line - 1, piece.offset);
    children.push(...root.children);
  });
  const lastLine = text.split('\n').length;
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lastLine, column: text.length - text.lastIndexOf('\n'), offset: text.length },
    },
  };
}
