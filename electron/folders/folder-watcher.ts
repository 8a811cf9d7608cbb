/**
 * One file-system watcher per library folder, telling the renderer (through
 * `onChange`) that a folder is worth re-scanning.
 *
 * A save in an editor or a `git pull` is a burst of events, so each folder's events
 * are debounced into one notification. Changes under hidden folders (.git) and
 * node_modules are ignored. Watching is best effort: an error is logged, never
 * thrown, and the renderer still re-scans when its window regains focus.
 */
import { watch as fsWatch } from 'node:fs';
import type { FSWatcher, WatchOptions } from 'node:fs';
import { isRelevantChange } from './folder-paths';

export const WATCH_DEBOUNCE_MS = 300;

type WatchListener = (eventType: string, filename: string | Buffer | null) => void;
/** The slice of `fs.watch` used, so tests can pass a fake. */
export type WatchFunction = (path: string, options: WatchOptions, listener: WatchListener) => FSWatcher;

export interface FolderWatcherDeps {
  onChange: (folderId: string) => void;
  watch?: WatchFunction;
  debounceMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface FolderWatchers {
  /** Starts watching `folder` (once: a second start for the same id is ignored); false when watching failed. */
  start(folder: { id: string; path: string }): boolean;
  stop(id: string): void;
  stopAll(): void;
  isWatching(id: string): boolean;
}

interface ActiveWatch {
  /** Set once fs.watch returned. */
  watcher?: FSWatcher;
  timer: ReturnType<typeof setTimeout> | null;
  /** Set by stop(): a pending notification is dropped. */
  stopped: boolean;
}

function isUnsupportedRecursion(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM';
}

/** Builds the set of watchers; `stopAll()` must run on quit. */
export function createFolderWatchers(deps: FolderWatcherDeps): FolderWatchers {
  const watch: WatchFunction = deps.watch ?? (fsWatch as unknown as WatchFunction);
  const debounceMs = deps.debounceMs ?? WATCH_DEBOUNCE_MS;
  const log = deps.log ?? ((message: string, error?: unknown) => console.warn(message, error ?? ''));
  const active = new Map<string, ActiveWatch>();
  /** Folders whose failure to watch was logged: start() is retried on every scan, the log line is not. */
  const reported = new Set<string>();

  function close(id: string, entry: ActiveWatch): void {
    try {
      entry.watcher?.close();
    } catch (error) {
      log(`Kata could not stop watching library folder ${id}`, error);
    }
  }

  function stop(id: string): void {
    const entry = active.get(id);
    if (!entry) return;
    active.delete(id);
    entry.stopped = true;
    if (entry.timer) clearTimeout(entry.timer);
    close(id, entry);
  }

  /** One notification after the last event of a burst. */
  function notifyLater(id: string, entry: ActiveWatch): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.stopped) return;
      try {
        deps.onChange(id);
      } catch (error) {
        log(`Kata could not report a change in library folder ${id}`, error);
      }
    }, debounceMs);
  }

  function open(folderPath: string, listener: WatchListener): FSWatcher {
    // persistent: false: a watcher alone must never keep the app running.
    try {
      return watch(folderPath, { recursive: true, persistent: false }, listener);
    } catch (error) {
      if (!isUnsupportedRecursion(error)) throw error;
      // Where recursion is unsupported, changes at the top level are still noticed; focus re-scans catch the rest.
      return watch(folderPath, { persistent: false }, listener);
    }
  }

  return {
    start(folder) {
      if (active.has(folder.id)) return true;
      const entry: ActiveWatch = { timer: null, stopped: false };
      let watcher: FSWatcher;
      try {
        watcher = open(folder.path, (_eventType, filename) => {
          if (isRelevantChange(filename === null ? null : String(filename))) notifyLater(folder.id, entry);
        });
      } catch (error) {
        if (!reported.has(folder.id)) {
          reported.add(folder.id);
          log(`Kata cannot watch library folder ${folder.path}; it re-scans when its window is focused`, error);
        }
        return false;
      }
      reported.delete(folder.id);
      entry.watcher = watcher;
      active.set(folder.id, entry);
      watcher.on('error', (error: unknown) => {
        // Typically the folder was deleted or unmounted: stop watching, and let a re-scan show it.
        log(`Kata stopped watching library folder ${folder.path}`, error);
        if (active.get(folder.id) === entry) active.delete(folder.id);
        close(folder.id, entry);
        notifyLater(folder.id, entry);
      });
      return true;
    },
    stop,
    stopAll() {
      for (const id of [...active.keys()]) stop(id);
    },
    isWatching: (id) => active.has(id),
  };
}
