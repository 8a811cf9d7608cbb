/**
 * Procedures written as prose and code (README, "What Kata imports"): in a file without
 * task items, a section whose own content has no list but does have a code block, or
 * paragraphs under a heading that names a procedure, gets a warning that says so and how
 * to mark its steps, instead of the file importing whatever bullets it has elsewhere.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { ImportIssue } from '../../model';
import { issueAt } from '../result';
import { checkboxColumn } from './checkboxes';
import { isMermaidFence } from './fenced-tree';
import { readInline } from './inline';
import { isNoteHeading, isProcedureHeading } from './list-reading';
import { startOf } from './mdast';

/** Warnings past this many are summed up in the last one. */
const MAX_WARNINGS = 8;

/** How to mark steps, said the same way wherever Kata finds none. */
export const HOW_TO_MARK_STEPS = 'write each step as a list item ("1. Restart the pods") or a task ("- [ ] Restart the pods")';

interface Scope {
  heading: Heading;
  blocks: RootContent[];
}

function scopesOf(root: Root): Scope[] {
  const scopes: Scope[] = [];
  for (const block of root.children) {
    // The title heading's own content (the intro) counts too: a one-procedure file often has only that.
    if (block.type === 'heading') scopes.push({ heading: block, blocks: [] });
    else scopes[scopes.length - 1]?.blocks.push(block);
  }
  return scopes;
}

/** Whether a section's own content is a procedure told in prose and code (no list, no checkbox table). */
function isProse(scope: Scope): boolean {
  const hasList = scope.blocks.some((block) => block.type === 'list' || (block.type === 'table' && checkboxColumn(block) !== undefined));
  if (hasList) return false;
  const title = readInline(scope.heading.children).plain;
  if (isNoteHeading(title)) return false;
  const code = scope.blocks.some((block) => block.type === 'code' && !isMermaidFence(block) && block.value.trim() !== '');
  const paragraphs = scope.blocks.some((block) => block.type === 'paragraph');
  return (code && paragraphs) || (paragraphs && isProcedureHeading(title));
}

/** Warnings for sections whose procedure is prose and code; only for files read list by list (no tasks). */
export function proseSectionWarnings(root: Root, file: string, listMode: boolean): ImportIssue[] {
  if (!listMode) return [];
  const prose = scopesOf(root).filter(isProse);
  const warnings = prose.slice(0, MAX_WARNINGS).map((scope) => {
    const at = startOf(scope.heading);
    const title = readInline(scope.heading.children).plain;
    return issueAt(
      file,
      at.line,
      at.col,
      `section "${title}" tells its procedure in prose and code, with no list, so Kata found no steps in it; to drill it, ${HOW_TO_MARK_STEPS}`,
      'warning',
    );
  });
  if (prose.length > MAX_WARNINGS) warnings[warnings.length - 1]!.message += ` (and ${prose.length - MAX_WARNINGS} more sections like it)`;
  return warnings;
}

/** Whether the file has any prose-and-code section (for the "no steps" error's advice). */
export function hasProseProcedure(root: Root): boolean {
  const scopes = scopesOf(root);
  if (scopes.some(isProse)) return true;
  const top = root.children.filter((block) => block.type !== 'heading' && block.type !== 'yaml');
  return top.some((block) => block.type === 'code' && !isMermaidFence(block)) && !top.some((block) => block.type === 'list');
}
