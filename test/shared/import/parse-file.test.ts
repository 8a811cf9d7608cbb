import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../shared/import/limits';
import { parseImportBytes, parseImportFile, SUPPORTED_EXTENSIONS } from '../../../shared/import/parse-file';

describe('parseImportFile', () => {
  it('dispatches on the extension, case-insensitively', () => {
    expect(parseImportFile('a.MD', '- a')).toMatchObject({ ok: true, pack: { kind: 'checklist', format: 'markdown' } });
    expect(parseImportFile('a.yml', 'kata: 1\nnodes:\n  a: { do: x }')).toMatchObject({ ok: true, pack: { kind: 'tree', format: 'yaml' } });
    expect(parseImportFile('a.JSON', '{"kata":1,"nodes":{"a":{"do":"x"}}}')).toMatchObject({ ok: true, pack: { kind: 'tree', format: 'json' } });
    expect(parseImportFile('a.csv', 'q,a')).toMatchObject({ ok: true, pack: { kind: 'qa', format: 'csv' } });
    expect(parseImportFile('a.mmd', 'flowchart TD\n  a --> b')).toMatchObject({ ok: true, pack: { kind: 'tree', format: 'mermaid' } });
    expect(parseImportFile('a.mermaid', 'flowchart TD\n  a --> b')).toMatchObject({ ok: true, pack: { kind: 'tree' } });
  });

  it('refuses an unknown extension at 1:1, naming the supported ones', () => {
    const result = parseImportFile('notes.txt', '- a');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: 'notes.txt', line: 1, col: 1, severity: 'error' });
    for (const extension of SUPPORTED_EXTENSIONS) expect(result.errors[0]!.message).toContain(extension);
    expect(parseImportFile('Makefile', 'x').ok).toBe(false);
  });

  it('runs the preflight checks first (line length)', () => {
    const result = parseImportFile('a.csv', `q,${'a'.repeat(IMPORT_LIMITS.maxLineLength)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('line is');
  });

  it('enforces the items limit for every format, at the first item past it', () => {
    const rows = Array.from({ length: IMPORT_LIMITS.maxItems + 1 }, (_, i) => `q${i},a`).join('\n');
    const csv = parseImportFile('big.csv', rows);
    expect(csv.ok).toBe(false);
    if (!csv.ok) {
      expect(csv.errors[0]).toMatchObject({ line: IMPORT_LIMITS.maxItems + 1, col: 1 });
      expect(csv.errors[0]!.message).toContain(`at most ${IMPORT_LIMITS.maxItems}`);
    }
    const steps = Array.from({ length: IMPORT_LIMITS.maxItems + 1 }, (_, i) => `- s${i}`).join('\n');
    expect(parseImportFile('big.md', steps).ok).toBe(false);
    expect(parseImportFile('ok.md', Array.from({ length: 100 }, (_, i) => `- s${i}`).join('\n')).ok).toBe(true);
  });

  it('never throws, whatever the input', () => {
    for (const text of ['', '\n', '---', '---\n---', '|', '```mermaid', '{', '"', 'kata: 1']) {
      for (const name of ['x.md', 'x.yaml', 'x.json', 'x.csv', 'x.mmd']) {
        expect(() => parseImportFile(name, text)).not.toThrow();
      }
    }
  });
});

describe('parseImportBytes', () => {
  it('decodes then parses', () => {
    const result = parseImportBytes('a.csv', new TextEncoder().encode('q,a\r\n'));
    expect(result.ok && result.pack.items[0]!.answer).toBe('a');
  });
});
