import type { SimulationAttempt, SimulationStats } from '../../../shared/model';
import { rebuildStats } from '../../../shared/simulate/simulation-stats';
import type { Migration } from './migration';

/*
 * SHIPPED MIGRATION: DO NOT EDIT (see 001-initial.ts).
 *
 * Simulations: an attempt now records its level, status, hidden path and every decision
 * (enough to replay it), and its results stay optional until it finishes.
 * - attempts gain a `status` index: runs left `running` by a crash are found and marked
 *   abandoned without reading every attempt.
 * - simulationStats: one summary per pack (last walked, best score, paths walked), updated
 *   when an attempt finishes, so the Simulate screen never reads attempts.
 * - chartLayouts: the debrief diagram's node positions per pack version (`packId@importedAt`),
 *   laid out once and reused.
 * Attempts written in the old shape (nothing wrote them before simulations existed, but
 * the table did) are converted: their `path` becomes the hidden path.
 */
export const migration003: Migration = {
  version: 3,
  name: '003-simulation-attempts',
  stores: {
    attempts: 'id, packId, startedAt, [packId+startedAt], status',
    simulationStats: 'packId',
    chartLayouts: 'key, packId',
  },
  async upgrade(tx) {
    const attempts = tx.table<SimulationAttempt, string>('attempts');
    const converted: SimulationAttempt[] = [];
    for (const old of (await attempts.toArray()) as (Partial<SimulationAttempt> & { id: string; packId: string; startedAt: number; outcome?: string })[]) {
      if (old.status !== undefined) {
        converted.push(old as SimulationAttempt);
        continue;
      }
      const finished = old.finishedAt !== undefined && old.outcome !== 'abandoned';
      const attempt: SimulationAttempt = {
        id: old.id,
        packId: old.packId,
        packVersion: 0,
        kind: 'tree',
        seed: old.seed ?? 0,
        level: 1,
        startedAt: old.startedAt,
        status: finished ? 'finished' : 'abandoned',
        timeLimitMs: 0,
        hiddenPath: old.path ?? [],
        path: old.path ?? [],
        decisions: [],
        hintsUsed: old.hintsUsed ?? 0,
      };
      if (old.finishedAt !== undefined) attempt.finishedAt = old.finishedAt;
      if (old.confidence !== undefined) attempt.confidence = old.confidence;
      if (old.reflection !== undefined) attempt.reflection = old.reflection;
      if (old.correct !== undefined) attempt.correct = old.correct;
      if (old.withinTime !== undefined) attempt.withinTime = old.withinTime;
      if (old.outcome === 'ok' || old.outcome === 'fail') attempt.outcomeKind = old.outcome;
      await attempts.put(attempt);
      converted.push(attempt);
    }
    const stats = tx.table<SimulationStats, string>('simulationStats');
    for (const packId of new Set(converted.map((attempt) => attempt.packId))) {
      await stats.put(rebuildStats(packId, converted));
    }
  },
};
