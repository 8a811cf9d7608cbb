/**
 * What Mermaid does to a chart before parsing it (mermaid's preprocessDiagram),
 * done without moving any character, so positions still point into the file:
 * - a ```mermaid fence around a whole .mmd file is blanked out, with a warning;
 * - YAML front matter (`---` ... `---`) is blanked and kept for its metadata;
 * - `%%{init: ...}%%` directives and `%%` comment lines are blanked, reading
 *   `%% title: ...` and `%% root: id` on the way;
 * - double quotes in HTML attributes become single quotes (`<a href="x">`), as
 *   Mermaid does so that they do not end a quoted label.
 */
import type { ChartText } from './cursor';

export interface PreparedChart {
  /** The chart with the above blanked (same length and lines as the input). */
  text: string;
  title?: { value: string; index: number };
  root?: { id: string; index: number };
  /** The YAML between the front matter fences, and the 0-based line of its opening `---`. */
  frontMatter?: { source: string; fenceLine: number };
}

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    lines.push({ start, text: text.slice(start, end < 0 ? text.length : end) });
    if (end < 0) return lines;
    start = end + 1;
  }
}

const FENCE_OPEN = /^\s*(`{3,}|~{3,})\s*(mermaid)?\s*$/i;
const FENCE_CLOSE = /^\s*(`{3,}|~{3,})\s*$/;
const COMMENT_LINE = /^\s*%%/;
const TITLE_COMMENT = /^\s*%%\s*title\s*:\s*(.*?)\s*$/i;
const ROOT_COMMENT = /^\s*%%\s*root\s*:\s*(.*?)\s*$/i;

/** Marks [start, end) of the text as blank (line breaks are kept). */
class Blanker {
  private readonly ranges: [number, number][] = [];
  add(start: number, end: number): void {
    if (end > start) this.ranges.push([start, end]);
  }
  apply(text: string): string {
    if (this.ranges.length === 0) return text;
    this.ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [start, end] of this.ranges) {
      const from = Math.max(start, at);
      if (end <= from) continue;
      out += text.slice(at, from) + text.slice(from, end).replace(/[^\n]/g, ' ');
      at = end;
    }
    return out + text.slice(at);
  }
}

/** `<tag a="x">` -> `<tag a='x'>` (Mermaid's cleanupText), in one linear pass. */
function singleQuoteHtmlAttributes(text: string): string {
  let out = '';
  let i = 0;
  let lt = text.indexOf('<');
  while (lt >= 0) {
    let nameEnd = lt + 1;
    while (nameEnd < text.length && /\w/.test(text.charAt(nameEnd))) nameEnd += 1;
    if (nameEnd === lt + 1) {
      lt = text.indexOf('<', lt + 1);
      continue;
    }
    const gt = text.indexOf('>', nameEnd);
    if (gt < 0) break;
    out += text.slice(i, nameEnd) + text.slice(nameEnd, gt).replace(/="([^"]*)"/g, "='$1'");
    i = gt;
    lt = text.indexOf('<', gt + 1);
  }
  return out + text.slice(i);
}

function firstContentLine(lines: Line[], from: number): number {
  let index = from;
  while (index < lines.length && lines[index]!.text.trim() === '') index += 1;
  return index;
}

/** Blanks fences, front matter, directives and comments; reads title, root and front matter. */
export function prepareChart(src: ChartText): PreparedChart {
  const text = src.text;
  const lines = splitLines(text);
  const blank = new Blanker();
  const prepared: PreparedChart = { text };
  const lineEnd = (line: Line): number => line.start + line.text.length;

  let first = firstContentLine(lines, 0);
  const fence = first < lines.length ? FENCE_OPEN.exec(lines[first]!.text) : null;
  if (fence) {
    const opening = lines[first]!;
    blank.add(opening.start, lineEnd(opening));
    let last = lines.length - 1;
    while (last > first && lines[last]!.text.trim() === '') last -= 1;
    const closing = last > first ? FENCE_CLOSE.exec(lines[last]!.text) : null;
    if (closing && closing[1]!.charAt(0) === fence[1]!.charAt(0)) blank.add(lines[last]!.start, lineEnd(lines[last]!));
    src.warn(
      opening.start + opening.text.indexOf(fence[1]!),
      `this file is wrapped in a ${fence[1]}${fence[2] ?? ''} code fence: a .mmd file holds only the chart, and Mermaid rejects it ("No diagram type detected"); Kata read the chart inside — delete the fence lines`,
    );
    first = firstContentLine(lines, first + 1);
  }

  if (first < lines.length && /^---\s*$/.test(lines[first]!.text)) {
    let close = first + 1;
    while (close < lines.length && !/^---\s*$/.test(lines[close]!.text)) close += 1;
    if (close >= lines.length) src.fail(lines[first]!.start, 'front matter opened with "---" is never closed: expected a line with "---" before the chart');
    prepared.frontMatter = {
      source: lines.slice(first + 1, close).map((line) => line.text).join('\n'),
      fenceLine: first,
    };
    blank.add(lines[first]!.start, lineEnd(lines[close]!));
  }

  // Directives may span lines; they end at the first `}%%`.
  for (let open = text.indexOf('%%{'); open >= 0; ) {
    const close = text.indexOf('}%%', open + 3);
    if (close < 0) src.fail(open, 'this %%{ directive is never closed: expected "}%%"');
    blank.add(open, close + 3);
    open = text.indexOf('%%{', close + 3);
  }

  for (const line of lines) {
    if (!COMMENT_LINE.test(line.text) || /^\s*%%\{/.test(line.text)) continue;
    const indexOfMark = line.start + line.text.indexOf('%%');
    const title = TITLE_COMMENT.exec(line.text);
    const root = ROOT_COMMENT.exec(line.text);
    if (title && title[1] !== '' && prepared.title === undefined) prepared.title = { value: title[1]!, index: indexOfMark };
    if (root) {
      if (root[1] === '') src.warn(indexOfMark, '"%% root:" names no node; it is ignored');
      else if (prepared.root !== undefined) src.warn(indexOfMark, `a second "%% root:" line; the first one ("${prepared.root.id}") is used`);
      else prepared.root = { id: root[1]!, index: line.start + line.text.indexOf(root[1]!, line.text.indexOf(':')) };
    }
    blank.add(line.start, lineEnd(line));
  }

  prepared.text = singleQuoteHtmlAttributes(blank.apply(text));
  return prepared;
}
