/**
 * Library folders as one service for the IPC handlers and main.ts: the registry of
 * chosen folders, their scans, reads inside them, and a watcher per folder.
 *
 * Invariant: every path this service reads is inside a folder of the registry, and
 * a folder enters the registry only through `add`, which the handlers call with the
 * folder the person picked in the native dialog.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryFileText, LibraryFolderInfo, LibraryFolderScan } from '../../shared/ipc';
import { createFolderRegistry } from './folder-registry';
import { createFolderWatchers } from './folder-watcher';
import type { WatchFunction } from './folder-watcher';
import { readFolderFile } from './read-folder-file';
import { scanFolder } from './scan-folder';
import type { FolderScanLimits, HashCache } from './scan-folder';

export interface LibraryFoldersDeps {
  /** The registry file, `<userData>/library-folders.json`. */
  file: string;
  /** Called (debounced) when a watched folder changed on disk. */
  onChange: (folderId: string) => void;
  watch?: WatchFunction;
  debounceMs?: number;
  limits?: Partial<FolderScanLimits>;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export interface LibraryFolders {
  list(): Promise<LibraryFolderInfo[]>;
  /** Registers (and starts watching) the folder at `chosenPath`; adding one twice returns the first. */
  add(chosenPath: string): Promise<LibraryFolderInfo>;
  /** Stops watching and forgets the folder; its files stay where they are. */
  remove(id: string): Promise<boolean>;
  scan(id: string): Promise<LibraryFolderScan>;
  read(folderId: string, relativePath: string): Promise<LibraryFileText>;
  /** Starts a watcher for every registered folder (on app ready). */
  watchAll(): Promise<void>;
  /** Stops every watcher (on quit). */
  close(): void;
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
}

/** Builds the service; nothing is read or watched until a method is called. */
export function createLibraryFolders(deps: LibraryFoldersDeps): LibraryFolders {
  const log = deps.log ?? ((message: string, error?: unknown) => console.warn(message, error ?? ''));
  const registry = createFolderRegistry({ file: deps.file, log, ...(deps.now ? { now: deps.now } : {}) });
  const watchers = createFolderWatchers({
    onChange: deps.onChange,
    log,
    ...(deps.watch ? { watch: deps.watch } : {}),
    ...(deps.debounceMs !== undefined ? { debounceMs: deps.debounceMs } : {}),
  });
  const hashCaches = new Map<string, { current?: HashCache }>();

  async function folderById(id: string): Promise<LibraryFolderInfo> {
    const folder = await registry.get(id);
    if (!folder) throw new Error(`unknown library folder: ${id}`);
    return folder;
  }

  return {
    list: () => registry.list(),

    async add(chosenPath) {
      let resolved: string;
      try {
        resolved = await realpath(path.resolve(chosenPath));
        if (!(await stat(resolved)).isDirectory()) throw new Error(`${chosenPath} is not a folder`);
      } catch (error) {
        if (error instanceof Error && !('code' in error)) throw error;
        throw new Error(`${chosenPath} cannot be read (${codeOf(error)})`, { cause: error });
      }
      // Watching a whole drive would flood the app and scan nothing useful within the limits.
      if (path.parse(resolved).root === resolved) throw new Error(`Choose a folder inside ${resolved}, not the whole drive`);
      const { folder } = await registry.add(resolved);
      watchers.start(folder);
      return folder;
    },

    async remove(id) {
      watchers.stop(id);
      hashCaches.delete(id);
      return registry.remove(id);
    },

    async scan(id) {
      const folder = await folderById(id);
      let cache = hashCaches.get(id);
      if (!cache) hashCaches.set(id, (cache = {}));
      try {
        const { files, truncated } = await scanFolder(folder.path, {
          cache,
          ...(deps.limits ? { limits: deps.limits } : {}),
        });
        // A folder that came back (remounted, restored) is watched again.
        watchers.start(folder);
        return { folder, files, truncated };
      } catch (error) {
        return { folder, files: [], truncated: false, error: `${folder.path} cannot be read (${codeOf(error)})` };
      }
    },

    async read(folderId, relativePath) {
      const folder = await folderById(folderId);
      return readFolderFile(folder.path, relativePath);
    },

    async watchAll() {
      for (const folder of await registry.list()) watchers.start(folder);
    },

    close() {
      watchers.stopAll();
    },
  };
}
