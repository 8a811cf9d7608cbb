/**
 * The collection as a file: export it where the person chooses, back it up (by hand, daily, every
 * 30 minutes of practice, before a restore), check a file or backup before restoring it, and
 * restore it. Backups are collection exports kept by the platform (user-data folder, OPFS) and
 * rotated after each one (shared/backups/rotation.ts).
 */
import type { BackupInfo } from '../../../shared/model';
import type { ReadSummary } from '../../../shared/collection-export/read';
import type { ExportProgress } from '../../../shared/collection-export/write';
import { COLLECTION_FILE_SUFFIX } from '../../../shared/collection-export/tables';
import { rotateBackups } from '../../../shared/backups/rotation';
import type { Platform, SaveOutcome } from '../../platform/platform';
import type { KataDb } from '../../storage/db';
import type { RestoreOptions, RestoreResult } from '../../storage/collection-restore';
import { blobTextChunks } from '../../platform/blob-text';

// The writer, the reader and their schemas (zod) load when first used, not with the app.
const exporter = () => import('../../storage/collection-export');
const restorer = () => import('../../storage/collection-restore');

export type BackupReason = 'manual' | 'daily' | 'practice' | 'before-restore' | 'before-migration';

/** How often automatic backups are made. */
export const DAILY_BACKUP_MS = 24 * 60 * 60 * 1000;
export const PRACTICE_BACKUP_MS = 30 * 60 * 1000;

/** Where a file to check or restore comes from: read again from the start on every call. */
export type TextSource = () => AsyncIterable<string>;

export interface CollectionService {
  /** Asks where to save, then writes the export there; null when the person cancelled. */
  exportToFile(onProgress?: (progress: ExportProgress) => void): Promise<SaveOutcome | null>;
  /** A backup of the collection now, then the rotation. */
  backup(reason: BackupReason, onProgress?: (progress: ExportProgress) => void): Promise<BackupInfo>;
  /** A backup when the newest is older than a day (or there is none); null when none was due. */
  backupIfDue(): Promise<BackupInfo | null>;
  /** What a file holds, or a CollectionFileError saying why it cannot be restored. */
  check(source: TextSource, onProgress?: (records: number) => void): Promise<ReadSummary>;
  /** Backs up the current collection, then replaces it with the file's; the app must reload after. */
  restore(source: TextSource, options?: Pick<RestoreOptions, 'onProgress' | 'total'>): Promise<RestoreResult>;
  backupSource(id: string): TextSource;
  /** Deletes the backups the rotation no longer keeps; resolves to how many. */
  rotate(): Promise<number>;
}

export interface CollectionServiceDeps {
  db: KataDb;
  platform: Platform;
  appVersion: string;
  now?: () => number;
  /** IndexedDB implementation (tests). */
  idb?: Pick<RestoreOptions, 'indexedDB' | 'IDBKeyRange'>;
}

/** `kata-2026-12-04-1030` (local time): sortable, and a safe file name everywhere. */
export function exportFileName(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `kata-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${COLLECTION_FILE_SUFFIX}`;
}

export function createCollectionService(deps: CollectionServiceDeps): CollectionService {
  const now = deps.now ?? Date.now;
  const chunks = async (onProgress?: (progress: ExportProgress) => void) =>
    (await exporter()).exportCollection(deps.db, { appVersion: deps.appVersion, now, ...(onProgress ? { onProgress } : {}) });

  async function writeAll<R>(sink: { write(chunk: string): Promise<void>; close(): Promise<R>; abort(): Promise<void> }, onProgress?: (progress: ExportProgress) => void): Promise<R> {
    try {
      for await (const chunk of await chunks(onProgress)) await sink.write(chunk);
    } catch (error) {
      await sink.abort().catch(() => undefined);
      throw error;
    }
    return sink.close();
  }

  const service: CollectionService = {
    async exportToFile(onProgress) {
      const sink = await deps.platform.saveFileStream(exportFileName(new Date(now())));
      return sink ? writeAll(sink, onProgress) : null;
    },
    async backup(reason, onProgress) {
      const info = await writeAll(await deps.platform.backupStream(`kata-${reason}`), onProgress);
      await service.rotate().catch(() => 0);
      return info;
    },
    async backupIfDue() {
      const [newest] = await deps.platform.listBackups();
      if (newest && now() - newest.createdAt < DAILY_BACKUP_MS) return null;
      return service.backup('daily');
    },
    check: async (source, onProgress) => (await restorer()).checkExport(source, onProgress),
    async restore(source, options = {}) {
      await service.backup('before-restore');
      return (await restorer()).restoreCollection(deps.db, source, { ...deps.idb, ...options, now });
    },
    backupSource: (id) => () => deps.platform.readBackupChunks(id),
    async rotate() {
      const { remove } = rotateBackups(await deps.platform.listBackups());
      for (const id of remove) await deps.platform.removeBackup(id);
      return remove.length;
    },
  };
  return service;
}

/** A chosen file as a text source (read in pieces, decoded as UTF-8). */
export function fileSource(file: Blob): TextSource {
  return () => blobTextChunks(file);
}
