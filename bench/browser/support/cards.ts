/** Deterministic, realistic card records for storage benchmarks. */
import type { CardKind, CardRecord } from '../../../shared/model';

const KINDS: CardKind[] = ['next-step', 'cloze', 'why', 'sequence', 'memory', 'branch', 'reverse', 'qa'];
const ITEMS_PER_PACK = 50;
const DAY = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 6);

/**
 * `count` cards spread over packs of 50 items, with two kinds per item and a mix of new,
 * learning and review states, so every index of the cards table gets varied keys.
 */
export function makeCards(count: number): CardRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const itemIndex = Math.floor(i / 2);
    const packId = `pack-${String(Math.floor(itemIndex / ITEMS_PER_PACK)).padStart(3, '0')}`;
    const itemKey = `${packId}/step-${String(itemIndex % ITEMS_PER_PACK).padStart(3, '0')}`;
    const kind = KINDS[(itemIndex + (i % 2)) % KINDS.length]!;
    const state = (i % 4) as CardRecord['state'];
    const reps = state === 0 ? 0 : 1 + (i % 9);
    return {
      id: `${itemKey}#${kind}`,
      packId,
      itemKey,
      kind,
      due: EPOCH + (i % 60) * DAY + (i % 997) * 1000,
      stability: state === 0 ? 0 : 0.5 + (i % 50),
      difficulty: state === 0 ? 0 : 1 + (i % 9),
      elapsedDays: i % 30,
      scheduledDays: i % 45,
      learningSteps: state === 1 || state === 3 ? 1 : 0,
      reps,
      lapses: state === 3 ? 1 + (i % 3) : 0,
      state,
      ...(state === 0 ? {} : { lastReview: EPOCH - (i % 30) * DAY }),
      suspended: i % 50 === 0 ? 1 : 0,
      buriedUntil: 0,
      createdAt: EPOCH - 90 * DAY,
    };
  });
}
