/**
 * Stable item ids: explicit ids win; others are derived from the section and the
 * normalized text, and deduplicated with a warning (formats.md, Markdown `{#id}`).
 */
import type { ImportIssue } from '../model';
import { issueAt } from './result';

/** Lower-case words of any script joined by `-`, at most `maxLength` characters, cut at a word; '' when no letters or digits. */
export function slugify(text: string, maxLength = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** Characters an explicit id may use: letters, digits, `_`, `-`, `.`. */
export const EXPLICIT_ID = /^[\p{L}\p{N}_.-]+$/u;

export interface IdDraft {
  explicitId?: string;
  /** Used when there is no explicit id (already slugged, never empty). */
  derivedId: string;
  line: number;
  col: number;
  /** The plain text the id was derived from, and its section's title: a clash names what reads the same. */
  text?: string;
  section?: string;
}

export interface AssignedIds {
  ids: string[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/**
 * Final ids for drafts in reading order: explicit ids first (a repeated explicit id
 * is an error), then derived ones, suffixed `-2`, `-3` ... on a clash, with a warning.
 */
export function assignIds(drafts: readonly IdDraft[], file: string, noun = 'step'): AssignedIds {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const ids: string[] = new Array<string>(drafts.length);
  const taken = new Map<string, number>();
  drafts.forEach((draft, index) => {
    if (draft.explicitId === undefined) return;
    const firstLine = taken.get(draft.explicitId);
    if (firstLine !== undefined) {
      errors.push(issueAt(file, draft.line, draft.col, `duplicate id "${draft.explicitId}" (first used at line ${firstLine})`));
    } else taken.set(draft.explicitId, draft.line);
    ids[index] = draft.explicitId;
  });
  drafts.forEach((draft, index) => {
    if (draft.explicitId !== undefined) return;
    let id = draft.derivedId;
    const firstLine = taken.get(id);
    if (firstLine !== undefined) {
      let n = 2;
      while (taken.has(`${draft.derivedId}-${n}`)) n += 1;
      id = `${draft.derivedId}-${n}`;
      const what = draft.text
        ? `two ${noun}s${draft.section ? ` in "${draft.section}"` : ''} read "${draft.text.length > 60 ? `${draft.text.slice(0, 59)}…` : draft.text}" (lines ${firstLine} and ${draft.line})`
        : `duplicate ${noun} id "${draft.derivedId}" (also at line ${firstLine})`;
      warnings.push(
        issueAt(
          file,
          draft.line,
          draft.col,
          `${what}; this one is "${id}" — if they are different ${noun}s, say how they differ, or give each a {#some-id} to keep it stable`,
          'warning',
        ),
      );
    }
    taken.set(id, draft.line);
    ids[index] = id;
  });
  return { ids, errors, warnings };
}

/** Unique ids for sections (silently suffixed: two "Notes" sections are normal). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
