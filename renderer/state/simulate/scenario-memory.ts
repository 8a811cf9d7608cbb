/**
 * The memory view a scenario is drawn with (shared/simulate/memory-view.ts), from one
 * pack's stored cards and simulation summary: each card's recall probability now under
 * the scheduler in force, its lapses, and when each branch or section was last walked.
 */
import type { FSRS } from 'ts-fsrs';
import type { CardRecord, SimulationStats } from '../../../shared/model';
import { retrievability } from '../../../shared/schedule/review';
import type { CardMemory, MemoryView } from '../../../shared/simulate/memory-view';

/** The view of `cards` (one pack's) at `now`. */
export function memoryViewOf(cards: readonly CardRecord[], stats: SimulationStats, scheduler: FSRS, now: number): MemoryView {
  const memory = new Map<string, CardMemory>();
  for (const card of cards) {
    memory.set(card.id, {
      retrievability: card.state === 0 ? 0 : retrievability(scheduler, card, now),
      lapses: card.lapses,
      relearning: card.state === 3,
    });
  }
  return { cards: memory, walkedAt: new Map(Object.entries(stats.walkedAt)), now };
}
