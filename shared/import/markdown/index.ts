/**
 * Markdown import (formats.md, "Markdown checklists"): a checklist, or a tree when
 * the file has a ```mermaid fence and no task list.
 *
 * Title: front matter `title` (for a GitHub issue template, which has `name:` and
 * `about:`, its `name`: there `title` is the title of the issue it opens), else the
 * first `#` heading, else the file name without its extension.
 * Ids: `{#id}` as written; otherwise `<section-id>:<slug of the text>` (or just the
 * slug outside sections), deduplicated with a warning.
 */
import type { Heading, Root } from 'mdast';
import type { ImportIssue, ItemSource, PackMeta, PackSource, SectionSource } from '../../model';
import { fileTitle } from '../file-name';
import { readFrontMatter } from '../front-matter';
import { neverThrows } from '../guard';
import { assignIds, slugify, uniqueId } from '../ids';
import { issueAt } from '../result';
import type { ParseResult } from '../result';
import { readChecklist } from './checklist';
import { checkboxColumn } from './checkboxes';
import type { ChecklistDraft } from './checklist';
import { isMermaidFence, parseFencedTree } from './fenced-tree';
import { nodesOfType, parseMdast, plainText } from './mdast';

/** Parses a Markdown checklist (or a fenced Mermaid tree); never throws. */
export function parseMarkdown(text: string, file: string): ParseResult {
  return neverThrows(file, () => readMarkdown(text, file));
}

function readMarkdown(text: string, file: string): ParseResult {
  const root = parseMdast(text);
  const warnings: ImportIssue[] = [];
  let meta: PackMeta = { tags: [] };
  let title: string | undefined;
  const first = root.children[0];
  if (first?.type === 'yaml') {
    const read = readFrontMatter(first.value, file, first.position?.start.line ?? 1);
    if (!read.ok) return { ok: false, errors: read.errors, warnings: read.warnings };
    meta = read.frontMatter.meta;
    title = read.frontMatter.title;
    warnings.push(...read.warnings);
  }
  const titleHeading = root.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const headingTitle = titleHeading ? plainText(titleHeading).replace(/\s+/g, ' ').trim() : '';
  title ??= headingTitle || undefined;

  // Checkboxes (task items, checkbox tables) make a checklist even next to a chart.
  const hasCheckboxes =
    nodesOfType(root, 'listItem').some((item) => item.checked === true || item.checked === false) ||
    nodesOfType(root, 'table').some((table) => checkboxColumn(table) !== undefined);
  const fences = nodesOfType(root, 'code').filter(isMermaidFence);
  if (!hasCheckboxes && fences.length > 0) {
    const tree = parseFencedTree(fences, { file, text, title, meta });
    return { ...tree, warnings: [...warnings, ...tree.warnings] };
  }
  return buildChecklist(root, text, file, { title: title ?? fileTitle(file), meta, titleHeading, warnings });
}

interface ChecklistContext {
  title: string;
  meta: PackMeta;
  titleHeading: Heading | undefined;
  warnings: ImportIssue[];
}

function buildChecklist(root: Root, text: string, file: string, context: ChecklistContext): ParseResult {
  const draft = readChecklist(root, text, file, context.titleHeading);
  const warnings = [...context.warnings, ...draft.warnings];
  if (draft.errors.length > 0) return { ok: false, errors: draft.errors, warnings };
  if (draft.steps.length === 0) {
    const error = issueAt(
      file,
      1,
      1,
      'no steps found: expected task items (`- [ ] ...`), a list, a table with a checkbox column, or a ```mermaid flowchart',
    );
    return { ok: false, errors: [error], warnings };
  }
  const { sections, sectionIds } = emitSections(draft);
  const assigned = assignIds(
    draft.steps.map((step) => {
      const slug = slugify(step.plain) || 'step';
      const sectionId = step.section === undefined ? undefined : sectionIds.get(step.section);
      return {
        explicitId: step.explicitId,
        derivedId: sectionId ? `${sectionId}:${slug}` : slug,
        line: step.line,
        col: step.col,
      };
    }),
    file,
  );
  warnings.push(...assigned.warnings);
  if (assigned.errors.length > 0) return { ok: false, errors: assigned.errors, warnings };
  const items: ItemSource[] = draft.steps.map((step, order) => {
    const item: ItemSource = {
      id: assigned.ids[order]!,
      kind: 'step',
      text: step.text,
      order,
      notes: step.notes,
      keyValues: step.keyValues,
      memory: step.memory,
      tags: [],
      line: step.line,
      col: step.col,
    };
    const sectionId = step.section === undefined ? undefined : sectionIds.get(step.section);
    if (sectionId !== undefined) item.sectionId = sectionId;
    if (step.parent !== undefined) item.parentId = assigned.ids[step.parent];
    if (step.rationale !== undefined) item.rationale = step.rationale;
    return item;
  });
  const pack: PackSource = {
    title: context.title,
    kind: 'checklist',
    format: 'markdown',
    sourceName: file,
    meta: context.meta,
    sections,
    items,
    edges: [],
  };
  return { ok: true, pack, warnings };
}

/** Sections that hold steps, with unique ids (`{#id}` on the heading, else the slug of its title). */
function emitSections(draft: ChecklistDraft): { sections: SectionSource[]; sectionIds: Map<number, string> } {
  const taken = new Set<string>();
  const sections: SectionSource[] = [];
  const sectionIds = new Map<number, string>();
  draft.sections.forEach((section, index) => {
    if (section.steps === 0) return;
    const id = uniqueId(section.explicitId ?? (slugify(section.title, 32) || 'section'), taken);
    sectionIds.set(index, id);
    sections.push({ id, title: section.title, line: section.line });
  });
  return { sections, sectionIds };
}
