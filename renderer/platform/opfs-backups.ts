/**
 * The browser build's backups in the Origin Private File System: outside the collection's own
 * IndexedDB database, so a broken or deleted database is never the only copy, and written in
 * pieces (a full backup is a collection export). Where OPFS is missing (an old browser, some
 * private windows) the store falls back to the IndexedDB backups repository and says so.
 *
 * Invariants: an id is a bare file name (`1733300000000-1a2b3c4d-name.ndjson`, shared/ipc.ts's
 * backup id pattern) whose first part is its time; a backup appears under its id only once whole
 * (written under `<id>.tmp`, then moved); `.tmp` files are never listed and are swept on listing.
 */
import type { BackupInfo } from '../../shared/model';
import type { BackupStore } from './browser';
import type { BackupText, FileSink } from './platform';
import { blobTextChunks } from './blob-text';

const DIR = 'kata-backups';
const SUFFIX = '.ndjson';
const TEMP = '.tmp';
const ID = /^(\d{13})-([0-9a-f]{8})-([A-Za-z0-9._-]{1,80})\.ndjson$/;

/** The name's file-safe form ("Before restore!" -> "Before-restore"). */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80) || 'backup';
}

function parseId(id: string): { createdAt: number; name: string } | null {
  const match = ID.exec(id);
  return match ? { createdAt: Number(match[1]), name: match[3]! } : null;
}

/** The part of the File System Access API used here (typed by shape: lib.dom's differs by version). */
interface WritableLike {
  write(data: string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
interface FileHandleLike {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<WritableLike>;
  move?(name: string): Promise<void>;
}
interface DirectoryLike {
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryLike>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string): Promise<void>;
  values(): AsyncIterable<{ kind: string; name: string }>;
}

export interface OpfsStorage {
  getDirectory(): Promise<unknown>;
}

/** Backups in OPFS when `storage` offers it, else in `fallback` (the IndexedDB repository). */
export function createOpfsBackupStore(storage: OpfsStorage | undefined, fallback: BackupStore, now: () => number = Date.now): BackupStore & { location(): Promise<'browser-files' | 'browser-database'> } {
  let dirPromise: Promise<DirectoryLike | null> | undefined;
  const dir = (): Promise<DirectoryLike | null> =>
    (dirPromise ??= (async () => {
      try {
        if (!storage?.getDirectory) return null;
        const root = (await storage.getDirectory()) as DirectoryLike;
        return await root.getDirectoryHandle(DIR, { create: true });
      } catch {
        return null;
      }
    })());

  async function openWrite(name: string): Promise<FileSink<BackupInfo>> {
    const folder = await dir();
    if (!folder) {
      // IndexedDB holds a backup as one record: gathered, then written in one transaction.
      let text = '';
      return { write: async (chunk) => void (text += chunk), close: () => fallback.write(name, text), abort: async () => undefined };
    }
    const createdAt = now();
    const id = `${createdAt}-${crypto.randomUUID().slice(0, 8)}-${safeName(name)}${SUFFIX}`;
    const handle = await folder.getFileHandle(`${id}${TEMP}`, { create: true });
    const writable = await handle.createWritable();
    let bytes = 0;
    const encoder = new TextEncoder();
    return {
      async write(chunk) {
        bytes += encoder.encode(chunk).byteLength;
        await writable.write(chunk);
      },
      async close() {
        await writable.close();
        if (handle.move) await handle.move(id);
        else {
          // No move(): copy into place (the temp stays until the sweep).
          const target = await (await folder.getFileHandle(id, { create: true })).createWritable();
          await target.write(await (await handle.getFile()).text());
          await target.close();
        }
        await folder.removeEntry(`${id}${TEMP}`).catch(() => undefined);
        return { id, name: parseId(id)?.name ?? safeName(name), createdAt, bytes };
      },
      async abort() {
        await writable.abort().catch(() => undefined);
        await folder.removeEntry(`${id}${TEMP}`).catch(() => undefined);
      },
    };
  }

  async function fileOf(id: string): Promise<File | null> {
    const folder = await dir();
    if (!folder || !parseId(id)) return null;
    try {
      return await (await folder.getFileHandle(id)).getFile();
    } catch {
      return null;
    }
  }

  return {
    location: async () => ((await dir()) ? 'browser-files' : 'browser-database'),
    async write(name, text) {
      const sink = await openWrite(name);
      await sink.write(text);
      return sink.close();
    },
    openWrite,
    async list() {
      const folder = await dir();
      // Backups made before OPFS was used (or where it is missing) stay listed.
      const older = await fallback.list();
      if (!folder) return older;
      const found: BackupInfo[] = [];
      for await (const entry of folder.values()) {
        if (entry.kind !== 'file') continue;
        if (entry.name.endsWith(TEMP)) {
          // Left by a crash mid-write, unless a write is running now: only old ones go.
          const started = Number(entry.name.slice(0, 13));
          if (Number.isFinite(started) && now() - started > 60 * 60 * 1000) await folder.removeEntry(entry.name).catch(() => undefined);
          continue;
        }
        const parsed = parseId(entry.name);
        if (!parsed) continue;
        const file = await fileOf(entry.name);
        if (file) found.push({ id: entry.name, name: parsed.name, createdAt: parsed.createdAt, bytes: file.size });
      }
      return [...found, ...older].sort((a, b) => b.createdAt - a.createdAt);
    },
    async read(id): Promise<BackupText> {
      const file = await fileOf(id);
      return file ? { id, text: await file.text() } : fallback.read(id);
    },
    async *chunks(id) {
      const file = await fileOf(id);
      if (!file) {
        yield (await fallback.read(id)).text;
        return;
      }
      yield* blobTextChunks(file);
    },
    async remove(id) {
      const folder = await dir();
      if (folder && parseId(id) && (await fileOf(id))) await folder.removeEntry(id);
      else await fallback.remove?.(id);
    },
  };
}
