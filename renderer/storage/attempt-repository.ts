import type { SimulationAttempt } from '../../shared/model';
import type { KataDb } from './db';

export type AttemptRepository = ReturnType<typeof createAttemptRepository>;

/** Simulation attempts: added when a run starts, replaced when it finishes. */
export function createAttemptRepository(db: KataDb) {
  return {
    /** Rejects if the id is already used. */
    add: async (attempt: SimulationAttempt): Promise<void> => {
      await db.attempts.add(attempt);
    },
    /** Inserts or replaces (e.g. a finished run, with outcome and reflection). */
    put: async (attempt: SimulationAttempt): Promise<void> => {
      await db.attempts.put(attempt);
    },
    get: (id: string): Promise<SimulationAttempt | undefined> => db.attempts.get(id),
    /** A pack's attempts, oldest first, optionally only those started at or after `since`. */
    byPack: (packId: string, since = -Infinity): Promise<SimulationAttempt[]> =>
      db.attempts
        .where('[packId+startedAt]')
        .between([packId, since], [packId, Infinity], true, true)
        .toArray(),
    /** Attempts started with `from <= startedAt < to`, oldest first. */
    between: (from: number, to: number): Promise<SimulationAttempt[]> =>
      db.attempts.where('startedAt').between(from, to, true, false).toArray(),
    count: (): Promise<number> => db.attempts.count(),
  };
}
