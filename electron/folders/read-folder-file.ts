/**
 * Reads one file of a library folder for import. The renderer names the file by
 * its path relative to the folder, so this is where "only files inside a folder
 * the person chose" is enforced:
 *
 * - the relative path must be relative, without `.`/`..`/empty segments, outside
 *   hidden folders and node_modules, with an importable extension;
 * - its real path (symbolic links resolved) must stay inside the folder's real
 *   path and still have an importable extension;
 * - the file is opened without following a last-moment link, checked to be a
 *   regular file within the size limit, and refused if binary.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isImportableFileName } from '../../shared/import/importable-files';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc';
import type { LibraryFileText } from '../../shared/ipc';
import { tooLargeMessage } from '../handlers/pick-import-files';
import { isSkippedFolderName, pathSegments } from './folder-paths';

/** A refused or failed read; the message is safe to show (it names only the relative path). */
export class FolderFileError extends Error {
  override name = 'FolderFileError';
}

function refuse(relativePath: string, why: string): never {
  throw new FolderFileError(`Kata will not read ${JSON.stringify(relativePath)}: ${why}`);
}

/** The checked segments of `relativePath`; throws FolderFileError when it could leave the folder. */
export function checkRelativePath(relativePath: string): string[] {
  if (relativePath.length === 0) refuse(relativePath, 'the path is empty');
  if (relativePath.includes('\0')) refuse(relativePath, 'the path contains a NUL byte');
  if (path.posix.isAbsolute(relativePath) || path.win32.isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath)) {
    refuse(relativePath, 'the path is absolute');
  }
  const segments = pathSegments(relativePath);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    refuse(relativePath, 'the path must name a file inside the folder');
  }
  if (segments.slice(0, -1).some(isSkippedFolderName)) refuse(relativePath, 'Kata does not list files in hidden folders');
  if (!isImportableFileName(segments.at(-1) ?? '')) refuse(relativePath, 'it is not a file Kata imports');
  return segments;
}

/** True when `target` is `root` itself or lies below it (both absolute and resolved). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Reads `relativePath` inside the folder at `root`; throws FolderFileError when refused or unreadable. */
export async function readFolderFile(
  root: string,
  relativePath: string,
  maxBytes: number = MAX_IMPORT_FILE_BYTES,
): Promise<LibraryFileText> {
  const segments = checkRelativePath(relativePath);
  const listedPath = path.join(root, ...segments);
  const name = path.basename(listedPath);

  let realRoot: string;
  let realTarget: string;
  try {
    realRoot = await realpath(root);
  } catch (error) {
    throw new FolderFileError(`The library folder ${root} cannot be read (${codeOf(error)})`, { cause: error });
  }
  try {
    realTarget = await realpath(listedPath);
  } catch (error) {
    throw new FolderFileError(`${relativePath} could not be read (${codeOf(error)})`, { cause: error });
  }
  if (!isInside(realRoot, realTarget)) refuse(relativePath, 'it links to a file outside the folder');
  if (!isImportableFileName(realTarget)) refuse(relativePath, 'it links to a file Kata does not import');

  // O_NOFOLLOW: had the real path been swapped for a link since realpath(), opening fails.
  const handle = await open(realTarget, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch((error: unknown) => {
    throw new FolderFileError(`${relativePath} could not be read (${codeOf(error)})`, { cause: error });
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) refuse(relativePath, 'it is not a file');
    if (info.size > maxBytes) throw new FolderFileError(tooLargeMessage(name, info.size));
    const buffer = await handle.readFile();
    if (buffer.byteLength > maxBytes) throw new FolderFileError(tooLargeMessage(name, buffer.byteLength));
    if (buffer.includes(0)) throw new FolderFileError(`${name} is not a text file`);
    return { name, path: listedPath, bytes: buffer.byteLength, text: buffer.toString('utf8') };
  } finally {
    await handle.close();
  }
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
}
