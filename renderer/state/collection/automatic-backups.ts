/**
 * The automatic backups while the app runs: one at start when the newest is a day old (after the
 * first frame: a backup never delays the app), and one every 30 minutes in which the person
 * practised (an answer newer than the last backup). A failed automatic backup is reported, never
 * fatal; the next one tries again.
 */
import type { CollectionService } from './collection-service';
import { PRACTICE_BACKUP_MS } from './collection-service';

export interface AutomaticBackupDeps {
  collection: Pick<CollectionService, 'backup' | 'backupIfDue'>;
  /** When the newest answer was given (undefined: none yet). */
  lastAnswerAt: () => Promise<number | undefined>;
  onError?: (error: unknown) => void;
  now?: () => number;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** Starts the schedule; returns its stop. */
export function startAutomaticBackups(deps: AutomaticBackupDeps): () => void {
  const now = deps.now ?? Date.now;
  const report = (error: unknown): void => deps.onError?.(error);
  let lastBackupAt = now();
  let running = false;
  const guarded = async (job: () => Promise<unknown>): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      report(error);
    } finally {
      running = false;
    }
  };
  void guarded(async () => {
    await deps.collection.backupIfDue();
    lastBackupAt = now();
  });
  const tick = (): void =>
    void guarded(async () => {
      const answeredAt = await deps.lastAnswerAt();
      if (answeredAt === undefined || answeredAt <= lastBackupAt) return;
      lastBackupAt = now();
      await deps.collection.backup('practice');
    });
  const set = deps.setInterval ?? ((run, ms) => setInterval(run, ms));
  const clear = deps.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));
  const handle = set(tick, PRACTICE_BACKUP_MS);
  return () => clear(handle);
}
