/**
 * Which lists of a Markdown checklist are the procedure (README, "What Kata imports"):
 * in a file without task items, a list is read as steps unless it is plainly not a
 * procedure, and then it is read as notes. The person sees every reading in the import
 * review and may flip it; the flip is kept by the list's key (heading path + number).
 */
import type { List, ListItem } from 'mdast';
import type { ListReading } from '../../model';
import { plainText } from './mdast';

/** One list's reading, as the import review shows it. */
export interface ListReadingInfo {
  /** The heading path and the list's number under its heading: `Rollback › Impact #1`. */
  key: string;
  line: number;
  reading: ListReading;
  /** Why it reads so: "under “Impact”", "a numbered list", "chosen in the import review". */
  reason: string;
  /** True when the person's choice set it. */
  chosen: boolean;
  /** Top-level items of the list. */
  items: number;
  /** The first items' plain text. */
  preview: string[];
}

/** Headings whose lists describe rather than instruct. */
const NOTE_HEADING =
  /^(?:impact|notes?|background|references?|resources|links|useful links|see also|related(?: \w+)?|further reading|context|overview|summary|glossary|definitions|contacts?|owners?|ownership|people|stakeholders|changelog|change log|history|revision history|timeline|dates|faq|appendix|acknowledge?ments|credits|licen[cs]e|symptoms|signals|metrics|dashboards|tools|scope|goals?|non-goals|purpose|audience|roles(?: and responsibilities)?|severity(?: levels)?|contents|table of contents|known issues|limitations|assumptions|out of scope|release notes|what changed|changes|lessons learned|lessons|takeaways|retrospective|(?:\w+ )?templates?)$/i;

/** Headings that name a procedure: their lists are steps whatever their shape. */
const PROCEDURE_HEADING =
  /\b(?:steps?|procedures?|process|checklist|runbook|playbook|actions?|instructions|how to|rollback|roll back|mitigation|mitigate|remediation|remediate|contain|containment|eradicate|eradication|isolate|recovery|recover|response|respond|triage|diagnos[ei]s|diagnose|investigat(?:e|ion)|escalation|deploy(?:ment)?|release|rollout|upgrade|migration|restore|failover|verification|verify|cleanup|clean up|setup|set up|install(?:ation)?|before|after|during|then)\b/i;

/** A heading's words for the patterns: no emoji, numbering or trailing colon. */
export function headingWords(title: string): string {
  return title
    .replace(/[^\p{L}\p{N}\s'&/-]/gu, ' ')
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|step \d+:?|phase \d+:?)\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a heading names something lists under it only describe (Impact, Notes, References ...). */
export function isNoteHeading(title: string): boolean {
  return NOTE_HEADING.test(headingWords(title));
}

/** Whether a heading names a procedure (Steps, Rollback, Mitigation ...). */
export function isProcedureHeading(title: string): boolean {
  return PROCEDURE_HEADING.test(headingWords(title));
}

const DATE_START =
  /^\s*(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}|v?\d+\.\d+(?:\.\d+)?\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)/i;

const LABEL_VALUE = /^\s*[^:\n]{1,40}:\s+\S/;

function firstParagraph(item: ListItem) {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

/** An item that is a link, perhaps with a short description after it. */
function isLinkItem(item: ListItem): boolean {
  const paragraph = firstParagraph(item);
  const lead = paragraph?.children.find((child) => !(child.type === 'text' && child.value.trim() === ''));
  return lead?.type === 'link' || lead?.type === 'linkReference';
}

/** An item like `**Owner:** the SRE team`: a short label and its value. */
function isLabelValueItem(item: ListItem): boolean {
  const paragraph = firstParagraph(item);
  if (!paragraph) return false;
  const first = paragraph.children[0];
  const text = plainText(paragraph);
  if (first?.type === 'strong' || first?.type === 'emphasis') {
    const label = plainText(first).trim();
    const after = text.slice(plainText(first).length);
    return label.length <= 40 && (label.endsWith(':') || /^\s*:/.test(after)) && after.replace(/^\s*:/, '').trim() !== '';
  }
  return LABEL_VALUE.test(text) && !/^\s*\S+:\/\//.test(text);
}

const every = (list: List, test: (item: ListItem) => boolean): boolean => list.children.length > 0 && list.children.every(test);

/** The parser's reading of a list in a file without task items, with the reason shown for it. */
/** An item that is one word or name (`Makefile`, `src/app.src`). */
function isNameItem(item: ListItem): boolean {
  const text = plainText(item).trim();
  return text !== '' && !/\s/.test(text);
}

/** A list of one-word items, most of them file names or paths: it names things, it does not instruct. */
function isNameList(list: List): boolean {
  if (list.children.length < 2 || !every(list, isNameItem)) return false;
  const paths = list.children.filter((item) => /[./\\_]/.test(plainText(item)) || item.children[0]?.type === 'code').length;
  return paths * 2 >= list.children.length;
}

/**
 * The parser's reading of a list in a file without task items, with the reason shown for
 * it. In order: the list's own heading names notes or a procedure; the items are all links,
 * dates, single names or (two or more) "label: value" facts (notes); an enclosing heading
 * names notes or a procedure; a numbered list is steps; any other list is steps.
 */
export function readListInListMode(list: List, headingPath: readonly string[]): { reading: ListReading; reason: string } {
  const byHeading = (title: string): { reading: ListReading; reason: string } | undefined => {
    if (isNoteHeading(title)) return { reading: 'notes', reason: `under “${title}”` };
    if (isProcedureHeading(title)) return { reading: 'steps', reason: `under “${title}”, a procedure` };
    return undefined;
  };
  const own = headingPath[headingPath.length - 1];
  const first = own === undefined ? undefined : byHeading(own);
  if (first) return first;
  if (every(list, isLinkItem)) return { reading: 'notes', reason: 'a list of links' };
  if (every(list, (item) => DATE_START.test(plainText(item)))) return { reading: 'notes', reason: 'a list of dates' };
  if (isNameList(list)) return { reading: 'notes', reason: 'a list of file names' };
  if (list.children.length >= 2 && every(list, isLabelValueItem)) return { reading: 'notes', reason: 'a list of “label: value” facts' };
  for (let i = headingPath.length - 2; i >= 0; i--) {
    const enclosing = byHeading(headingPath[i]!);
    if (enclosing) return enclosing;
  }
  if (list.ordered) return { reading: 'steps', reason: 'a numbered list' };
  return { reading: 'steps', reason: 'a list' };
}

/** The reading of a list without tasks in a file with tasks: numbered lists where a section has no tasks are steps. */
export function readListInTaskFile(list: List, sectionHasTasks: boolean): { reading: ListReading; reason: string } {
  if (!sectionHasTasks && list.ordered) return { reading: 'steps', reason: 'a numbered list in a section without tasks' };
  return { reading: 'notes', reason: 'not tasks, in a file of task items' };
}

/** The key a list's reading is remembered by. */
export function listKey(headingPath: readonly string[], number: number): string {
  return `${headingPath.length > 0 ? headingPath.join(' › ') : '(before any heading)'} #${number}`;
}
