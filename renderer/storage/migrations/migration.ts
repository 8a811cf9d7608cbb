import type { Transaction } from 'dexie';

/**
 * One numbered schema step. Dexie keeps every table not named in `stores` as it
 * was, and deletes a table whose spec is `null`, so a migration lists only the
 * tables it creates or changes (with their full index list).
 */
export interface Migration {
  /** Dexie version number; strictly increasing across migrations. */
  version: number;
  /** Short label recorded in the `migrations` table. */
  name: string;
  stores: Readonly<Record<string, string | null>>;
  /** Rewrites existing records; runs only when upgrading a database from an older version. */
  upgrade?: (tx: Transaction) => Promise<void>;
}
