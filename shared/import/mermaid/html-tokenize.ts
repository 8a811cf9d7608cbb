/**
 * A small HTML tokenizer (the parts of the HTML5 tokenizer that labels use):
 * tags with attributes, comments, character references, raw-text elements.
 * Linear: every step consumes input; nothing is parsed recursively.
 */

import { characterEntitiesLegacy } from 'character-entities-legacy';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export type HtmlToken =
  | { kind: 'text'; value: string }
  | { kind: 'start'; name: string; attrs: [string, string][] }
  | { kind: 'end'; name: string };

/** Names that HTML also decodes without the `;` (the HTML5 "legacy" references: `&copy`, `&amp`). */
const LEGACY_ENTITIES = new Set(characterEntitiesLegacy);

/** Raw-text elements: their content is text up to the matching end tag. */
export const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

function isAsciiAlpha(char: string): boolean {
  return /^[A-Za-z]$/.test(char);
}

function isTagSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';
}

/** Decodes the character reference at `index` (which holds `&`): [text, next index]. */
function characterReference(input: string, index: number): [string, number] {
  const numeric = /^&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?/.exec(input.slice(index, index + 14));
  if (numeric) {
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] ?? '0', 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return [valid ? String.fromCodePoint(code) : '\ufffd', index + numeric[0].length];
  }
  // Every HTML5 named reference (the table micromark uses for Markdown); without the `;`
  // only the legacy ones, and then the longest legacy name that prefixes the text.
  const named = /^&([A-Za-z][A-Za-z0-9]{0,31})(;?)/.exec(input.slice(index, index + 34));
  if (named) {
    const name = named[1] ?? '';
    const value = named[2] === ';' ? decodeNamedCharacterReference(name) : false;
    if (value !== false) return [value, index + named[0].length];
    for (let length = Math.min(name.length, 6); length >= 2; length--) {
      const prefix = name.slice(0, length);
      if (!LEGACY_ENTITIES.has(prefix)) continue;
      const legacy = decodeNamedCharacterReference(prefix);
      if (legacy !== false) return [legacy, index + 1 + length];
    }
  }
  return ['&', index + 1];
}

/** Decodes character references in plain text. */
export function decodeCharacterReferences(input: string): string {
  if (!input.includes('&')) return input;
  let out = '';
  let i = 0;
  while (i < input.length) {
    const amp = input.indexOf('&', i);
    if (amp < 0) {
      out += input.slice(i);
      break;
    }
    out += input.slice(i, amp);
    const [value, next] = characterReference(input, amp);
    out += value;
    i = next;
  }
  return out;
}

/** Reads attributes from `index` to the tag's `>`: [attrs, index after `>`], or null at the end of input. */
function readAttributes(input: string, index: number): [[string, string][], number] | null {
  const attrs: [string, string][] = [];
  const names = new Set<string>();
  let i = index;
  for (;;) {
    while (i < input.length && (isTagSpace(input.charAt(i)) || input.charAt(i) === '/')) i += 1;
    if (i >= input.length) return null;
    if (input.charAt(i) === '>') return [attrs, i + 1];
    let nameEnd = i + 1;
    while (nameEnd < input.length && !/[\s/>=]/.test(input.charAt(nameEnd))) nameEnd += 1;
    const name = input.slice(i, nameEnd).toLowerCase();
    i = nameEnd;
    while (i < input.length && isTagSpace(input.charAt(i))) i += 1;
    let value = '';
    if (input.charAt(i) === '=') {
      i += 1;
      while (i < input.length && isTagSpace(input.charAt(i))) i += 1;
      const quote = input.charAt(i);
      if (quote === '"' || quote === "'") {
        const close = input.indexOf(quote, i + 1);
        if (close < 0) return null;
        value = decodeCharacterReferences(input.slice(i + 1, close));
        i = close + 1;
      } else {
        let end = i;
        while (end < input.length && !isTagSpace(input.charAt(end)) && input.charAt(end) !== '>') end += 1;
        value = decodeCharacterReferences(input.slice(i, end));
        i = end;
      }
    }
    if (!names.has(name)) {
      names.add(name);
      attrs.push([name, value]);
    }
  }
}

/** Index of `</name` (any case) from `from`, or -1. */
function findEndTag(input: string, name: string, from: number): number {
  for (let k = input.indexOf('</', from); k >= 0; k = input.indexOf('</', k + 2)) {
    if (input.slice(k + 2, k + 2 + name.length).toLowerCase() === name) return k;
  }
  return -1;
}

/** Splits HTML into tokens the way a browser's tokenizer would (comments dropped). */
export function tokenizeHtml(input: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') tokens.push({ kind: 'text', value: decodeCharacterReferences(text) });
    text = '';
  };
  let i = 0;
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      text += input.slice(i);
      break;
    }
    text += input.slice(i, lt);
    const next = input.charAt(lt + 1);
    if (isAsciiAlpha(next) || (next === '/' && isAsciiAlpha(input.charAt(lt + 2)))) {
      const isEnd = next === '/';
      const nameStart = lt + (isEnd ? 2 : 1);
      let nameEnd = nameStart;
      while (nameEnd < input.length && !/[\s/>]/.test(input.charAt(nameEnd))) nameEnd += 1;
      const name = input.slice(nameStart, nameEnd).toLowerCase();
      const rest = readAttributes(input, nameEnd);
      if (rest === null) break; // a tag cut off by the end of input is dropped, as in HTML
      flush();
      if (isEnd) tokens.push({ kind: 'end', name });
      else {
        tokens.push({ kind: 'start', name, attrs: rest[0] });
        if (RAW_TEXT_ELEMENTS.has(name)) {
          const close = findEndTag(input, name, rest[1]);
          const contentEnd = close < 0 ? input.length : close;
          const raw = input.slice(rest[1], contentEnd);
          if (raw !== '') tokens.push({ kind: 'text', value: name === 'textarea' || name === 'title' ? decodeCharacterReferences(raw) : raw });
          i = contentEnd;
          continue;
        }
      }
      i = rest[1];
    } else if (next === '!' || next === '?' || (next === '/' && input.charAt(lt + 2) !== '')) {
      // Comments, doctypes, processing instructions and bogus end tags: skipped.
      const isComment = input.startsWith('<!--', lt);
      const close = isComment ? input.indexOf('-->', lt + 4) : input.indexOf('>', lt + 2);
      if (close < 0) break;
      flush();
      i = close + (isComment ? 3 : 1);
    } else {
      text += '<';
      i = lt + 1;
    }
  }
  flush();
  return tokens;
}
