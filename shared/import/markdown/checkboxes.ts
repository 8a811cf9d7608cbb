/**
 * Checkbox marks outside task lists: table cells (`| ☐ |`) and heading prefixes
 * (`## ✅ 1. Check Pod status`) both mark a step.
 */
import type { Heading, Table } from 'mdast';
import { plainText } from './mdast';

/** Marks that make a table cell a checkbox (the checkbox state is ignored, as for tasks). */
const CHECK_MARKS = new Set(['☐', '☑', '☑️', '☒', '✅', '✔', '✔️', '✓', '⬜', '🔲', '[ ]', '[x]', '[X]']);

/** Whether a cell's text is a checkbox mark. */
export function isCheckMark(text: string): boolean {
  return CHECK_MARKS.has(text.trim());
}

/**
 * The checkbox column of a table: every body cell in it is a mark or empty, at
 * least one is a mark, and some other column holds text. undefined when none.
 */
export function checkboxColumn(table: Table): number | undefined {
  const body = table.children.slice(1);
  if (body.length === 0) return undefined;
  const width = Math.max(...table.children.map((row) => row.children.length));
  for (let column = 0; column < width; column++) {
    let marks = 0;
    let other = false;
    for (const row of body) {
      const cell = row.children[column];
      const text = cell ? plainText(cell).trim() : '';
      if (text === '') continue;
      if (isCheckMark(text)) marks += 1;
      else other = true;
    }
    if (marks > 0 && !other && width > 1) return column;
  }
  return undefined;
}

/** A heading that starts with a checkbox mark, e.g. `✅ 1. Check logs`; the prefix (mark and numbering) to remove. */
export const STEP_HEADING_PREFIX = /^\s*(?:✅|☑️?|☐|☒|✔️?|✓|⬜|🔲|\[[ xX]\])\s*(?:\d{1,3}[.)]\s+)?/u;

/** Whether a heading marks a step (`## ✅ 2. Check logs`). */
export function isStepHeading(heading: Heading): boolean {
  const text = plainText(heading);
  const prefix = STEP_HEADING_PREFIX.exec(text);
  return prefix !== null && text.slice(prefix[0].length).trim() !== '';
}
