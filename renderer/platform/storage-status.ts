/**
 * Whether the collection is safe from the browser's storage eviction, and how much room it
 * has. A web page's IndexedDB is "best effort" until `navigator.storage.persist()` is granted:
 * under storage pressure the browser may delete it whole. The desktop app keeps its data in
 * its own user-data folder, which no browser eviction touches, so there it counts as granted.
 */

/** The part of the StorageManager this needs (tests pass their own). */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** True when the collection will not be evicted (granted persistence, or the desktop app). */
  persisted: boolean;
  /** Bytes this app's storage uses, where the browser tells. */
  usage?: number;
  /** Bytes it may use in all (bounded by the free disk space), where the browser tells. */
  quota?: number;
}

export interface PlatformStorage {
  /** Asks for persistent storage (at start-up); resolves whether it is granted. Never rejects. */
  requestPersistence(): Promise<boolean>;
  /** Persistence, use and room, read now. */
  status(): Promise<StorageStatus>;
}

export interface StorageStatusOptions {
  manager: () => StorageManagerLike | undefined;
  /** The desktop app: its data folder is never evicted, so nothing needs asking. */
  alwaysPersisted: boolean;
}

export function createPlatformStorage({ manager, alwaysPersisted }: StorageStatusOptions): PlatformStorage {
  const persisted = async (): Promise<boolean> => {
    if (alwaysPersisted) return true;
    return (await manager()?.persisted?.()) ?? false;
  };
  return {
    async requestPersistence() {
      if (alwaysPersisted) return true;
      try {
        const storage = manager();
        if (await storage?.persisted?.()) return true;
        return (await storage?.persist?.()) ?? false;
      } catch {
        return false;
      }
    },
    async status() {
      const [isPersisted, estimate] = await Promise.all([persisted().catch(() => false), manager()?.estimate?.() ?? Promise.resolve(undefined)]);
      const result: StorageStatus = { persisted: isPersisted };
      if (typeof estimate?.usage === 'number') result.usage = estimate.usage;
      if (typeof estimate?.quota === 'number') result.quota = estimate.quota;
      return result;
    },
  };
}
