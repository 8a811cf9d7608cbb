/**
 * The library folders the person chose to watch, kept in
 * `<userData>/library-folders.json`.
 *
 * Invariants: each folder appears once (by its real path); ids are opaque tokens
 * that match the contract's folder-id schema, never paths; the file on disk is
 * always complete (written to a temp file, then renamed); mutations run one at a
 * time, so two quick adds cannot drop each other.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryFolderInfo } from '../../shared/ipc';

export const LIBRARY_FOLDERS_FILE = 'library-folders.json';
const FILE_VERSION = 1;
/** Mirrors the contract's folder id schema: what the registry hands out, checked again on load. */
const FOLDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface FolderRegistryDeps {
  /** The JSON file, e.g. `<userData>/library-folders.json`; created on first add. */
  file: string;
  now?: () => number;
  newId?: () => string;
  log?: (message: string, error?: unknown) => void;
}

export interface FolderRegistry {
  /** In the order they were added. */
  list(): Promise<LibraryFolderInfo[]>;
  get(id: string): Promise<LibraryFolderInfo | undefined>;
  /** Registers `folderPath` (absolute, already resolved); a folder added before is returned as it was. */
  add(folderPath: string): Promise<{ folder: LibraryFolderInfo; added: boolean }>;
  /** False when no folder had that id. */
  remove(id: string): Promise<boolean>;
}

function isFolderInfo(value: unknown): value is LibraryFolderInfo {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' &&
    FOLDER_ID.test(entry.id) &&
    typeof entry.path === 'string' &&
    path.isAbsolute(entry.path) &&
    typeof entry.name === 'string' &&
    typeof entry.addedAt === 'number' &&
    Number.isFinite(entry.addedAt)
  );
}

/** The folders in a registry file's text; entries that are not well-formed are dropped. */
export function parseRegistryText(text: string): LibraryFolderInfo[] {
  const data = JSON.parse(text) as unknown;
  const entries = typeof data === 'object' && data !== null ? (data as { folders?: unknown }).folders : undefined;
  if (!Array.isArray(entries)) return [];
  const seen = new Set<string>();
  return entries.filter(isFolderInfo).filter((folder) => !seen.has(folder.id) && seen.add(folder.id));
}

/** Builds the registry over one JSON file. */
export function createFolderRegistry(deps: FolderRegistryDeps): FolderRegistry {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => randomBytes(8).toString('hex'));
  const log = deps.log ?? ((message: string, error?: unknown) => console.warn(message, error ?? ''));
  let folders: LibraryFolderInfo[] | null = null;
  let pending: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every earlier one, whatever became of them. */
  function serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = pending.then(task, task);
    pending = run.catch(() => undefined);
    return run;
  }

  async function load(): Promise<LibraryFolderInfo[]> {
    if (folders) return folders;
    try {
      folders = parseRegistryText(await readFile(deps.file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        // A broken file must not stop the app: start empty, and say so in the log.
        log(`Kata could not read ${deps.file}; starting with no library folders.`, error);
      }
      folders = [];
    }
    return folders;
  }

  async function save(next: LibraryFolderInfo[]): Promise<void> {
    await mkdir(path.dirname(deps.file), { recursive: true });
    const temp = `${deps.file}.${randomBytes(6).toString('hex')}.tmp`;
    const text = `${JSON.stringify({ version: FILE_VERSION, folders: next }, null, 2)}\n`;
    try {
      await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
      await rename(temp, deps.file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    folders = next;
  }

  return {
    list: () => serialize(async () => [...(await load())]),
    get: (id) => serialize(async () => (await load()).find((folder) => folder.id === id)),
    add: (folderPath) =>
      serialize(async () => {
        const current = await load();
        const existing = current.find((folder) => folder.path === folderPath);
        if (existing) return { folder: existing, added: false };
        let id = newId();
        while (current.some((folder) => folder.id === id)) id = newId();
        const folder: LibraryFolderInfo = { id, path: folderPath, name: path.basename(folderPath) || folderPath, addedAt: now() };
        await save([...current, folder]);
        return { folder, added: true };
      }),
    remove: (id) =>
      serialize(async () => {
        const current = await load();
        const next = current.filter((folder) => folder.id !== id);
        if (next.length === current.length) return false;
        await save(next);
        return true;
      }),
  };
}
