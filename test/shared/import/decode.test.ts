import { describe, expect, it } from 'vitest';
import { decodeImportBytes, positionOf, preflightText } from '../../../shared/import/decode';
import { IMPORT_LIMITS } from '../../../shared/import/limits';
import { parseImportBytes } from '../../../shared/import/parse-file';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]): Uint8Array => {
  const chunks = parts.map((part) => (typeof part === 'string' ? utf8(part) : Uint8Array.from(part)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};

function errorOf(result: ReturnType<typeof decodeImportBytes>): { line: number; col: number; message: string } {
  if (result.ok) throw new Error('expected an error');
  const [error] = result.errors;
  return { line: error!.line, col: error!.col, message: error!.message };
}

describe('decodeImportBytes', () => {
  it('decodes UTF-8 of every width exactly like TextDecoder', () => {
    const text = 'a é € 😀 ✅ 中文\nzweite Zeile';
    const result = decodeImportBytes(utf8(text), 'x.md');
    expect(result).toEqual({ ok: true, text });
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeImportBytes(bytes([0xef, 0xbb, 0xbf], '# T'), 'x.md')).toEqual({ ok: true, text: '# T' });
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1).fill(0x61);
    const error = errorOf(decodeImportBytes(big, 'big.md'));
    expect(error).toMatchObject({ line: 1, col: 1 });
    expect(error.message).toContain('the limit is 5 MB');
  });

  it('accepts a file of exactly the size limit', () => {
    const edge = new Uint8Array(IMPORT_LIMITS.maxFileBytes).fill(0x61);
    expect(decodeImportBytes(edge, 'edge.md').ok).toBe(true);
  });

  it('refuses binary input (a NUL byte)', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const error = errorOf(decodeImportBytes(png, 'image.md'));
    expect(error.message).toMatch(/^binary file/);
  });

  it('refuses UTF-16 text with a clear message', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00]);
    expect(errorOf(decodeImportBytes(utf16, 'x.md')).message).toContain('UTF-16');
  });

  it('refuses non-UTF-8 with the line and column of the first bad byte (Latin-1 é)', () => {
    // "ok\ncaf\xe9 au lait": the Latin-1 é is the 4th character of line 2.
    const error = errorOf(decodeImportBytes(bytes('ok\ncaf', [0xe9], ' au lait'), 'latin1.md'));
    expect(error).toMatchObject({ line: 2, col: 4 });
    expect(error.message).toContain('not valid UTF-8');
    expect(error.message).toContain('0xE9');
  });

  it('counts columns in UTF-16 units after wide characters', () => {
    // '😀' is 2 UTF-16 units, 'é' one: the stray continuation byte is at column 5.
    const error = errorOf(decodeImportBytes(bytes('😀é!', [0x80]), 'x.md'));
    expect(error).toMatchObject({ line: 1, col: 5 });
    expect(error.message).toContain('continuation byte');
  });

  it.each([
    ['overlong encoding of "/"', [0xc0, 0xaf]],
    ['overlong 3-byte form', [0xe0, 0x80, 0xaf]],
    ['UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80]],
    ['code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['byte that never occurs', [0xff]],
    ['truncated sequence at the end', [0xe2, 0x82]],
  ])('refuses a %s', (_name, bad) => {
    const error = errorOf(decodeImportBytes(bytes('ab', bad), 'x.md'));
    expect(error).toMatchObject({ line: 1, col: 3 });
  });

  it('is used by parseImportBytes', () => {
    const result = parseImportBytes('x.md', bytes('- [ ] a\n- [ ] b', [0xfe]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ file: 'x.md', line: 2, col: 8, severity: 'error' });
    const ok = parseImportBytes('x.md', bytes([0xef, 0xbb, 0xbf], '- [ ] a'));
    expect(ok.ok && ok.pack.items.map((i) => i.text)).toEqual(['a']);
  });
});

describe('preflightText', () => {
  it('normalizes CRLF and CR to LF without moving lines', () => {
    expect(preflightText('a\r\nb\rc\n', 'x.md')).toEqual({ ok: true, text: 'a\nb\nc\n' });
  });

  it('drops a BOM character', () => {
    expect(preflightText('\ufeff# T', 'x.md')).toEqual({ ok: true, text: '# T' });
  });

  it('refuses NUL characters at their position', () => {
    const result = preflightText('ok\nab\0c', 'x.md');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 2, col: 3 });
  });

  it('refuses a line over the length limit, pointing just past the limit', () => {
    const long = 'x'.repeat(IMPORT_LIMITS.maxLineLength + 1);
    const result = preflightText(`ok\n${long}\nok`, 'x.md');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ line: 2, col: IMPORT_LIMITS.maxLineLength + 1 });
      expect(result.errors[0]!.message).toContain(`the limit is ${IMPORT_LIMITS.maxLineLength}`);
    }
    expect(preflightText('x'.repeat(IMPORT_LIMITS.maxLineLength), 'x.md').ok).toBe(true);
  });

  it('counts a CRLF line ending as a line end, not as characters of the line', () => {
    const exact = `${'x'.repeat(IMPORT_LIMITS.maxLineLength)}\r\n`;
    expect(preflightText(exact, 'x.md').ok).toBe(true);
  });

  it('refuses text over the size limit', () => {
    const result = preflightText('a'.repeat(IMPORT_LIMITS.maxFileBytes + 1), 'x.md');
    expect(result.ok).toBe(false);
  });
});

describe('positionOf', () => {
  it('gives 1-based line and column of an index', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, col: 1 });
    expect(positionOf('ab\ncd', 2)).toEqual({ line: 1, col: 3 });
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
  });
});
