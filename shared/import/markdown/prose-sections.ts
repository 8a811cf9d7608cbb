/**
 * Procedures written as prose and code (README, "What Kata imports"): in a file without
 * task items, a section whose own content has no list but does have a code block, or
 * paragraphs under a heading that names a procedure, gets a warning that says so and how
 * to mark its steps, instead of the file importing whatever bullets it has elsewhere.
 */
import type { Code, Heading, Root, RootContent } from 'mdast';
import type { ImportIssue } from '../../model';
import { issueAt } from '../result';
import { checkboxColumn } from './checkboxes';
import { isMermaidFence } from './fenced-tree';
import { readInline } from './inline';
import { isNoteHeading, isProcedureHeading } from './list-reading';
import { nodesOfType, startOf } from './mdast';

/** Warnings past this many are summed up in the last one. */
const MAX_WARNINGS = 8;

/** How to mark steps, said the same way wherever Kata finds none. */
export const HOW_TO_MARK_STEPS = 'write each step as a list item ("1. Restart the pods") or a task ("- [ ] Restart the pods")';

interface Scope {
  heading: Heading;
  blocks: RootContent[];
}

/**
 * Each heading with its own content, up to the next heading. A heading followed by a deeper
 * one is left out: what it holds is an introduction to its sub-sections.
 */
function scopesOf(root: Root): Scope[] {
  const scopes: (Scope & { intro: boolean })[] = [];
  for (const block of root.children) {
    if (block.type === 'heading') {
      const previous = scopes[scopes.length - 1];
      if (previous && block.depth > previous.heading.depth) previous.intro = true;
      scopes.push({ heading: block, blocks: [], intro: false });
    } else scopes[scopes.length - 1]?.blocks.push(block);
  }
  return scopes.filter((scope) => !scope.intro);
}

/**
 * Whether a section's own content is a procedure told in prose and code (no list, no checkbox
 * table). In a file of tasks only a heading that names a procedure counts (such files keep
 * their explanations and examples in prose and code on purpose).
 */
function isProse(scope: Scope, taskFile: boolean): boolean {
  const hasList = scope.blocks.some((block) => block.type === 'list' || (block.type === 'table' && checkboxColumn(block) !== undefined));
  if (hasList) return false;
  const title = readInline(scope.heading.children).plain;
  if (isNoteHeading(title)) return false;
  const code = scope.blocks.some((block) => block.type === 'code' && !isMermaidFence(block) && block.value.trim() !== '');
  const paragraphs = scope.blocks.some((block) => block.type === 'paragraph');
  if (taskFile) return (code || paragraphs) && isProcedureHeading(title);
  return (code && paragraphs) || (paragraphs && isProcedureHeading(title));
}

/** Warnings for sections whose procedure is prose and code (none where the steps are check-mark headings). */
export function proseSectionWarnings(root: Root, file: string, mode: 'checkbox' | 'heading-steps' | 'list'): ImportIssue[] {
  if (mode === 'heading-steps') return [];
  const prose = scopesOf(root).filter((scope) => isProse(scope, mode === 'checkbox'));
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

/** A code block that holds a checklist (`- [ ] ...`): a template shown as code, which Markdown never reads as tasks. */
export function fencedChecklist(root: Root): Code | undefined {
  return nodesOfType(root, 'code').find((code) => /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s/m.test(code.value));
}

/** Whether the file has any prose-and-code section (for the "no steps" error's advice). */
export function hasProseProcedure(root: Root): boolean {
  const scopes = scopesOf(root);
  if (scopes.some((scope) => isProse(scope, false))) return true;
  const top = root.children.filter((block) => block.type !== 'heading' && block.type !== 'yaml');
  return top.some((block) => block.type === 'code' && !isMermaidFence(block)) && !top.some((block) => block.type === 'list');
}
