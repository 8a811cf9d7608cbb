/**
 * A tiny inline-Markdown reader for imported text: emphasis, strong, code,
 * `==key values==`, strikethrough and links. It produces plain data (never HTML),
 * which InlineMarkdown.tsx turns into React elements, so imported text can never
 * inject markup: anything this reader does not understand stays literal text.
 * Links keep their text only; the URL is dropped (the app is offline, and a
 * `javascript:` URL must never become clickable).
 */

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'code'; value: string }
  | { type: 'strong' | 'em' | 'mark' | 'del' | 'link'; children: InlineNode[] };

/** Deeper nesting than this is shown as literal text: it keeps hostile input from recursing without end. */
const MAX_DEPTH = 8;

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

function runLength(s: string, at: number, char: string): number {
  let n = 0;
  while (s[at + n] === char) n += 1;
  return n;
}

/** End (exclusive) of a code span opened by `ticks` backticks at `at`, or -1. */
function codeSpanEnd(s: string, at: number, end: number, ticks: number): number {
  let i = at + ticks;
  while (i < end) {
    const close = s.indexOf('`', i);
    if (close === -1 || close >= end) return -1;
    const n = runLength(s, close, '`');
    if (n === ticks && close + n <= end) return close + n;
    i = close + n;
  }
  return -1;
}

/** Calls `visit` for every position outside escapes and code spans; stops when it returns a number. */
function scan(s: string, from: number, end: number, visit: (i: number) => number | undefined): number {
  let i = from;
  while (i < end) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < end && ESCAPABLE.test(s[i + 1]!)) {
      i += 2;
      continue;
    }
    if (c === '`') {
      const ticks = runLength(s, i, '`');
      const close = codeSpanEnd(s, i, end, ticks);
      if (close !== -1) {
        i = close;
        continue;
      }
      i += ticks;
      continue;
    }
    const found = visit(i);
    if (found !== undefined) return found;
    i += 1;
  }
  return -1;
}

/**
 * Searches that found no closer, as the earliest start that failed per delimiter and end:
 * a later start cannot succeed either, so a line of a thousand lone `*` stays linear.
 */
type Failures = Map<string, number>;

/** Where a `delim` closing the span opened before `from` starts, or -1. */
function findCloser(s: string, from: number, end: number, delim: string, failures: Failures): number {
  const key = `${delim}@${end}`;
  const failedFrom = failures.get(key);
  if (failedFrom !== undefined && failedFrom <= from) return -1;
  const found = findCloserFrom(s, from, end, delim);
  if (found === -1) failures.set(key, Math.min(from, failedFrom ?? from));
  return found;
}

function findCloserFrom(s: string, from: number, end: number, delim: string): number {
  const char = delim[0]!;
  return scan(s, from, end, (i) => {
    if (s[i] !== char) return undefined;
    // A run of delimiters is judged from its first character only.
    if (i > from && s[i - 1] === char) return undefined;
    const run = runLength(s, i, char);
    const runEnd = Math.min(i + run, end);
    if (i === from || SPACE.test(s[i - 1]!)) return undefined;
    if (delim.length === 1 && char !== '=' && run === 2) return undefined; // an inner strong: skip it whole
    if (run < delim.length) return undefined;
    // The closer is the last `delim.length` characters of the run (`***x***` closes strong after an em).
    const at = runEnd - delim.length;
    if (char === '_' && runEnd < end && WORD.test(s[runEnd]!)) return undefined;
    return at;
  });
}

/** Longest link text or URL looked for: bounds the work on a line full of unmatched brackets. */
const MAX_BRACKET_SPAN = 2_000;

/** End (exclusive) of a bracketed group opened at `at` (`[`→`]`, `(`→`)`), or -1. */
function matchBracket(s: string, at: number, end: number, open: string, close: string): number {
  let depth = 0;
  const found = scan(s, at, Math.min(end, at + MAX_BRACKET_SPAN), (i) => {
    if (s[i] === open) depth += 1;
    else if (s[i] === close) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    return undefined;
  });
  return found;
}

function parseRange(s: string, start: number, end: number, depth: number, failures: Failures): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = '';
  const flush = (): void => {
    if (text) nodes.push({ type: 'text', value: text });
    text = '';
  };
  const inner = (from: number, to: number): InlineNode[] => parseRange(s, from, to, depth + 1, failures);

  let i = start;
  while (i < end) {
    const c = s[i]!;
    const next = s[i + 1];

    if (c === '\\' && next !== undefined && i + 1 < end && ESCAPABLE.test(next)) {
      text += next;
      i += 2;
      continue;
    }

    if (c === '`') {
      const ticks = runLength(s, i, '`');
      const close = codeSpanEnd(s, i, end, ticks);
      if (close === -1) {
        text += '`'.repeat(ticks);
        i += ticks;
        continue;
      }
      let value = s.slice(i + ticks, close - ticks).replace(/\n/g, ' ');
      if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
      flush();
      nodes.push({ type: 'code', value });
      i = close;
      continue;
    }

    if (depth < MAX_DEPTH) {
      const span = spanAt(s, i, end, inner, failures);
      if (span) {
        flush();
        nodes.push(span.node);
        i = span.end;
        continue;
      }
    }

    text += c;
    i += 1;
  }
  flush();
  return nodes;
}

interface Span {
  node: InlineNode;
  end: number;
}

/** A delimited span (strong, em, mark, del) or a link starting at `i`, if one is well-formed there. */
function spanAt(
  s: string,
  i: number,
  end: number,
  inner: (from: number, to: number) => InlineNode[],
  failures: Failures,
): Span | undefined {
  const c = s[i]!;

  if (c === '[' || (c === '!' && s[i + 1] === '[')) {
    const open = c === '!' ? i + 1 : i;
    const closeBracket = matchBracket(s, open, end, '[', ']');
    if (closeBracket === -1 || s[closeBracket] !== '(') return undefined;
    const closeParen = matchBracket(s, closeBracket, end, '(', ')');
    if (closeParen === -1) return undefined;
    const children = inner(open + 1, closeBracket - 1);
    // An image shows its alt text; a link its text. Neither keeps its URL.
    return { node: c === '!' ? { type: 'text', value: plainTextOf(children) } : { type: 'link', children }, end: closeParen };
  }

  if (c === '<') {
    const autolink = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/i.exec(s.slice(i, end));
    if (autolink) return { node: { type: 'link', children: [{ type: 'text', value: autolink[1]! }] }, end: i + autolink[0].length };
    return undefined;
  }

  const delims: Record<string, { delim: string; type: 'strong' | 'em' | 'mark' | 'del' }[]> = {
    '*': [
      { delim: '**', type: 'strong' },
      { delim: '*', type: 'em' },
    ],
    _: [
      { delim: '__', type: 'strong' },
      { delim: '_', type: 'em' },
    ],
    '=': [{ delim: '==', type: 'mark' }],
    '~': [{ delim: '~~', type: 'del' }],
  };
  const options = delims[c];
  if (!options) return undefined;
  // Intraword underscores (snake_case) are never emphasis.
  if (c === '_' && i > 0 && WORD.test(s[i - 1]!)) return undefined;
  const run = runLength(s, i, c);
  for (const { delim, type } of options) {
    if (run < delim.length) continue;
    if (c === '=' && run !== 2) return undefined;
    const contentStart = i + delim.length;
    if (contentStart >= end || SPACE.test(s[contentStart]!)) continue;
    const close = findCloser(s, contentStart, end, delim, failures);
    if (close === -1 || close <= contentStart) continue;
    return { node: { type, children: inner(contentStart, close) }, end: close + delim.length };
  }
  return undefined;
}

/** The text a reader sees, without any markup. */
export function plainTextOf(nodes: readonly InlineNode[]): string {
  return nodes.map((node) => ('value' in node ? node.value : plainTextOf(node.children))).join('');
}

/** Reads `text` as inline Markdown; never throws, and any input is safe to render. */
export function parseInlineMarkdown(text: string): InlineNode[] {
  return parseRange(text, 0, text.length, 0, new Map());
}
