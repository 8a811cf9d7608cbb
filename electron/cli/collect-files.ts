/** Expands the command line's files and folders into the importable files inside them. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Extensions Kata imports (formats.md). */
export const IMPORTABLE_EXTENSIONS = ['.md', '.markdown', '.mmd', '.mermaid', '.yaml', '.yml', '.json', '.csv'];

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
      } else if (entry.isFile() && IMPORTABLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) {
        found.push(path);
      }
    }
  }
  return found.sort();
}
