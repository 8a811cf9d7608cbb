/**
 * Walks a Markdown checklist's mdast in reading order and collects steps and
 * sections (formats.md, "Markdown checklists"). Ids are assigned later (index.ts).
 *
 * Which blocks are steps:
 * - A file WITH checkboxes (task items `- [ ]`, or a table with a checkbox column):
 *   in a section that has checkboxes, only the task items / checkbox rows (and their
 *   sub-items) are steps, other lists are notes; in a section WITHOUT checkboxes,
 *   numbered lists are steps (a numbered procedure is a checklist, like "Rollout" in
 *   formats.md's own example) and bullet lists are notes.
 * - A file without checkboxes: every list item is a step, nested items sub-steps.
 *   If it has two or more headings prefixed with a check mark (`## ✅ 1. Check logs`)
 *   those headings are the steps instead: lists under them are sub-steps, prose,
 *   code and tables are notes.
 * Sections are `#` (except the title heading), `##` and `###` headings; a short
 * plain or bold line directly followed by a task list also starts one (checklists
 * without headings group tasks that way), unless it introduces a heading's first list.
 * Sections that collect no step are not emitted; a heading with no content at all
 * gets an "empty section" warning.
 * Notes: a non-step list right after a step list adds its items to the last step.
 */
import type { Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { ImportIssue } from '../../model';
import { IMPORT_LIMITS } from '../limits';
import { issueAt } from '../result';
import { checkboxColumn, isStepHeading, STEP_HEADING_PREFIX } from './checkboxes';
import { readInline } from './inline';
import type { InlineText } from './inline';
import { isHtmlComment, nodesOfType, plainText, startOf } from './mdast';

export interface StepDraft {
  text: string;
  plain: string;
  explicitId?: string;
  section?: number;
  parent?: number;
  rationale?: string;
  notes: string[];
  keyValues: string[];
  memory: boolean;
  line: number;
  col: number;
}

export interface SectionDraft {
  title: string;
  explicitId?: string;
  line: number;
  col: number;
  steps: number;
}

export interface ChecklistDraft {
  steps: StepDraft[];
  sections: SectionDraft[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

const WHY = /^why\s*:/i;
const WHY_SOURCE = /^\s*(\*\*|__|\*|_)?why\1?\s*:\s*(?:\*\*|__|\*|_)?\s*/i;
const EMPTY_TASK = /^\[[ xX]?\]$/;
const TITLE_LIKE = new Set(['text', 'strong', 'emphasis', 'inlineCode']);

function isTask(item: ListItem): boolean {
  return item.checked === true || item.checked === false;
}

function emptyInline(): InlineText {
  return { text: '', plain: '', keyValues: [], memory: false, hadComment: false, unknownClasses: [], extraIds: [] };
}

/** Reads the steps and sections of a checklist; `titleHeading` is the `#` heading used as title (never a section). */
export function readChecklist(root: Root, source: string, file: string, titleHeading: Heading | undefined): ChecklistDraft {
  const reader = new ChecklistReader(root, source, file, titleHeading);
  reader.walk(root.children, true, 0);
  return { steps: reader.steps, sections: reader.sections, errors: reader.errors, warnings: reader.warnings };
}

class ChecklistReader {
  readonly steps: StepDraft[] = [];
  readonly sections: SectionDraft[] = [];
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private readonly checkboxMode: boolean;
  private readonly headingStepMode: boolean;
  /** For each root block: whether its section (heading scope) has checkboxes. */
  private readonly scopeOf = new Map<RootContent, boolean>();
  private scopeHasCheckbox = false;
  private currentSection: number | undefined;
  private currentSectionDepth = 0;
  /** The step that receives the items of a non-step list right after it. */
  private notesTarget: number | undefined;
  private stepHeading: { index: number; depth: number } | undefined;

  constructor(
    root: Root,
    private readonly source: string,
    private readonly file: string,
    private readonly titleHeading: Heading | undefined,
  ) {
    const hasCheckbox = (node: RootContent): boolean =>
      nodesOfType(node, 'listItem').some(isTask) ||
      nodesOfType(node, 'table').some((table) => checkboxColumn(table) !== undefined);
    this.checkboxMode = root.children.some(hasCheckbox);
    this.headingStepMode =
      !this.checkboxMode &&
      root.children.filter((b) => b.type === 'heading' && b !== titleHeading && isStepHeading(b)).length >= 2;
    let scope: RootContent[] = [];
    const closeScope = (): void => {
      const flag = scope.some(hasCheckbox);
      for (const block of scope) this.scopeOf.set(block, flag);
      scope = [];
    };
    for (const block of root.children) {
      if (block.type === 'heading' && this.isSectionHeading(block)) closeScope();
      scope.push(block);
    }
    closeScope();
  }

  private isSectionHeading(heading: Heading): boolean {
    return heading !== this.titleHeading && heading.depth <= 3 && !(this.headingStepMode && isStepHeading(heading));
  }

  walk(blocks: readonly RootContent[], atRoot: boolean, depth: number): void {
    if (depth > IMPORT_LIMITS.maxDepth) return;
    blocks.forEach((block, i) => {
      const next = blocks[i + 1];
      if (atRoot) this.scopeHasCheckbox = this.scopeOf.get(block) ?? false;
      if (block.type === 'heading') return this.onHeading(block, next);
      if (this.stepHeading) return this.addBody(this.stepHeading.index, block, 2);
      if (block.type === 'list') return this.onList(block);
      if (block.type === 'table') return this.onTable(block);
      if (block.type === 'blockquote') return this.onBlockquote(block, depth);
      if (block.type === 'paragraph') this.onParagraph(block, next);
      this.notesTarget = undefined;
    });
  }

  // ---- headings and sections ------------------------------------------------

  private onHeading(heading: Heading, next: RootContent | undefined): void {
    this.notesTarget = undefined;
    if (heading === this.titleHeading) {
      this.stepHeading = undefined;
      return;
    }
    if (this.stepHeading && heading.depth > this.stepHeading.depth) return;
    this.stepHeading = undefined;
    if (this.headingStepMode && isStepHeading(heading)) return this.openStepHeading(heading);
    if (heading.depth > 3) return;
    const inline = readInline(heading.children, this.source);
    const at = startOf(heading);
    const title = inline.plain || `Section at line ${at.line}`;
    if (next === undefined || (next.type === 'heading' && next.depth <= heading.depth)) {
      this.warnings.push(issueAt(this.file, at.line, at.col, `section "${title}" is empty`, 'warning'));
    }
    this.startSection({ title, explicitId: inline.explicitId, line: at.line, col: at.col, steps: 0 }, heading.depth);
  }

  private startSection(section: SectionDraft, depth: number): void {
    this.sections.push(section);
    this.currentSection = this.sections.length - 1;
    this.currentSectionDepth = depth;
  }

  private openStepHeading(heading: Heading): void {
    if (this.currentSection !== undefined && this.currentSectionDepth >= heading.depth) this.currentSection = undefined;
    const inline = readInline(heading.children, this.source);
    inline.text = inline.text.replace(STEP_HEADING_PREFIX, '');
    inline.plain = inline.plain.replace(STEP_HEADING_PREFIX, '');
    const at = startOf(heading);
    const index = this.makeStep(inline, at, at, undefined);
    if (index !== undefined) this.stepHeading = { index, depth: heading.depth };
  }

  /** "For all datasets used, check if you include:" right before a task list: a section title. */
  private onParagraph(paragraph: Paragraph, next: RootContent | undefined): void {
    if (next?.type !== 'list' || !next.children.some(isTask)) return;
    if (this.currentSection !== undefined && this.sections[this.currentSection]!.steps === 0) return;
    const start = paragraph.position?.start.offset ?? 0;
    const end = paragraph.position?.end.offset ?? 0;
    if (this.source.slice(start, end).includes('\n')) return;
    if (!paragraph.children.every((child) => TITLE_LIKE.has(child.type))) return;
    const title = plainText(paragraph).trim().replace(/\s*[:：]$/u, '');
    if (title === '' || title.length > 150) return;
    const at = startOf(paragraph);
    this.startSection({ title, line: at.line, col: at.col, steps: 0 }, this.currentSectionDepth);
  }

  // ---- lists, tables, blockquotes ---------------------------------------------

  private isStepItem(item: ListItem, list: List): boolean {
    if (this.headingStepMode) return false;
    if (!this.checkboxMode) return true;
    if (this.scopeHasCheckbox) return isTask(item) || this.isEmptyTaskLiteral(item);
    return list.ordered === true;
  }

  /** `- [ ]` with nothing after it is not a GFM task; it is an empty one. */
  private isEmptyTaskLiteral(item: ListItem): boolean {
    const first = item.children[0];
    return !isTask(item) && first?.type === 'paragraph' && EMPTY_TASK.test(plainText(first).trim());
  }

  private onList(list: List, depth = 1): void {
    if (depth > IMPORT_LIMITS.maxDepth) return;
    for (const item of list.children) {
      if (this.isStepItem(item, list)) {
        const index = this.addListItem(item, undefined, 1);
        if (index !== undefined) this.notesTarget = index;
        continue;
      }
      const first = item.children[0];
      if (first?.type === 'paragraph' && this.notesTarget !== undefined) {
        const note = readInline(first.children, this.source).text;
        if (note !== '') this.steps[this.notesTarget]!.notes.push(note);
      }
      for (const child of item.children) if (child.type === 'list') this.onList(child, depth + 1);
    }
  }

  private onTable(table: Table): void {
    this.notesTarget = undefined;
    const column = checkboxColumn(table);
    if (column === undefined || !this.scopeHasCheckbox) return;
    const textColumn = column === 0 ? 1 : 0;
    for (const row of table.children.slice(1)) {
      const cell = row.children[textColumn];
      const inline = cell ? readInline(cell.children, this.source) : emptyInline();
      const cellStart = cell ? startOf(cell.children[0] ?? cell) : startOf(row);
      const index = this.makeStep(inline, startOf(row), cellStart, undefined);
      if (index === undefined) continue;
      row.children.forEach((other, i) => {
        if (i === column || i === textColumn) return;
        const note = readInline(other.children, this.source).text;
        if (note !== '') this.steps[index]!.notes.push(note);
      });
      this.notesTarget = index;
    }
  }

  private onBlockquote(quote: Blockquote, depth: number): void {
    const target = this.notesTarget;
    const rationale = this.whyOf(quote);
    if (rationale !== undefined && target !== undefined) {
      const step = this.steps[target]!;
      step.rationale = step.rationale ? `${step.rationale} ${rationale}` : rationale;
      return;
    }
    this.notesTarget = undefined;
    this.walk(quote.children, false, depth + 1);
  }

  /** The rationale of a `> Why: ...` blockquote, or undefined for any other blockquote. */
  private whyOf(quote: Blockquote): string | undefined {
    if (!WHY.test(plainText(quote).trim())) return undefined;
    const text = this.quoteText(quote).replace(WHY_SOURCE, '').trim();
    return text === '' ? undefined : text;
  }

  private quoteText(quote: Blockquote): string {
    return quote.children
      .map((child) => (child.type === 'paragraph' ? readInline(child.children, this.source).text : plainText(child).trim()))
      .filter((text) => text !== '')
      .join(' ');
  }

  // ---- steps ------------------------------------------------------------------

  /** Adds a list item as a step (with its sub-items as sub-steps); returns its index. */
  private addListItem(item: ListItem, parent: number | undefined, depth: number): number | undefined {
    const at = startOf(item);
    if (depth > IMPORT_LIMITS.maxDepth) {
      this.errors.push(issueAt(this.file, at.line, at.col, `steps are nested more than ${IMPORT_LIMITS.maxDepth} levels deep`));
      return undefined;
    }
    const [first, ...rest] = item.children;
    let inline = emptyInline();
    let contentAt = this.contentStart(item);
    if (first?.type === 'paragraph' || first?.type === 'heading') {
      inline = readInline(first.children as PhrasingContent[], this.source);
      contentAt = startOf(first);
      if (this.isEmptyTaskLiteral(item)) inline = emptyInline();
    } else if (first) rest.unshift(first);
    const index = this.makeStep(inline, at, contentAt, parent);
    if (index === undefined) return undefined;
    for (const block of rest) this.addBody(index, block, depth + 1);
    return index;
  }

  /** Where a list item's text starts (after `- `, `1. `), for "step text is empty". */
  private contentStart(item: ListItem): { line: number; col: number } {
    const at = startOf(item);
    const offset = item.position?.start.offset ?? 0;
    const marker = /^(?:[-*+]|\d{1,9}[.)])[ \t]?/.exec(this.source.slice(offset, offset + 12));
    return { line: at.line, col: at.col + (marker ? marker[0].length : 0) };
  }

  /** Content under a step: sub-steps, the `Why:` rationale, and notes. */
  private addBody(index: number, block: RootContent, childDepth: number): void {
    const step = this.steps[index]!;
    switch (block.type) {
      case 'list':
        for (const item of block.children) this.addListItem(item, index, childDepth);
        return;
      case 'blockquote': {
        const rationale = this.whyOf(block);
        if (rationale !== undefined) step.rationale = step.rationale ? `${step.rationale} ${rationale}` : rationale;
        else if (this.quoteText(block) !== '') step.notes.push(this.quoteText(block));
        return;
      }
      case 'paragraph':
      case 'heading': {
        const note = readInline(block.children, this.source).text;
        if (note !== '') step.notes.push(note);
        return;
      }
      case 'code':
        if (block.value.trim() !== '') step.notes.push(block.value);
        return;
      case 'html':
        if (!isHtmlComment(block.value)) step.notes.push(block.value.trim());
        return;
      case 'table':
        for (const row of block.children.slice(1)) {
          const cells = row.children.map((cell) => readInline(cell.children, this.source).text).filter((t) => t !== '');
          if (cells.length > 0) step.notes.push(cells.join(' — '));
        }
        return;
      default:
        return;
    }
  }

  private makeStep(
    inline: InlineText,
    at: { line: number; col: number },
    contentAt: { line: number; col: number },
    parent: number | undefined,
  ): number | undefined {
    if (inline.text === '') {
      if (inline.hadComment) {
        this.warnings.push(issueAt(this.file, at.line, at.col, 'task has only an HTML comment; skipped', 'warning'));
      } else {
        // remark-gfm places a task item's paragraph after the checkbox even when the line
        // ends there: keep the column on the line the person sees.
        const lineLength = (this.source.split('\n', contentAt.line)[contentAt.line - 1] ?? '').length;
        const col = Math.min(contentAt.col, lineLength + 1);
        this.errors.push(issueAt(this.file, contentAt.line, col, 'step text is empty'));
      }
      return undefined;
    }
    for (const name of inline.unknownClasses) {
      this.warnings.push(issueAt(this.file, at.line, at.col, `unknown attribute ".${name}" ignored (known: .memory)`, 'warning'));
    }
    if (inline.extraIds.length > 0) {
      this.warnings.push(
        issueAt(this.file, at.line, at.col, `a step has one id; "${inline.extraIds.join('", "')}" ignored`, 'warning'),
      );
    }
    const step: StepDraft = {
      text: inline.text,
      plain: inline.plain,
      section: this.currentSection,
      parent,
      notes: [],
      keyValues: inline.keyValues,
      memory: inline.memory,
      line: at.line,
      col: at.col,
    };
    if (inline.explicitId !== undefined) step.explicitId = inline.explicitId;
    this.steps.push(step);
    if (this.currentSection !== undefined) this.sections[this.currentSection]!.steps += 1;
    return this.steps.length - 1;
  }
}
