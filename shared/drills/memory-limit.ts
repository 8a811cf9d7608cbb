/** The clock a memory item is answered against (practice.md: exact recall against a clock). */
import type { PackMeta } from '../model';

/** Memory items without a pack time limit get this long each. */
export const MEMORY_DEFAULT_LIMIT_MS = 20_000;
const MEMORY_MIN_LIMIT_MS = 10_000;
const MEMORY_MAX_LIMIT_MS = 60_000;

/**
 * The clock for one memory item: the pack's `time_limit` shared among its memory
 * items (they are the part done from recall, under pressure), kept between 10 s
 * and 60 s so a long budget does not remove the pressure and a short one leaves
 * time to type; 20 s when the pack sets no limit.
 */
export function memoryTimeLimitMs(pack: { meta: Pick<PackMeta, 'timeLimitMs'> }, memoryItems: number): number {
  const budget = pack.meta.timeLimitMs;
  if (!budget || budget <= 0 || memoryItems <= 0) return MEMORY_DEFAULT_LIMIT_MS;
  const share = Math.round(budget / memoryItems / 1000) * 1000;
  return Math.min(MEMORY_MAX_LIMIT_MS, Math.max(MEMORY_MIN_LIMIT_MS, share));
}
