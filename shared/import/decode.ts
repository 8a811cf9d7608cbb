/**
 * Bytes -> text, and the checks every text passes before a parser sees it
 * (formats.md, "Limits with clear errors": size, binary, non-UTF-8, line length).
 *
 * Positions are 1-based; columns count UTF-16 code units of the decoded line,
 * the same unit remark and yaml use, so every parser's positions agree.
 */
import type { ImportIssue } from '../model';
import { issueAt } from './result';
import { IMPORT_LIMITS } from './limits';

/** Text ready for a parser, or the reason there is none. */
export type TextResult = { ok: true; text: string } | { ok: false; errors: ImportIssue[] };

const MEGABYTE = 1024 * 1024;

function sizeLabel(bytes: number): string {
  return bytes % MEGABYTE === 0 ? `${bytes / MEGABYTE} MB` : `${bytes} bytes`;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Decodes strict UTF-8 (a BOM is dropped); refuses files too large, binary, UTF-16 or invalid UTF-8 with the first bad byte's line and column. */
export function decodeImportBytes(bytes: Uint8Array, file: string): TextResult {
  const fail = (line: number, col: number, message: string): TextResult => ({
    ok: false,
    errors: [issueAt(file, line, col, message)],
  });
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    return fail(1, 1, `file is ${bytes.length} bytes; the limit is ${sizeLabel(IMPORT_LIMITS.maxFileBytes)}`);
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail(1, 1, 'file is UTF-16 text; save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return fail(1, 1, `binary file (NUL byte at offset ${nul}); Kata imports UTF-8 text files only`);
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const decoded = decodeStrictUtf8(bytes, start);
  if (typeof decoded === 'string') return { ok: true, text: decoded };
  return fail(decoded.line, decoded.col, decoded.message);
}

interface Utf8Failure {
  line: number;
  col: number;
  message: string;
}

/** Range of valid second bytes after a lead byte (Unicode Table 3-7); later bytes are always 80..BF. */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Well-formed UTF-8 only: no overlong forms, no surrogates, nothing past U+10FFFF. */
function decodeStrictUtf8(bytes: Uint8Array, start: number): string | Utf8Failure {
  const chunks: string[] = [];
  let units: number[] = [];
  let line = 1;
  let col = 1;
  let i = start;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      units.push(lead);
      if (lead === 0x0a) {
        line += 1;
        col = 1;
      } else col += 1;
      i += 1;
    } else {
      const length = sequenceLength(lead);
      if (length === 0) {
        const why = lead >= 0x80 && lead <= 0xbf ? 'a continuation byte with no lead byte' : 'a byte that never occurs in UTF-8';
        return { line, col, message: `not valid UTF-8: byte ${hex(lead)} is ${why}; save the file as UTF-8` };
      }
      let codePoint = lead & (0xff >> (length + 1));
      for (let k = 1; k < length; k++) {
        const next = bytes[i + k];
        const [low, high] = k === 1 ? secondByteRange(lead) : [0x80, 0xbf];
        if (next === undefined) {
          return { line, col, message: `not valid UTF-8: the file ends inside a character (lead byte ${hex(lead)}); save the file as UTF-8` };
        }
        if (next < low || next > high) {
          return {
            line,
            col,
            message: `not valid UTF-8: byte ${hex(lead)} followed by ${hex(next)} is not a character; save the file as UTF-8`,
          };
        }
        codePoint = (codePoint << 6) | (next & 0x3f);
      }
      if (codePoint > 0xffff) {
        const offset = codePoint - 0x10000;
        units.push(0xd800 + (offset >> 10), 0xdc00 + (offset & 0x3ff));
        col += 2;
      } else {
        units.push(codePoint);
        col += 1;
      }
      i += length;
    }
    if (units.length >= 8192) {
      chunks.push(String.fromCharCode(...units));
      units = [];
    }
  }
  chunks.push(String.fromCharCode(...units));
  return chunks.join('');
}

/** Position (1-based, UTF-16 columns) of a string index. */
export function positionOf(text: string, index: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, col: index - lineStart + 1 };
}

/**
 * Checks a text before parsing and normalizes it: drops a BOM, turns CRLF and CR
 * into LF (one line ending stays one line, so line numbers do not move), refuses
 * NUL characters, files past the size limit and lines past the length limit.
 */
export function preflightText(text: string, file: string): TextResult {
  const fail = (line: number, col: number, message: string): TextResult => ({
    ok: false,
    errors: [issueAt(file, line, col, message)],
  });
  if (text.length > IMPORT_LIMITS.maxFileBytes) {
    return fail(1, 1, `file is ${text.length} characters long; the limit is ${sizeLabel(IMPORT_LIMITS.maxFileBytes)}`);
  }
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const normalized = withoutBom.replace(/\r\n?/g, '\n');
  const nul = normalized.indexOf('\0');
  if (nul >= 0) {
    const at = positionOf(normalized, nul);
    return fail(at.line, at.col, 'NUL character: this looks like a binary file; Kata imports UTF-8 text files only');
  }
  let line = 1;
  let lineStart = 0;
  while (lineStart <= normalized.length) {
    const end = normalized.indexOf('\n', lineStart);
    const lineEnd = end < 0 ? normalized.length : end;
    const length = lineEnd - lineStart;
    if (length > IMPORT_LIMITS.maxLineLength) {
      return fail(
        line,
        IMPORT_LIMITS.maxLineLength + 1,
        `line is ${length} characters long; the limit is ${IMPORT_LIMITS.maxLineLength}`,
      );
    }
    if (end < 0) break;
    line += 1;
    lineStart = end + 1;
  }
  return { ok: true, text: normalized };
}
