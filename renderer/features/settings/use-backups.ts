import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/model';
import { useAppServices } from '../../app/app-services';
import { APP_VERSION } from '../../platform/app-version';
import { backupName, buildBackupText } from './settings-backup';

export interface BackupsState {
  backups: BackupInfo[];
  loading: boolean;
  busy: boolean;
  message?: string;
  error?: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lists backups, makes one now, and saves a copy of one where the person chooses. */
export function useBackups() {
  const { platform, repositories } = useAppServices();
  const [state, setState] = useState<BackupsState>({ backups: [], loading: true, busy: false });

  const refresh = useCallback(async () => {
    try {
      const backups = await platform.listBackups();
      setState((previous) => ({ ...previous, backups, loading: false }));
    } catch (error) {
      setState((previous) => ({ ...previous, loading: false, error: `Backups could not be listed: ${describe(error)}` }));
    }
  }, [platform]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const makeBackup = useCallback(async () => {
    setState((previous) => ({ ...previous, busy: true, message: undefined, error: undefined }));
    try {
      const now = new Date();
      const text = buildBackupText(await repositories.settings.all(), now, APP_VERSION);
      const info = await platform.writeBackup(backupName(now), text);
      setState((previous) => ({ ...previous, busy: false, message: `Backup ${info.name} made.` }));
      await refresh();
    } catch (error) {
      setState((previous) => ({ ...previous, busy: false, error: `The backup could not be made: ${describe(error)}` }));
    }
  }, [platform, repositories, refresh]);

  const saveCopy = useCallback(
    async (backup: BackupInfo) => {
      setState((previous) => ({ ...previous, message: undefined, error: undefined }));
      try {
        const { text } = await platform.readBackup(backup.id);
        const result = await platform.saveTextFile(`${backup.name}.json`, text);
        if (result.saved) {
          setState((previous) => ({ ...previous, message: `A copy of ${backup.name} was saved${result.path ? ` to ${result.path}` : ''}.` }));
        }
      } catch (error) {
        setState((previous) => ({ ...previous, error: `The copy could not be saved: ${describe(error)}` }));
      }
    },
    [platform],
  );

  return { ...state, makeBackup, saveCopy };
}
