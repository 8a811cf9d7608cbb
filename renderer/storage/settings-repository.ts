import type { KataDb } from './db';

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;

/**
 * Key/value settings. Values are stored by structured clone, so plain data only
 * (no functions or class instances). Validating a value's shape is the caller's job.
 */
export function createSettingsRepository(db: KataDb) {
  return {
    /** The stored value, or `fallback` when the key was never set. */
    async get<T>(key: string, fallback: T): Promise<T> {
      const record = await db.settings.get(key);
      return record === undefined ? fallback : (record.value as T);
    },
    async set(key: string, value: unknown): Promise<void> {
      await db.settings.put({ key, value });
    },
    /** Several keys in ONE transaction: all stored, or none. */
    async setMany(entries: Readonly<Record<string, unknown>>): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        await db.settings.bulkPut(Object.entries(entries).map(([key, value]) => ({ key, value })));
      });
    },
    /** Forgets a key, so `get` returns its fallback again. */
    async remove(key: string): Promise<void> {
      await db.settings.delete(key);
    },
    async all(): Promise<Record<string, unknown>> {
      const records = await db.settings.toArray();
      return Object.fromEntries(records.map((r) => [r.key, r.value]));
    },
  };
}
