/** Turns one parsed file into the CLI's text lines or its JSON object. */
import { generateCards } from '../../shared/drills/generate-cards';
import type { ImportIssue, InlineTree, ItemSource, PackSource } from '../../shared/model';
import { inlinePlain, itemInline, itemPlainText } from '../../shared/text/inline-text';
import { formatIssue, type ParseResult } from '../../shared/import/result';

export interface FileReport {
  file: string;
  ok: boolean;
  errors: { line: number; col: number; message: string }[];
  warnings: { line: number; col: number; message: string }[];
  pack: {
    title: string;
    kind: string;
    sections: { id: string; title: string; parent: string | null; depth: number }[];
    /**
     * `plain`: the text as a person reads it (what the app compares and shows), `inline` the
     * tree the app renders, `parent` the parent step (null for a top-level one), `depth` the
     * nesting depth (0 for a top-level step; a tree's nodes are all 0).
     */
    items: {
      id: string;
      kind: string;
      text: string;
      plain: string;
      inline: InlineTree;
      section: string | null;
      parent: string | null;
      depth: number;
    }[];
    edges: { from: string; to: string; label: string | null }[];
    /** `prompt` and `answer` are the trees the app renders; `promptPlain` and `answerPlain` how they read. */
    cards: { kind: string; itemId: string; prompt: InlineTree; answer: InlineTree; promptPlain: string; answerPlain: string }[];
  } | null;
}

/** Nesting depth of each item: how many parents it has. */
function depths(pack: PackSource): Map<string, number> {
  const byId = new Map(pack.items.map((item) => [item.id, item]));
  const depth = new Map<string, number>();
  const of = (item: ItemSource, seen: number): number => {
    const known = depth.get(item.id);
    if (known !== undefined) return known;
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    const value = parent && seen < pack.items.length ? of(parent, seen + 1) + 1 : 0;
    depth.set(item.id, value);
    return value;
  };
  for (const item of pack.items) of(item, 0);
  return depth;
}

const located = (issue: ImportIssue) => ({ line: issue.line, col: issue.col, message: issue.message });

/** The `--json` object for one file (the shape the import issue fixes). */
export function buildFileReport(file: string, result: ParseResult): FileReport {
  if (!result.ok) {
    return { file, ok: false, errors: result.errors.map(located), warnings: result.warnings.map(located), pack: null };
  }
  const { pack } = result;
  const sectionTitle = new Map(pack.sections.map((s) => [s.id, s.title]));
  const depthOf = depths(pack);
  return {
    file,
    ok: true,
    errors: [],
    warnings: result.warnings.map(located),
    pack: {
      title: pack.title,
      kind: pack.kind,
      sections: pack.sections.map((section) => ({
        id: section.id,
        title: section.title,
        parent: section.parentId ?? null,
        depth: section.depth ?? 0,
      })),
      items: pack.items.map((item) => ({
        id: item.id,
        kind: item.kind,
        text: item.text,
        plain: itemPlainText(item),
        inline: itemInline(item),
        section: item.sectionId ? (sectionTitle.get(item.sectionId) ?? item.sectionId) : null,
        parent: item.parentId ?? null,
        depth: depthOf.get(item.id) ?? 0,
      })),
      edges: pack.edges.map((edge) => ({ from: edge.from, to: edge.to, label: edge.label ?? null })),
      cards: generateCards(pack.meta.id ?? 'pack', pack).map((card) => ({
        kind: card.kind,
        itemId: card.itemId,
        prompt: card.prompt,
        answer: card.answer,
        promptPlain: inlinePlain(card.prompt),
        answerPlain: inlinePlain(card.answer),
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
  for (const card of pack.cards) {
    lines.push(`  [${card.kind}] ${card.promptPlain.replace(/\n/g, ' ')}\n      → ${card.answerPlain.replace(/\n/g, '\n        ')}`);
  }
  return lines;
}
