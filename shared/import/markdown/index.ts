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
import { inlinePlain, storedInline } from '../../text/inline-text';
import { fileTitle } from '../file-name';
import { readFrontMatter } from '../front-matter';
import { neverThrows } from '../guard';
import { assignIds, slugify, uniqueId } from '../ids';
import { issueAt } from '../result';
import type { ParseOptions, ParseResult } from '../result';
import { readChecklist } from './checklist';
import { checkboxColumn } from './checkboxes';
import type { ChecklistDraft } from './checklist';
import { isMermaidFence, parseFencedTree } from './fenced-tree';
import { readInline } from './inline';
import { nodesOfType, parseMdast, startOf } from './mdast';
import { HOW_TO_MARK_STEPS, fencedChecklist, hasProseProcedure } from './prose-sections';
import { unfencedChartError } from './unfenced-chart';

/** Parses a Markdown checklist (or a fenced Mermaid tree); never throws. */
export function parseMarkdown(text: string, file: string, options: ParseOptions = {}): ParseResult {
  return neverThrows(file, () => readMarkdown(text, file, options));
}

function readMarkdown(text: string, file: string, options: ParseOptions): ParseResult {
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
  const headingTitle = titleHeading ? readInline(titleHeading.children).plain.replace(/\s+/g, ' ').trim() : '';
  title ??= headingTitle || undefined;

  const unfenced = unfencedChartError(root, file);
  if (unfenced) return { ok: false, errors: [unfenced], warnings };

  // Checkboxes (task items, checkbox tables) make a checklist even next to a chart.
  const hasCheckboxes =
    nodesOfType(root, 'listItem').some((item) => item.checked === true || item.checked === false) ||
    nodesOfType(root, 'table').some((table) => checkboxColumn(table) !== undefined);
  const fences = nodesOfType(root, 'code').filter(isMermaidFence);
  if (!hasCheckboxes && fences.length > 0) {
    const tree = parseFencedTree(fences, { file, text, title, meta });
    return { ...tree, warnings: [...warnings, ...tree.warnings] };
  }
  return buildChecklist(root, text, file, { title: title ?? fileTitle(file), meta, titleHeading, warnings, options });
}

interface ChecklistContext {
  title: string;
  meta: PackMeta;
  titleHeading: Heading | undefined;
  warnings: ImportIssue[];
  options: ParseOptions;
}

/** The "no steps" error, saying why where it can tell. */
function noStepsError(root: Root, file: string, draft: ChecklistDraft): ImportIssue {
  const fenced = fencedChecklist(root);
  if (fenced) {
    const at = startOf(fenced);
    return issueAt(
      file,
      at.line,
      at.col,
      `no steps found: the checklist is inside a code block (line ${at.line}), which Markdown shows as code and never reads as tasks; remove the fence lines around it to import it`,
    );
  }
  const notes = draft.lists.filter((list) => list.reading === 'notes');
  let why = 'expected task items (`- [ ] ...`), a list, a table with a checkbox column, or a ```mermaid flowchart';
  if (notes.length > 0 && notes.length === draft.lists.length) {
    why = `every list in this file reads as notes (${notes.map((list) => `${list.key}: ${list.reason}`).slice(0, 3).join('; ')}); read one as steps in the import review, or ${HOW_TO_MARK_STEPS}`;
  } else if (hasProseProcedure(root)) {
    why = `this file tells its procedure in prose and code, with no list; to drill it, ${HOW_TO_MARK_STEPS}`;
  }
  return issueAt(file, 1, 1, `no steps found: ${why}`);
}

function buildChecklist(root: Root, text: string, file: string, context: ChecklistContext): ParseResult {
  const draft = readChecklist(root, text, file, context.titleHeading, { choices: context.options.listChoices });
  const warnings = [...context.warnings, ...draft.warnings];
  const lists = draft.lists;
  if (draft.errors.length > 0) return { ok: false, errors: draft.errors, warnings, lists };
  if (draft.steps.length === 0) return { ok: false, errors: [noStepsError(root, file, draft)], warnings, lists };
  const { sections, sectionIds } = emitSections(draft);
  const sectionTitles = new Map(sections.map((section) => [section.id, section.title]));
  const assigned = assignIds(
    draft.steps.map((step) => {
      const slug = slugify(step.plain) || 'step';
      const sectionId = step.section === undefined ? undefined : sectionIds.get(step.section);
      return {
        explicitId: step.explicitId,
        derivedId: sectionId ? `${sectionId}:${slug}` : slug,
        line: step.line,
        col: step.col,
        text: step.plain,
        ...(sectionId ? { section: sectionTitles.get(sectionId) } : {}),
      };
    }),
    file,
  );
  warnings.push(...assigned.warnings);
  if (assigned.errors.length > 0) return { ok: false, errors: assigned.errors, warnings, lists };
  const items: ItemSource[] = draft.steps.map((step, order) => {
    const item: ItemSource = {
      id: assigned.ids[order]!,
      kind: 'step',
      text: step.plain,
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
    const inline = storedInline(step.tree);
    if (inline) item.inline = inline;
    if (step.rationale !== undefined) {
      item.rationale = inlinePlain(step.rationale);
      const rationaleInline = storedInline(step.rationale);
      if (rationaleInline) item.rationaleInline = rationaleInline;
    }
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
  return { ok: true, pack, warnings, lists };
}

/**
 * Sections that hold steps, or hold sections that do, with unique ids (`{#id}` on the
 * heading, else the slug of its title), their parent and depth.
 */
function emitSections(draft: ChecklistDraft): { sections: SectionSource[]; sectionIds: Map<number, string> } {
  const holds = draft.sections.map((section) => section.steps > 0);
  for (let index = draft.sections.length - 1; index >= 0; index--) {
    const parent = draft.sections[index]!.parent;
    if (holds[index] && parent !== undefined) holds[parent] = true;
  }
  const taken = new Set<string>();
  const sections: SectionSource[] = [];
  const sectionIds = new Map<number, string>();
  const depthOf = new Map<number, number>();
  draft.sections.forEach((section, index) => {
    if (!holds[index]) return;
    const id = uniqueId(section.explicitId ?? (slugify(section.title, 32) || 'section'), taken);
    sectionIds.set(index, id);
    const parentId = section.parent === undefined ? undefined : sectionIds.get(section.parent);
    const depth = section.parent === undefined ? 0 : (depthOf.get(section.parent) ?? -1) + 1;
    depthOf.set(index, depth);
    sections.push({ id, title: section.title, line: section.line, ...(parentId ? { parentId } : {}), depth });
  });
  return { sections, sectionIds };
}
