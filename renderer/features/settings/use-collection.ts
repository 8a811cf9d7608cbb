import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/model';
import type { ReadSummary } from '../../../shared/collection-export/read';
import { useAppServices } from '../../app/app-services';
import type { BackupsLocation } from '../../platform/platform';
import type { TextSource } from '../../state/collection/collection-service';
import { fileSource } from '../../state/collection/collection-service';

export type CollectionPhase =
  | { kind: 'idle' }
  | { kind: 'exporting'; done: number; total: number }
  | { kind: 'backing-up'; done: number; total: number }
  | { kind: 'checking'; label: string; records: number }
  | { kind: 'confirm'; label: string; summary: ReadSummary; source: TextSource }
  | { kind: 'restoring'; label: string; records: number; total: number }
  | { kind: 'restored'; label: string };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Export, backups and restore of the whole collection, for the Settings section. */
export function useCollection(reload: () => void = () => window.location.reload()) {
  const { platform, collection } = useAppServices();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [location, setLocation] = useState<BackupsLocation | null>(null);
  const [phase, setPhase] = useState<CollectionPhase>({ kind: 'idle' });
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    try {
      setBackups(await platform.listBackups());
      setLocation(await platform.backupsLocation());
    } catch (cause) {
      setBackups([]);
      setError(`Backups could not be listed: ${describe(cause)}`);
    }
  }, [platform]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const start = (): void => {
    setMessage(undefined);
    setError(undefined);
  };

  const exportToFile = useCallback(async () => {
    if (!collection) return;
    start();
    setPhase({ kind: 'exporting', done: 0, total: 0 });
    try {
      const saved = await collection.exportToFile((p) => setPhase({ kind: 'exporting', done: p.done, total: p.total }));
      if (saved) setMessage(saved.path ? `The collection was exported to ${saved.path}.` : 'The collection was exported (see your downloads).');
    } catch (cause) {
      setError(`The collection could not be exported: ${describe(cause)}`);
    } finally {
      setPhase({ kind: 'idle' });
    }
  }, [collection]);

  const backupNow = useCallback(async () => {
    if (!collection) return;
    start();
    setPhase({ kind: 'backing-up', done: 0, total: 0 });
    try {
      const info = await collection.backup('manual', (p) => setPhase({ kind: 'backing-up', done: p.done, total: p.total }));
      setMessage(`Backup ${info.name} made.`);
      await refresh();
    } catch (cause) {
      setError(`The backup could not be made: ${describe(cause)}`);
    } finally {
      setPhase({ kind: 'idle' });
    }
  }, [collection, refresh]);

  const check = useCallback(
    async (label: string, source: TextSource) => {
      if (!collection) return;
      start();
      setPhase({ kind: 'checking', label, records: 0 });
      try {
        const summary = await collection.check(source, (records) => setPhase({ kind: 'checking', label, records }));
        setPhase({ kind: 'confirm', label, summary, source });
      } catch (cause) {
        setPhase({ kind: 'idle' });
        setError(`${label} cannot be restored: ${describe(cause)} Nothing was changed.`);
      }
    },
    [collection],
  );

  const checkFile = useCallback((file: File) => check(file.name, fileSource(file)), [check]);
  const checkBackup = useCallback((backup: BackupInfo) => (collection ? check(`Backup ${backup.name}`, collection.backupSource(backup.id)) : Promise.resolve()), [check, collection]);

  const confirmRestore = useCallback(async () => {
    if (!collection || phase.kind !== 'confirm') return;
    const { label, source, summary } = phase;
    const total = Object.values(summary.counts).reduce((sum, n) => sum + n, 0);
    start();
    setPhase({ kind: 'restoring', label, records: 0, total });
    try {
      await collection.restore(source, { total, onProgress: (p) => setPhase({ kind: 'restoring', label, records: p.records, total }) });
      setPhase({ kind: 'restored', label });
      reload();
    } catch (cause) {
      setPhase({ kind: 'idle' });
      setError(`${label} could not be restored: ${describe(cause)} Your collection is as it was.`);
      await refresh();
    }
  }, [collection, phase, refresh, reload]);

  const cancel = useCallback(() => setPhase({ kind: 'idle' }), []);

  const saveCopy = useCallback(
    async (backup: BackupInfo) => {
      start();
      try {
        const sink = await platform.saveFileStream(`${backup.name}${backup.id.endsWith('.json') ? '.json' : '.kata.ndjson'}`);
        if (!sink) return;
        try {
          for await (const chunk of platform.readBackupChunks(backup.id)) await sink.write(chunk);
        } catch (cause) {
          await sink.abort();
          throw cause;
        }
        const saved = await sink.close();
        setMessage(`A copy of ${backup.name} was saved${saved.path ? ` to ${saved.path}` : ''}.`);
      } catch (cause) {
        setError(`The copy could not be saved: ${describe(cause)}`);
      }
    },
    [platform],
  );

  return { available: collection !== undefined, backups, location, phase, message, error, exportToFile, backupNow, checkFile, checkBackup, confirmRestore, cancel, saveCopy };
}
