/**
 * The per-pack summary of simulation attempts (SimulationStats): folded in when an attempt
 * finishes, in the same transaction, and rebuildable from the attempts themselves (a test
 * checks that the two agree), like card states are from events.
 */
import type { AttemptResult, SimulationAttempt, SimulationStats } from '../model';
import { loopErased, pathKey } from './paths';

/**
 * How many results the summary keeps: months of practice on one pack, enough for the ladder's
 * "independent for months" and the calibration of the person's confidence.
 */
export const RESULTS_KEPT = 200;

/** The summary of a pack with no finished attempt. */
export function emptyStats(packId: string): SimulationStats {
  return { packId, attempts: 0, results: [], walked: [], walkedAt: {} };
}

/** What a walk covered: its loop-erased path (trees) or its section (checklists). */
export function walkedKey(attempt: Pick<SimulationAttempt, 'kind' | 'hiddenPath' | 'section'>): string {
  return attempt.kind === 'tree' ? pathKey(loopErased(attempt.hiddenPath)) : `§${attempt.section ?? 'all'}`;
}

function resultOf(attempt: SimulationAttempt, at: number, score: number): AttemptResult {
  const result: AttemptResult = {
    at,
    level: attempt.level,
    score,
    correct: attempt.correct ?? false,
    hints: attempt.hintsUsed,
    withinTime: attempt.withinTime ?? false,
  };
  if (attempt.confidence !== undefined) result.confidence = attempt.confidence;
  return result;
}

/** `stats` with finished `attempt` folded in (attempts of other states leave it as it was). */
export function withFinishedAttempt(stats: SimulationStats, attempt: SimulationAttempt): SimulationStats {
  if (attempt.status !== 'finished' || attempt.packId !== stats.packId) return stats;
  const at = attempt.finishedAt ?? attempt.startedAt;
  const score = attempt.score ?? 0;
  const walkedAt = { ...stats.walkedAt };
  if (attempt.kind === 'tree') {
    for (let i = 0; i + 1 < attempt.hiddenPath.length; i += 1) walkedAt[`${attempt.hiddenPath[i]}->${attempt.hiddenPath[i + 1]}`] = at;
  } else {
    walkedAt[`§${attempt.section ?? 'all'}`] = at;
  }
  const key = walkedKey(attempt);
  const next: SimulationStats = {
    packId: stats.packId,
    attempts: stats.attempts + 1,
    lastWalkedAt: Math.max(stats.lastWalkedAt ?? at, at),
    bestScore: Math.max(stats.bestScore ?? score, score),
    results: [...stats.results, resultOf(attempt, at, score)].sort((a, b) => a.at - b.at).slice(-RESULTS_KEPT),
    walked: stats.walked.includes(key) ? stats.walked : [...stats.walked, key],
    walkedAt,
  };
  return next;
}

/** The summary of one pack rebuilt from all its attempts (oldest first). */
export function rebuildStats(packId: string, attempts: readonly SimulationAttempt[]): SimulationStats {
  return [...attempts]
    .filter((attempt) => attempt.packId === packId)
    .sort((a, b) => (a.finishedAt ?? a.startedAt) - (b.finishedAt ?? b.startedAt))
    .reduce(withFinishedAttempt, emptyStats(packId));
}
