/**
 * Lists the importable files of a library folder with a fingerprint of each, so
 * the renderer can tell which files changed since their last import.
 *
 * Bounded on purpose: a person may add a huge folder (their home, a monorepo), so
 * the walk stops at a depth, a number of entries and a number of files, and says
 * it did (`truncated`). It never follows symbolic links, so it cannot loop or leave
 * the folder; hashes are cached by size and modification time between scans.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isImportableFileName } from '../../shared/import/importable-files';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc';
import type { LibraryFolderFile } from '../../shared/ipc';
import { hashText } from '../../shared/hash';
import { tooLargeMessage } from '../handlers/pick-import-files';
import { isSkippedFolderName } from './folder-paths';

export interface FolderScanLimits {
  /** Deepest folder entered; the folder itself is depth 0. */
  maxDepth: number;
  /** Most files listed. */
  maxFiles: number;
  /** Most directory entries looked at, files and folders alike. */
  maxEntries: number;
  /** Largest file hashed; bigger ones are listed with an error. */
  maxFileBytes: number;
}

export const FOLDER_SCAN_LIMITS: FolderScanLimits = {
  maxDepth: 12,
  maxFiles: 2_000,
  maxEntries: 50_000,
  maxFileBytes: MAX_IMPORT_FILE_BYTES,
};

/** Fingerprints of earlier scans, by absolute path; valid while size and mtime are unchanged. */
export type HashCache = Map<string, { bytes: number; mtimeMs: number; hash: string }>;

export interface FolderScanResult {
  files: LibraryFolderFile[];
  truncated: boolean;
}

/** How many files are read at once while hashing. */
const READ_CONCURRENCY = 8;

/** Finds the importable files under `root` (relative paths, sorted), within the limits. */
async function walk(root: string, limits: FolderScanLimits): Promise<{ relativePaths: string[]; truncated: boolean }> {
  const found: string[] = [];
  let entries = 0;
  let truncated = false;
  // Breadth first: when a limit cuts the walk, the files near the top are the ones listed.
  let level: string[][] = [[]];
  for (let depth = 0; level.length > 0; depth++) {
    const next: string[][] = [];
    for (const segments of level) {
      let dirents;
      try {
        dirents = await readdir(path.join(root, ...segments), { withFileTypes: true });
      } catch (error) {
        // The folder itself must be readable; a sub-folder that is not is just skipped.
        if (segments.length === 0) throw error;
        continue;
      }
      dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const dirent of dirents) {
        if (++entries > limits.maxEntries) return { relativePaths: found, truncated: true };
        // Dirent types come from lstat: a symbolic link is neither a file nor a directory here.
        if (dirent.isDirectory()) {
          if (isSkippedFolderName(dirent.name)) continue;
          if (depth + 1 > limits.maxDepth) truncated = true;
          else next.push([...segments, dirent.name]);
        } else if (dirent.isFile() && isImportableFileName(dirent.name)) {
          if (found.length >= limits.maxFiles) return { relativePaths: found, truncated: true };
          found.push([...segments, dirent.name].join('/'));
        }
      }
    }
    level = next;
  }
  return { relativePaths: found, truncated };
}

async function describeFile(
  root: string,
  relativePath: string,
  limits: FolderScanLimits,
  previous: HashCache | undefined,
  next: HashCache,
): Promise<LibraryFolderFile> {
  const filePath = path.join(root, ...relativePath.split('/'));
  const name = path.basename(filePath);
  let bytes = 0;
  let mtimeMs = 0;
  try {
    const info = await stat(filePath);
    bytes = info.size;
    mtimeMs = info.mtimeMs;
    const base = { relativePath, path: filePath, bytes, mtimeMs };
    if (bytes > limits.maxFileBytes) return { ...base, error: tooLargeMessage(name, bytes) };
    const cached = previous?.get(filePath);
    if (cached && cached.bytes === bytes && cached.mtimeMs === mtimeMs) {
      next.set(filePath, cached);
      return { ...base, hash: cached.hash };
    }
    const buffer = await readFile(filePath);
    // A NUL byte never occurs in the text formats Kata reads: this is a binary file.
    if (buffer.includes(0)) return { ...base, error: `${name} is not a text file` };
    // Hashed exactly as the import hashes the text readLibraryFile returns.
    const hash = hashText(buffer.toString('utf8'));
    next.set(filePath, { bytes, mtimeMs, hash });
    return { ...base, bytes: buffer.byteLength, hash };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    return { relativePath, path: filePath, bytes, mtimeMs, error: `${name} could not be read (${reason})` };
  }
}

/**
 * Scans `root` (an absolute folder path). Rejects only when the folder itself cannot
 * be read; a file that cannot be read is listed with its `error`. `cache` is read for
 * unchanged files and replaced by the fingerprints of this scan.
 */
export async function scanFolder(
  root: string,
  options: { limits?: Partial<FolderScanLimits>; cache?: { current?: HashCache } } = {},
): Promise<FolderScanResult> {
  const limits = { ...FOLDER_SCAN_LIMITS, ...options.limits };
  const { relativePaths, truncated } = await walk(root, limits);
  const previous = options.cache?.current;
  const next: HashCache = new Map();
  const files: LibraryFolderFile[] = new Array<LibraryFolderFile>(relativePaths.length);
  let cursor = 0;
  async function worker(): Promise<void> {
    while (cursor < relativePaths.length) {
      const index = cursor++;
      files[index] = await describeFile(root, relativePaths[index]!, limits, previous, next);
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, relativePaths.length) }, worker));
  if (options.cache) options.cache.current = next;
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { files, truncated };
}
