/**
 * CSV question/answer facts (formats.md, "CSV"): `front,back[,tags]`, parsed by
 * papaparse (quotes, commas and line breaks inside cells). The header row is
 * optional: a first row reading `front,back` (any case) is skipped. Tags are
 * separated by spaces, commas or semicolons inside their cell. Blank lines are
 * skipped. Each row is an item of kind `question` with its `answer`.
 */
import Papa from 'papaparse';
import type { ImportIssue, ItemSource, PackSource } from '../../model';
import { fileTitle } from '../file-name';
import { neverThrows } from '../guard';
import { assignIds, slugify } from '../ids';
import { readInlineSource } from '../markdown/inline-source';
import { positionFinder } from '../positions';
import { storedInline } from '../../text/inline-text';
import type { InlineText } from '../markdown/inline';
import { issueAt } from '../result';
import type { ParseResult } from '../result';

interface Row {
  cells: string[];
  /** Offset of the row's first character. */
  start: number;
}

/** Where each cell of a row starts: a small scan honouring quotes, only to point errors at cells. */
function cellStarts(text: string, rowStart: number, count: number): number[] {
  const starts: number[] = [];
  let i = rowStart;
  while (starts.length < count && i <= text.length) {
    starts.push(i);
    if (text[i] === '"') {
      i += 1;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
      i += 1;
    }
    while (i < text.length && text[i] !== ',' && text[i] !== '\n') i += 1;
    if (text[i] !== ',') break;
    i += 1;
  }
  while (starts.length < count) starts.push(starts[starts.length - 1] ?? rowStart);
  return starts;
}

const QUOTE_MESSAGES: Record<string, string> = {
  MissingQuotes: 'quoted cell is never closed (missing `"`)',
  InvalidQuotes: 'text after the closing quote of a quoted cell (write "" for a quote inside quotes)',
};

function isHeader(cells: readonly string[]): boolean {
  return cells[0]?.trim().toLowerCase() === 'front' && cells[1]?.trim().toLowerCase() === 'back';
}

/** Parses a CSV of questions and answers; never throws. */
export function parseCsv(text: string, file: string): ParseResult {
  return neverThrows(file, () => readCsv(text, file));
}

function readCsv(text: string, file: string): ParseResult {
  const errors: ImportIssue[] = [];
  const rows: Row[] = [];
  const at = positionFinder(text);
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      for (const error of result.errors) {
        // papaparse reports quote errors just after the opening quote; point at the quote itself.
        const index = typeof error.index === 'number' ? error.index - (error.type === 'Quotes' ? 1 : 0) : rowStart;
        const pos = at(Math.min(Math.max(index, rowStart), text.length));
        errors.push(issueAt(file, pos.line, pos.col, QUOTE_MESSAGES[error.code] ?? `CSV: ${error.message}`));
      }
      rows.push({ cells: result.data, start: rowStart });
      rowStart = result.meta.cursor;
    },
  });
  if (errors.length > 0) return { ok: false, errors: dedupe(errors), warnings: [] };

  const drafts: { front: InlineText; back: InlineText; tags: string[]; line: number; col: number }[] = [];
  rows.forEach((row, index) => {
    const cells = row.cells;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (index === 0 && isHeader(cells)) return;
    const starts = cellStarts(text, row.start, Math.max(cells.length, 3));
    const cellAt = (n: number): { line: number; col: number } => at(starts[n]!);
    const rowAt = at(row.start);
    if (cells.length > 3) {
      const pos = cellAt(3);
      errors.push(issueAt(file, pos.line, pos.col, `too many columns: expected front,back[,tags], found ${cells.length} cells`));
      return;
    }
    const [front = '', back, tags = ''] = cells;
    if (front.trim() === '') {
      errors.push(issueAt(file, rowAt.line, rowAt.col, 'the front (question) is empty'));
      return;
    }
    if (back === undefined) {
      const end = at(row.start + (cells[0]?.length ?? 0));
      errors.push(issueAt(file, end.line, end.col, 'missing the back (answer): expected front,back[,tags]'));
      return;
    }
    if (back.trim() === '') {
      const pos = cellAt(1);
      errors.push(issueAt(file, pos.line, pos.col, 'the back (answer) is empty'));
      return;
    }
    const tagList = tags.split(/[\s,;]+/).filter((tag) => tag !== '');
    // Cells are inline Markdown, as everywhere in Kata: read once, here.
    const read = (cell: string): InlineText => readInlineSource(cell.trim(), { lineBreaks: 'hard' });
    drafts.push({ front: read(front), back: read(back), tags: [...new Set(tagList)], line: rowAt.line, col: rowAt.col });
  });
  if (errors.length > 0) return { ok: false, errors, warnings: [] };
  if (drafts.length === 0) return { ok: false, errors: [issueAt(file, 1, 1, 'no questions found: expected rows of front,back[,tags]')], warnings: [] };

  const assigned = assignIds(
    drafts.map((d) => ({ derivedId: slugify(d.front.plain) || 'question', line: d.line, col: d.col, text: d.front.plain })),
    file,
    'question',
  );
  const items: ItemSource[] = drafts.map((d, order) => {
    const item: ItemSource = {
      id: assigned.ids[order]!,
      kind: 'question',
      text: d.front.plain,
      answer: d.back.plain,
      order,
      notes: [],
      keyValues: [],
      memory: false,
      tags: d.tags,
      line: d.line,
      col: d.col,
    };
    const inline = storedInline(d.front.tree);
    if (inline) item.inline = inline;
    const answerInline = storedInline(d.back.tree);
    if (answerInline) item.answerInline = answerInline;
    return item;
  });
  const pack: PackSource = {
    title: fileTitle(file),
    kind: 'qa',
    format: 'csv',
    sourceName: file,
    meta: { tags: [] },
    sections: [],
    items,
    edges: [],
  };
  return { ok: true, pack, warnings: assigned.warnings };
}

function dedupe(issues: ImportIssue[]): ImportIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.line}:${issue.col}:${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
