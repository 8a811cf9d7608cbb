/**
 * Walks a Markdown checklist's mdast in reading order and collects steps, sections and
 * how each list was read (README, "What Kata imports"). Ids are assigned later (index.ts).
 *
 * Which blocks are steps:
 * - A file WITH checkboxes (task items `- [ ]`, or a table with a checkbox column): task
 *   items and checkbox rows are steps, at every depth; a plain bullet nested under a task is
 *   a note of that task. A list without tasks is notes, except a numbered list under a
 *   heading with no tasks (a numbered procedure, like "Rollout" in formats.md's example).
 * - A file without checkboxes: if it has two or more headings prefixed with a check mark
 *   (`## ✅ 1. Check logs`) those headings are the steps (lists under them sub-steps, prose,
 *   code and tables notes). Otherwise each list is steps unless it is plainly not a
 *   procedure (list-reading.ts); nested items of a step are sub-steps.
 * A list's reading may be flipped by the person (`choices`, by list key).
 * Sections are headings of every level (except the title heading), nested under the
 * nearest heading of a lower level; a short plain or bold line directly followed by a task
 * list also starts one (unless it introduces a heading's first list, or is one emphasised
 * sentence). A heading with no content gets an "empty section" warning.
 * Notes: a non-step list right after a step list adds its items to the last step.
 */
import type { Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { ImportIssue, InlineTree, ListReading } from '../../model';
import { inlinePlain, joinTrees, text } from '../../text/inline-text';
import { IMPORT_LIMITS } from '../limits';
import { issueAt } from '../result';
import { checkboxColumn, isStepHeading, STEP_HEADING_PREFIX } from './checkboxes';
import { readInline, stripLeadingLabel } from './inline';
import type { InlineText } from './inline';
import { listKey, readListInListMode, readListInTaskFile } from './list-reading';
import type { ListReadingInfo } from './list-reading';
import { isHtmlComment, nodesOfType, plainText, startOf } from './mdast';
import { plainLabel } from '../mermaid/html-text';
import { proseSectionWarnings } from './prose-sections';

export type { ChecklistDraft, SectionDraft, StepDraft } from './checklist-draft';
import type { ChecklistDraft, SectionDraft, StepDraft } from './checklist-draft';

const WHY = /^why\s*:/i;
const WHY_LABEL = /^why\s*:\s*/i;
const EMPTY_TASK = /^\[[ xX]?\]$/;
const TITLE_LIKE = new Set(['text', 'strong', 'emphasis', 'inlineCode']);

export function isTask(item: ListItem): boolean {
  return item.checked === true || item.checked === false;
}

function emptyInline(): InlineText {
  return { tree: [], plain: '', keyValues: [], memory: false, hadComment: false, unknownClasses: [], extraIds: [] };
}

export interface ChecklistOptions {
  /** The person's readings of lists, by list key (PackRecord.listChoices). */
  choices?: Readonly<Record<string, ListReading>>;
}

/** Reads the steps and sections of a checklist; `titleHeading` is the `#` heading used as title (never a section). */
export function readChecklist(root: Root, source: string, file: string, titleHeading: Heading | undefined, options: ChecklistOptions = {}): ChecklistDraft {
  const reader = new ChecklistReader(root, source, file, titleHeading, options.choices ?? {});
  reader.walk(root.children, true, 0);
  reader.warnings.push(...proseSectionWarnings(root, file, reader.mode));
  return {
    steps: reader.steps,
    sections: reader.sections,
    lists: reader.lists,
    errors: reader.errors,
    warnings: reader.warnings,
    hasCheckboxes: reader.mode === 'checkbox',
  };
}

class ChecklistReader {
  readonly steps: StepDraft[] = [];
  readonly sections: SectionDraft[] = [];
  readonly lists: ListReadingInfo[] = [];
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly mode: 'checkbox' | 'heading-steps' | 'list';
  /** For each root block: whether its heading's own content has checkboxes. */
  private readonly scopeOf = new Map<RootContent, boolean>();
  private scopeHasCheckbox = false;
  /** Open sections, outermost first. */
  private open: number[] = [];
  /** Lists met under the current heading (for list keys). */
  private listsInScope = 0;
  /** The step that receives the items of a non-step list right after it. */
  private notesTarget: number | undefined;
  private stepHeading: { index: number; depth: number } | undefined;
  /** `<details>` elements open around the current block: collapsed help, whose lists are notes. */
  private detailsDepth = 0;

  constructor(
    root: Root,
    private readonly source: string,
    private readonly file: string,
    private readonly titleHeading: Heading | undefined,
    private readonly choices: Readonly<Record<string, ListReading>>,
  ) {
    const hasCheckbox = (node: RootContent): boolean =>
      nodesOfType(node, 'listItem').some(isTask) ||
      nodesOfType(node, 'table').some((table) => checkboxColumn(table) !== undefined);
    const checkboxMode = root.children.some(hasCheckbox);
    const headingSteps =
      !checkboxMode && root.children.filter((b) => b.type === 'heading' && b !== titleHeading && isStepHeading(b)).length >= 2;
    this.mode = checkboxMode ? 'checkbox' : headingSteps ? 'heading-steps' : 'list';
    let scope: RootContent[] = [];
    const closeScope = (): void => {
      const flag = scope.some(hasCheckbox);
      for (const block of scope) this.scopeOf.set(block, flag);
      scope = [];
    };
    for (const block of root.children) {
      if (block.type === 'heading') closeScope();
      scope.push(block);
    }
    closeScope();
  }

  private get currentSection(): number | undefined {
    return this.open[this.open.length - 1];
  }

  private headingPath(): string[] {
    return this.open.map((index) => this.sections[index]!.title);
  }

  walk(blocks: readonly RootContent[], atRoot: boolean, depth: number): void {
    if (depth > IMPORT_LIMITS.maxDepth) return;
    blocks.forEach((block, i) => {
      const next = blocks[i + 1];
      if (atRoot) this.scopeHasCheckbox = this.scopeOf.get(block) ?? false;
      if (block.type === 'heading') return this.onHeading(block, next);
      if (this.stepHeading) return this.addBody(this.stepHeading.index, block, 2);
      if (block.type === 'list') return this.onTopList(block);
      if (block.type === 'table') return this.onTable(block);
      if (block.type === 'blockquote') return this.onBlockquote(block, depth);
      if (block.type === 'paragraph') this.onParagraph(block, next);
      if (block.type === 'html') this.onHtml(block.value);
      this.notesTarget = undefined;
    });
  }

  // ---- headings and sections ------------------------------------------------

  private onHeading(heading: Heading, next: RootContent | undefined): void {
    this.notesTarget = undefined;
    this.listsInScope = 0;
    if (heading === this.titleHeading) {
      this.stepHeading = undefined;
      return;
    }
    if (this.stepHeading && heading.depth > this.stepHeading.depth) return;
    this.stepHeading = undefined;
    if (this.mode === 'heading-steps' && isStepHeading(heading)) return this.openStepHeading(heading);
    const inline = readInline(heading.children);
    const at = startOf(heading);
    const title = inline.plain.replace(/\s+/g, ' ').trim() || `Section at line ${at.line}`;
    if (next === undefined || (next.type === 'heading' && next.depth <= heading.depth)) {
      this.warnings.push(issueAt(this.file, at.line, at.col, `section "${title}" is empty`, 'warning'));
    }
    this.startSection({ title, explicitId: inline.explicitId, line: at.line, col: at.col, steps: 0, level: heading.depth });
  }

  private closeTo(level: number): void {
    while (this.open.length > 0 && this.sections[this.currentSection!]!.level >= level) this.open.pop();
  }

  private startSection(section: SectionDraft): void {
    this.closeTo(section.level);
    if (this.currentSection !== undefined) section.parent = this.currentSection;
    this.sections.push(section);
    this.open.push(this.sections.length - 1);
  }

  private openStepHeading(heading: Heading): void {
    this.closeTo(heading.depth);
    const inline = readInline(heading.children);
    const [first, ...rest] = inline.tree;
    if (first?.type === 'text') inline.tree = [text(first.value.replace(STEP_HEADING_PREFIX, '')), ...rest];
    inline.plain = inlinePlain(inline.tree);
    const at = startOf(heading);
    const index = this.makeStep(inline, at, at, undefined);
    if (index !== undefined) this.stepHeading = { index, depth: heading.depth };
  }

  /** "For all datasets used, check if you include:" right before a task list: a section title. */
  private onParagraph(paragraph: Paragraph, next: RootContent | undefined): void {
    if (next?.type !== 'list' || !next.children.some(isTask)) return;
    const current = this.currentSection;
    if (current !== undefined && this.sections[current]!.steps === 0) return;
    const start = paragraph.position?.start.offset ?? 0;
    const end = paragraph.position?.end.offset ?? 0;
    if (this.source.slice(start, end).includes('\n')) return;
    const children = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (!children.every((child) => TITLE_LIKE.has(child.type))) return;
    // One emphasised sentence is an instruction or an aside, not a title ("*Tick each box when done.*").
    if (children.length === 1 && children[0]!.type === 'emphasis') return;
    const title = readInline(paragraph.children).plain.trim().replace(/\s*[:：]$/u, '');
    if (title === '' || title.length > 150) return;
    const at = startOf(paragraph);
    // A paragraph title ends where the next one starts: it replaces an earlier paragraph title.
    if (current !== undefined && this.sections[current]!.level > 6) this.open.pop();
    const level = 7;
    const section: SectionDraft = { title, line: at.line, col: at.col, steps: 0, level };
    if (this.currentSection !== undefined) section.parent = this.currentSection;
    this.sections.push(section);
    this.open.push(this.sections.length - 1);
  }

  /** Counts `<details>` opened and closed by an HTML block. */
  private onHtml(value: string): void {
    const opened = (value.match(/<details[\s>]/gi) ?? []).length;
    const closed = (value.match(/<\/details\s*>/gi) ?? []).length;
    this.detailsDepth = Math.max(0, this.detailsDepth + opened - closed);
  }

  // ---- lists, tables, blockquotes ---------------------------------------------

  /** A list directly under a heading (or at the top): read as steps or notes, remembered by its key. */
  private onTopList(list: List): void {
    if (this.mode === 'heading-steps') return this.onList(list, 'notes');
    if (this.mode === 'checkbox' && list.children.some(isTask)) return this.onList(list, 'tasks');
    this.listsInScope += 1;
    const path = this.headingPath();
    const key = listKey(path, this.listsInScope);
    const read =
      this.detailsDepth > 0
        ? { reading: 'notes' as const, reason: 'inside <details>, collapsed help' }
        : this.mode === 'checkbox'
          ? readListInTaskFile(list, this.scopeHasCheckbox)
          : readListInListMode(list, path);
    const choice = this.choices[key];
    const reading = choice ?? read.reading;
    const preview = list.children.slice(0, 3).map((item) => {
      const first = item.children[0];
      return first?.type === 'paragraph' ? readInline(first.children).plain : plainText(item).trim();
    });
    this.lists.push({
      key,
      line: startOf(list).line,
      reading,
      reason: choice !== undefined ? 'chosen in the import review' : read.reason,
      chosen: choice !== undefined,
      items: list.children.length,
      preview,
    });
    this.onList(list, reading);
  }

  /**
   * A list read as `steps` (every item a step, nested items sub-steps), `notes` (items are
   * notes of the step before; tasks nested in them are still steps) or `tasks` (task items
   * are steps, other items notes).
   */
  private onList(list: List, reading: ListReading | 'tasks', depth = 1): void {
    if (depth > IMPORT_LIMITS.maxDepth) return;
    for (const item of list.children) {
      const isStep = reading === 'steps' || (this.mode === 'checkbox' && (isTask(item) || this.isEmptyTaskLiteral(item)));
      if (isStep) {
        const index = this.addListItem(item, undefined, 1, reading === 'steps' ? 'steps' : 'notes');
        if (index !== undefined) this.notesTarget = index;
        continue;
      }
      const first = item.children[0];
      if (first?.type === 'paragraph' && this.notesTarget !== undefined) {
        const note = readInline(first.children).plain;
        if (note !== '') this.steps[this.notesTarget]!.notes.push(note);
      }
      for (const child of item.children) if (child.type === 'list') this.onList(child, reading, depth + 1);
    }
  }

  /** `- [ ] ` with nothing after it is not a GFM task; it is an empty one. */
  private isEmptyTaskLiteral(item: ListItem): boolean {
    const first = item.children[0];
    return !isTask(item) && first?.type === 'paragraph' && EMPTY_TASK.test(plainText(first).trim());
  }

  private onTable(table: Table): void {
    this.notesTarget = undefined;
    const column = checkboxColumn(table);
    if (column === undefined || !this.scopeHasCheckbox) return;
    const textColumn = column === 0 ? 1 : 0;
    for (const row of table.children.slice(1)) {
      const cell = row.children[textColumn];
      const inline = cell ? readInline(cell.children) : emptyInline();
      const cellStart = cell ? startOf(cell.children[0] ?? cell) : startOf(row);
      const index = this.makeStep(inline, startOf(row), cellStart, undefined);
      if (index === undefined) continue;
      row.children.forEach((other, i) => {
        if (i === column || i === textColumn) return;
        const note = readInline(other.children).plain;
        if (note !== '') this.steps[index]!.notes.push(note);
      });
      this.notesTarget = index;
    }
  }

  private onBlockquote(quote: Blockquote, depth: number): void {
    const target = this.notesTarget;
    const rationale = this.whyOf(quote);
    if (rationale !== undefined && target !== undefined) {
      this.addRationale(this.steps[target]!, rationale);
      return;
    }
    this.notesTarget = undefined;
    this.walk(quote.children, false, depth + 1);
  }

  private addRationale(step: StepDraft, rationale: InlineTree): void {
    step.rationale = step.rationale ? joinTrees([step.rationale, rationale], text(' ')) : rationale;
  }

  /** The rationale of a `> Why: ...` blockquote, or undefined for any other blockquote. */
  private whyOf(quote: Blockquote): InlineTree | undefined {
    if (!WHY.test(plainText(quote).trim())) return undefined;
    const tree = stripLeadingLabel(this.quoteTree(quote), WHY_LABEL);
    return tree && tree.length > 0 ? tree : undefined;
  }

  private quoteTree(quote: Blockquote): InlineTree {
    const parts = quote.children
      .map((child): InlineTree => (child.type === 'paragraph' ? readInline(child.children).tree : [text(plainText(child).trim())]))
      .filter((tree) => inlinePlain(tree).trim() !== '');
    return joinTrees(parts, text(' '));
  }

  // ---- steps ------------------------------------------------------------------

  /**
   * Adds a list item as a step; returns its index. Its nested lists are sub-steps (`nested:
   * 'steps'`, a list read as steps) or, under a task, notes with any tasks in them sub-steps.
   */
  private addListItem(item: ListItem, parent: number | undefined, depth: number, nested: ListReading): number | undefined {
    const at = startOf(item);
    if (depth > IMPORT_LIMITS.maxDepth) {
      this.errors.push(issueAt(this.file, at.line, at.col, `steps are nested more than ${IMPORT_LIMITS.maxDepth} levels deep`));
      return undefined;
    }
    const [first, ...rest] = item.children;
    let inline = emptyInline();
    let contentAt = this.contentStart(item);
    if (first?.type === 'paragraph' || first?.type === 'heading') {
      inline = readInline(first.children as PhrasingContent[]);
      contentAt = startOf(first);
      if (this.isEmptyTaskLiteral(item)) inline = emptyInline();
    } else if (first) rest.unshift(first);
    const index = this.makeStep(inline, at, contentAt, parent);
    if (index === undefined) return undefined;
    for (const block of rest) this.addBody(index, block, depth + 1, nested);
    return index;
  }

  /** Where a list item's text starts (after `- `, `1. `), for "step text is empty". */
  private contentStart(item: ListItem): { line: number; col: number } {
    const at = startOf(item);
    const offset = item.position?.start.offset ?? 0;
    const marker = /^(?:[-*+]|\d{1,9}[.)])[ \t]?/.exec(this.source.slice(offset, offset + 12));
    return { line: at.line, col: at.col + (marker ? marker[0].length : 0) };
  }

  /** Plain items of a list under a task (in a file of tasks): notes of the task, tasks in them sub-steps. */
  private addNotesList(index: number, list: List, depth: number): void {
    if (depth > IMPORT_LIMITS.maxDepth + 1) return;
    for (const item of list.children) {
      if (isTask(item) || this.isEmptyTaskLiteral(item)) {
        this.addListItem(item, index, depth, 'notes');
        continue;
      }
      const first = item.children[0];
      const note = first?.type === 'paragraph' ? readInline(first.children).plain : '';
      if (note !== '') this.steps[index]!.notes.push(note);
      for (const child of item.children) if (child.type === 'list') this.addNotesList(index, child, depth + 1);
    }
  }

  /** Content under a step: sub-steps, the `Why:` rationale, and notes. */
  private addBody(index: number, block: RootContent, childDepth: number, nested: ListReading = 'steps'): void {
    const step = this.steps[index]!;
    switch (block.type) {
      case 'list':
        if (nested === 'notes') this.addNotesList(index, block, childDepth);
        else for (const item of block.children) this.addListItem(item, index, childDepth, 'steps');
        return;
      case 'blockquote': {
        const rationale = this.whyOf(block);
        if (rationale !== undefined) this.addRationale(step, rationale);
        else {
          const note = inlinePlain(this.quoteTree(block));
          if (note !== '') step.notes.push(note);
        }
        return;
      }
      case 'paragraph':
      case 'heading': {
        const note = readInline(block.children).plain;
        if (note !== '') step.notes.push(note);
        return;
      }
      case 'code':
        if (block.value.trim() !== '') step.notes.push(block.value);
        return;
      case 'html':
        if (!isHtmlComment(block.value)) {
          const note = plainLabel(block.value);
          if (note !== '') step.notes.push(note);
        }
        return;
      case 'table':
        for (const row of block.children.slice(1)) {
          const cells = row.children.map((cell) => readInline(cell.children).plain).filter((t) => t !== '');
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
    if (inline.plain.trim() === '') {
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
      tree: inline.tree,
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
