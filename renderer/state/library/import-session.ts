/**
 * The import session's data: one preview per file, and the pure rules the
 * library store applies to it (which files can be written, what a session's
 * outcome says). Nothing here touches storage.
 */
import type { ImportIssue, ListReading, PackRecord, PackSource } from '../../../shared/model';
import type { ListReadingInfo } from '../../../shared/import/markdown/list-reading';
import type { ImportDiff, ImportPlan } from '../../../shared/library/plan-import';

export type ImportPhase = 'reading' | 'parsing' | 'planning' | 'writing';

/** Where a long import is: file `index + 1` of `total`, and what is being done to it. */
export interface ImportProgress {
  phase: ImportPhase;
  /** 0-based. */
  index: number;
  total: number;
  fileName: string;
}

/**
 * - refused: could not be read (too large, unreadable); never parsed
 * - invalid: the parser reported errors; a file with errors imports nothing
 * - conflict: another file of this import is the same pack
 * - ready: planned, waiting for the person to confirm
 * - imported: written
 * - failed: writing failed; nothing of this pack was written (one transaction)
 */
export type FileStatus = 'refused' | 'invalid' | 'conflict' | 'ready' | 'imported' | 'failed';

export interface FilePreview {
  /** Unique within the session. */
  key: string;
  fileName: string;
  bytes: number;
  path?: string;
  /** The file's text, to show the line an error points at. */
  text?: string;
  status: FileStatus;
  /** Why a file was refused, why it conflicts, why writing failed, or that it changed since preview. */
  message?: string;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  source?: PackSource;
  plan?: ImportPlan;
  /** The stored pack this file re-imports, as it was when the preview was made. */
  previous?: PackRecord;
  /** The person asked to re-import this pack from the file (the pack's Re-import action). */
  reimportOf?: string;
  /** How each list of a Markdown checklist reads (steps or notes), for the review to show and flip. */
  lists?: ListReadingInfo[];
  /** The readings chosen for this file: from the stored pack on re-import, and flips made in the review. */
  listChoices?: Record<string, ListReading>;
}

export type SessionStage = 'preparing' | 'review' | 'writing';

export interface ImportSession {
  id: number;
  stage: SessionStage;
  files: FilePreview[];
  progress?: ImportProgress;
}

/** Files that a confirmation would write now (a write that failed may be tried again). */
export function confirmable(files: readonly FilePreview[]): FilePreview[] {
  return files.filter((file) => file.status === 'ready' || (file.status === 'failed' && file.plan !== undefined));
}

/** Files still waiting for a decision or a fix (a failed write can be tried again). */
export function awaitingDecision(files: readonly FilePreview[]): boolean {
  return files.some((file) => file.status === 'ready' || file.status === 'failed');
}

/**
 * What a diff would change, as a string: two plans with the same signature write
 * the same change, so a plan made again at confirmation may be written in place of
 * the previewed one; any other difference must be shown to the person first.
 */
export function diffSignature(diff: ImportDiff | null): string {
  if (!diff) return 'new';
  return JSON.stringify([
    diff.added.map((item) => item.id),
    diff.changed.map((change) => [change.after.id, change.after.text]),
    diff.retired.map((item) => item.id),
    diff.unchanged,
  ]);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The sentence shown once a session's writing is over. */
export function describeOutcome(files: readonly FilePreview[]): string {
  const imported = files.filter((file) => file.status === 'imported').length;
  const notImported = files.filter((file) => file.status !== 'imported').length;
  const parts = [`Imported ${plural(imported, 'pack')}.`];
  if (notImported > 0) parts.push(`${plural(notImported, 'file')} not imported.`);
  return parts.join(' ');
}

/**
 * What start-up says of an import that Kata closed in the middle of (its journal was left):
 * each file is in the library whole, or not at all.
 */
export function describeInterruptedImport(files: readonly { fileName: string; written: boolean }[]): string {
  const names = (list: readonly { fileName: string }[]): string => list.map((file) => file.fileName).join(', ');
  const written = files.filter((file) => file.written);
  const missing = files.filter((file) => !file.written);
  const parts = ['The last import was interrupted when Kata closed.'];
  if (written.length > 0) parts.push(`Imported in full: ${names(written)}.`);
  if (missing.length > 0) {
    parts.push(`Not imported (nothing of ${missing.length === 1 ? 'it' : 'them'} was saved): ${names(missing)}. Import ${missing.length === 1 ? 'it' : 'them'} again.`);
  }
  return parts.join(' ');
}
