/**
 * The one entry point for importing a file: bytes or text in, one ParseResult out.
 * Dispatches on the extension after the common checks (decode.ts) and enforces
 * the items limit for every format. Never throws.
 */
import type { ImportIssue } from '../model';
import { decodeImportBytes, preflightText } from './decode';
import { parseCsv } from './csv/index';
import { fileExtension } from './file-name';
import { neverThrows } from './guard';
import { IMPORT_LIMITS } from './limits';
import { parseMarkdown } from './markdown/index';
import { parseMermaid } from './mermaid/index';
import { issueAt } from './result';
import type { ParseOptions, ParseResult } from './result';
import { parseYamlTree } from './yaml-tree/index';

type Parser = (text: string, file: string, options: ParseOptions) => ParseResult;

const PARSERS: Record<string, Parser> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.mmd': (text, file) => parseMermaid(text, file),
  '.mermaid': (text, file) => parseMermaid(text, file),
  '.yaml': (text, file) => parseYamlTree(text, file, 'yaml'),
  '.yml': (text, file) => parseYamlTree(text, file, 'yaml'),
  '.json': (text, file) => parseYamlTree(text, file, 'json'),
  '.csv': parseCsv,
};

/** The extensions Kata imports, with their dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(PARSERS);

function failed(errors: ImportIssue[], warnings: ImportIssue[] = []): ParseResult {
  return { ok: false, errors, warnings };
}

/** Parses a file's text by its extension (.md .markdown .mmd .mermaid .yaml .yml .json .csv); never throws. */
export function parseImportFile(name: string, text: string, options: ParseOptions = {}): ParseResult {
  return neverThrows(name, () => {
    const extension = fileExtension(name);
    const parser = PARSERS[extension];
    if (!parser) {
      const found = extension === '' ? 'a file without an extension' : `"${extension}"`;
      return failed([issueAt(name, 1, 1, `unsupported file type: found ${found}; Kata imports ${SUPPORTED_EXTENSIONS.join(', ')}`)]);
    }
    const checked = preflightText(text, name);
    if (!checked.ok) return failed(checked.errors);
    const result = parser(checked.text, name, options);
    if (result.ok && result.pack.items.length > IMPORT_LIMITS.maxItems) {
      const first = result.pack.items[IMPORT_LIMITS.maxItems]!;
      const message = `too many items: ${result.pack.items.length}; a pack holds at most ${IMPORT_LIMITS.maxItems} (split the file)`;
      return { ...failed([issueAt(name, first.line, first.col, message)], result.warnings), ...(result.lists ? { lists: result.lists } : {}) };
    }
    return result;
  });
}

/** Decodes (strict UTF-8, size and binary checks) and parses a file's bytes; never throws. */
export function parseImportBytes(name: string, bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  return neverThrows(name, () => {
    const decoded = decodeImportBytes(bytes, name);
    if (!decoded.ok) return failed(decoded.errors);
    return parseImportFile(name, decoded.text, options);
  });
}
