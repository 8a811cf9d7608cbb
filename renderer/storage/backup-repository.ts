import type { BackupInfo } from '../../shared/model';
import type { KataDb } from './db';

export type BackupRepository = ReturnType<typeof createBackupRepository>;

/**
 * Backup snapshots for the browser build (Electron writes files instead). The
 * listing and the text live in two tables written together, so `list` stays cheap
 * however large the backups are.
 */
export function createBackupRepository(db: KataDb, now: () => number = Date.now) {
  return {
    /** Stores a snapshot; its id matches shared/ipc.ts's backup id pattern. */
    async write(name: string, text: string): Promise<BackupInfo> {
      const createdAt = now();
      const info: BackupInfo = {
        id: `${createdAt}-${crypto.randomUUID().slice(0, 8)}`,
        name,
        createdAt,
        bytes: new TextEncoder().encode(text).byteLength,
      };
      await db.transaction('rw', [db.backups, db.backupTexts], async () => {
        await db.backups.add(info);
        await db.backupTexts.add({ id: info.id, text });
      });
      return info;
    },
    /** Every snapshot, newest first, without its text. */
    list: (): Promise<BackupInfo[]> => db.backups.orderBy('createdAt').reverse().toArray(),
    /** Rejects when no snapshot has this id. */
    async read(id: string): Promise<{ id: string; text: string }> {
      const record = await db.backupTexts.get(id);
      if (!record) throw new Error(`No backup ${id}`);
      return { id: record.id, text: record.text };
    },
    /** Deletes a snapshot (retention of old backups). */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', [db.backups, db.backupTexts], async () => {
        await db.backups.delete(id);
        await db.backupTexts.delete(id);
      });
    },
  };
}
