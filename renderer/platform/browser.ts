/**
 * The Platform in a plain browser (the web build, and e2e tests in Chromium):
 * a hidden file input to import, a Blob download to save, and backups kept in
 * IndexedDB through the backups repository.
 */
import type { BackupInfo } from '../../shared/model';
import { IMPORT_LIMITS } from '../../shared/import/limits';
import { formatBytes } from './format-bytes';
import { IMPORT_ACCEPT } from './import-formats';
import type { BackupText, BackupsLocation, FileSink, ImportFile, Platform, PlatformAppInfo } from './platform';
import type { StorageManagerLike } from './storage-status';
import { createPlatformStorage } from './storage-status';

/** What the browser adapter needs from storage (the backups repository fits; opfs-backups.ts streams). */
export interface BackupStore {
  write(name: string, text: string): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  read(id: string): Promise<BackupText>;
  remove?(id: string): Promise<void>;
  /** A backup written in pieces; without it, the pieces are gathered and written at close. */
  openWrite?(name: string): Promise<FileSink<BackupInfo>>;
  /** A backup read in pieces; without it, read whole. */
  chunks?(id: string): AsyncIterable<string>;
  /** Where the backups are now (OPFS, or the database where OPFS is missing). */
  location?(): Promise<BackupsLocation>;
}

export interface BrowserPlatformOptions {
  backups: BackupStore;
  name: string;
  version: string;
  /** Injected by tests; the page's own document otherwise. */
  document?: Document;
  maxFileBytes?: number;
  /** Injected by tests; the page's navigator.storage otherwise. */
  storage?: StorageManagerLike;
}

/** Read one chosen file, refusing it (with a reason) when it is too large or unreadable. */
export async function readImportFile(file: File, maxBytes: number = IMPORT_LIMITS.maxFileBytes): Promise<ImportFile> {
  if (file.size > maxBytes) {
    return {
      name: file.name,
      bytes: file.size,
      error: `${file.name} is ${formatBytes(file.size)}; Kata imports files up to ${formatBytes(maxBytes)}.`,
    };
  }
  try {
    return { name: file.name, bytes: file.size, text: await file.text() };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { name: file.name, bytes: file.size, error: `${file.name} could not be read: ${reason}` };
  }
}

/** Browser name and version from the user agent, for "App info" only (never for behaviour). */
export function describeBrowser(userAgent: string): PlatformAppInfo['runtimes'] {
  const chromium = /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/.exec(userAgent);
  if (chromium) return [{ name: 'Chromium', version: chromium[1]! }];
  const firefox = /Firefox\/([\d.]+)/.exec(userAgent);
  if (firefox) return [{ name: 'Firefox', version: firefox[1]! }];
  return [{ name: 'Browser', version: userAgent || 'unknown' }];
}

function mimeTypeFor(fileName: string): string {
  if (fileName.endsWith('.json')) return 'application/json';
  if (fileName.endsWith('.csv')) return 'text/csv';
  if (fileName.endsWith('.ndjson')) return 'application/x-ndjson';
  return 'text/plain';
}

/** Long enough for the download to start; object URLs otherwise live as long as the page. */
const REVOKE_DOWNLOAD_URL_AFTER_MS = 60_000;

/** Offers `parts` as a download named `suggestedName` (a hidden link clicked, its URL revoked later). */
function offerDownload(view: Window & typeof globalThis, suggestedName: string, parts: BlobPart[]): void {
  const doc = view.document;
  const url = view.URL.createObjectURL(new Blob(parts, { type: mimeTypeFor(suggestedName) }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_DOWNLOAD_URL_AFTER_MS);
}

export function createBrowserPlatform(options: BrowserPlatformOptions): Platform {
  const maxFileBytes = options.maxFileBytes ?? IMPORT_LIMITS.maxFileBytes;
  const doc = (): Document => options.document ?? document;

  return {
    kind: 'browser',
    supportsFolders: false,
    storage: createPlatformStorage({ manager: () => options.storage ?? doc().defaultView?.navigator.storage, alwaysPersisted: false }),

    async appInfo() {
      const nav = doc().defaultView?.navigator;
      return {
        name: options.name,
        version: options.version,
        platform: `Web browser${nav?.platform ? ` (${nav.platform})` : ''}`,
        runtimes: describeBrowser(nav?.userAgent ?? ''),
      };
    },

    pickImportFiles() {
      const input = doc().createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.accept = IMPORT_ACCEPT;
      input.hidden = true;
      input.setAttribute('aria-hidden', 'true');
      input.tabIndex = -1;
      doc().body.append(input);
      return new Promise<ImportFile[]>((resolve, reject) => {
        let settled = false;
        const finish = (files: File[]): void => {
          if (settled) return;
          settled = true;
          input.remove();
          Promise.all(files.map((file) => readImportFile(file, maxFileBytes))).then(resolve, reject);
        };
        input.addEventListener('change', () => finish(Array.from(input.files ?? [])));
        // Chromium fires `cancel` when the chooser is dismissed; without it the promise just stays open.
        input.addEventListener('cancel', () => finish([]));
        // Synchronous on purpose: the browser opens the chooser only within the user's gesture.
        input.click();
      });
    },

    async saveTextFile(suggestedName, text) {
      const view = doc().defaultView;
      if (!view) return { saved: false };
      offerDownload(view, suggestedName, [text]);
      // The browser does not tell whether the person kept the download; it was offered.
      return { saved: true };
    },

    backupsLocation: async () => (await options.backups.location?.()) ?? 'browser-database',
    async saveFileStream(suggestedName) {
      const view = doc().defaultView;
      if (!view) return null;
      // Each piece becomes a Blob at once: the browser may keep large ones on disk, not in the heap.
      const parts: Blob[] = [];
      return {
        write: async (chunk) => void parts.push(new Blob([chunk])),
        close: async () => {
          offerDownload(view, suggestedName, parts);
          return { saved: true };
        },
        abort: async () => void parts.splice(0),
      };
    },
    async backupStream(name) {
      const store = options.backups;
      if (store.openWrite) return store.openWrite(name);
      let text = '';
      return { write: async (chunk) => void (text += chunk), close: () => store.write(name, text), abort: async () => undefined };
    },
    async *readBackupChunks(id) {
      const store = options.backups;
      if (store.chunks) yield* store.chunks(id);
      else yield (await store.read(id)).text;
    },
    async removeBackup(id) {
      if (!options.backups.remove) throw new Error('backups cannot be deleted here');
      await options.backups.remove(id);
    },
    writeBackup: (name, text) => options.backups.write(name, text),
    async listBackups() {
      const backups = await options.backups.list();
      return [...backups].sort((a, b) => b.createdAt - a.createdAt);
    },
    readBackup: (id) => options.backups.read(id),
  };
}
