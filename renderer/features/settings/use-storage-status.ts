import { useCallback, useEffect, useState } from 'react';
import type { StorageStatus } from '../../platform/storage-status';
import { usePlatform } from '../../app/app-services';

export interface StorageStatusState {
  status?: StorageStatus;
  error?: string;
  /** Asks the browser again for persistent storage (from a click: some browsers grant it only then). */
  askAgain(): void;
}

/** The collection's storage, read when Settings opens and after each request for persistence. */
export function useStorageStatus(): StorageStatusState {
  const platform = usePlatform();
  const [state, setState] = useState<{ status?: StorageStatus; error?: string }>({});
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let current = true;
    platform.storage.status().then(
      (status) => current && setState({ status }),
      (error: unknown) => current && setState({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [platform, reads]);
  const askAgain = useCallback(() => {
    void platform.storage.requestPersistence().then(() => setReads((n) => n + 1));
  }, [platform]);
  return { ...state, askAgain };
}
