/** Turns one parsed file into the CLI's text lines or its JSON object. */
import { generateCards } from '../../shared/drills/generate-cards';
import type { ImportIssue } from '../../shared/model';
import { formatIssue, type ParseResult } from '../../shared/import/result';

export interface FileReport {
  file: string;
  ok: boolean;
  errors: { line: number; col: number; message: string }[];
  warnings: { line: number; col: number; message: string }[];
  pack: {
    title: string;
    kind: string;
    items: { id: string; kind: string; text: string; section: string | null }[];
    edges: { from: string; to: string; label: string | null }[];
    cards: { kind: string; itemId: string; prompt: string; answer: string }[];
  } | null;
}

const located = (issue: ImportIssue) => ({ line: issue.line, col: issue.col, message: issue.message });

/** The `--json` object for one file (the shape the import issue fixes). */
export function buildFileReport(file: string, result: ParseResult): FileReport {
  if (!result.ok) {
    return { file, ok: false, errors: result.errors.map(located), warnings: result.warnings.map(located), pack: null };
  }
  const { pack } = result;
  const sectionTitle = new Map(pack.sections.map((s) => [s.id, s.title]));
  return {
    file,
    ok: true,
    errors: [],
    warnings: result.warnings.map(located),
    pack: {
      title: pack.title,
      kind: pack.kind,
      items: pack.items.map((item) => ({
        id: item.id,
        kind: item.kind,
        text: item.text,
        section: item.sectionId ? (sectionTitle.get(item.sectionId) ?? item.sectionId) : null,
      })),
      edges: pack.edges.map((edge) => ({ from: edge.from, to: edge.to, label: edge.label ?? null })),
      cards: generateCards(pack.meta.id ?? 'pack', pack).map((card) => ({
        kind: card.kind,
        itemId: card.itemId,
        prompt: card.prompt,
        answer: card.answer,
      })),
    },
  };
}

/** `file:line:col: message` lines for errors and warnings, with the file as the user typed it. */
export function issueLines(file: string, result: ParseResult): string[] {
  const issues = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  return issues.map((issue) => formatIssue({ ...issue, file }));
}

/** A human summary of what a file will import. */
export function previewLines(report: FileReport): string[] {
  if (!report.pack) return [];
  const { pack } = report;
  const counts = new Map<string, number>();
  for (const card of pack.cards) counts.set(card.kind, (counts.get(card.kind) ?? 0) + 1);
  const lines = [
    `${pack.title} (${pack.kind}): ${pack.items.length} items, ${pack.edges.length} edges, ${pack.cards.length} drills`,
    `  drills: ${[...counts].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none'}`,
  ];
  for (const card of pack.cards) lines.push(`  [${card.kind}] ${card.prompt}\n      → ${card.answer.replace(/\n/g, '\n        ')}`);
  return lines;
}
