/**
 * Where each file of a library folder stands against the library: never imported,
 * imported and unchanged, or changed since its import. Pure: the panel shows it,
 * the hook decides with it.
 */
import type { PackRecord } from '../../../../shared/model';
import type { LibraryFolderFile } from '../../../platform/platform';

export type FolderFileStatus = 'not-imported' | 'up-to-date' | 'changed' | 'unreadable';

export interface FolderFileView {
  file: LibraryFolderFile;
  status: FolderFileStatus;
  /** The pack imported from this file, when there is one. */
  pack?: PackRecord;
}

/** What each status reads as: the words carry the meaning, never the colour alone. */
export const FOLDER_FILE_STATUS_LABELS: Record<FolderFileStatus, string> = {
  'not-imported': 'not imported',
  'up-to-date': 'up to date',
  changed: 'changed — review re-import',
  unreadable: 'cannot be imported',
};

/** The pack for each source path; an active pack wins over an archived one from the same file. */
export function packsBySourcePath(packs: readonly PackRecord[]): Map<string, PackRecord> {
  const byPath = new Map<string, PackRecord>();
  for (const pack of packs) {
    if (!pack.sourcePath) continue;
    const current = byPath.get(pack.sourcePath);
    if (!current || (current.status !== 'active' && pack.status === 'active')) byPath.set(pack.sourcePath, pack);
  }
  return byPath;
}

/**
 * A file's status: a pack whose sourcePath is the file's path is "up to date" when
 * its sourceHash equals the file's hash and "changed" otherwise; no such pack is
 * "not imported"; a file Kata could not read is "unreadable" whatever the packs say.
 */
export function folderFileStatus(file: LibraryFolderFile, byPath: ReadonlyMap<string, PackRecord>): FolderFileView {
  const pack = byPath.get(file.path);
  const withPack = pack ? { pack } : {};
  if (file.error !== undefined || file.hash === undefined) return { file, status: 'unreadable', ...withPack };
  if (!pack) return { file, status: 'not-imported' };
  return { file, status: pack.sourceHash === file.hash ? 'up-to-date' : 'changed', pack };
}

export type FolderFileCounts = Record<FolderFileStatus, number>;

/** How many files of each status. */
export function countStatuses(views: readonly FolderFileView[]): FolderFileCounts {
  const counts: FolderFileCounts = { 'not-imported': 0, 'up-to-date': 0, changed: 0, unreadable: 0 };
  for (const view of views) counts[view.status]++;
  return counts;
}

/** "12 files: 3 not imported, 1 changed", leaving out statuses no file has. */
export function describeCounts(total: number, counts: FolderFileCounts): string {
  if (total === 0) return 'No files Kata can import.';
  const parts = (['not-imported', 'changed', 'up-to-date', 'unreadable'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${status === 'changed' ? 'changed' : FOLDER_FILE_STATUS_LABELS[status]}`);
  return `${total} ${total === 1 ? 'file' : 'files'}: ${parts.join(', ')}.`;
}
