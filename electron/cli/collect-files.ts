/** Expands the command line's files and folders into the importable files inside them. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORTABLE_EXTENSIONS, isImportableFileName } from '../../shared/import/importable-files';

// Kept exported here for callers of the CLI module; the list itself lives in shared/.
export { IMPORTABLE_EXTENSIONS };

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build']);

export interface CollectedFiles {
  files: string[];
  missing: string[];
}

/** Files named directly are kept whatever their extension; folders contribute their importable files, sorted. */
export function collectFiles(paths: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      missing.push(path);
      continue;
    }
    if (isFolder) files.push(...walk(path));
    else files.push(path);
  }
  return { files, missing };
}

function walk(folder: string): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) pending.push(path);
      } else if (entry.isFile() && isImportableFileName(entry.name)) {
        found.push(path);
      }
    }
  }
  return found.sort();
}
