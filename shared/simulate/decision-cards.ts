/**
 * Which card asks the same thing as a decision (one memory model: every decision is also
 * an answer on that card). The ids come from shared/drills/ids.ts, the formulas the import
 * used: at a question, the branch card of the answer taken; at an action, its next-step
 * card; in a checklist, the step's own next-step (or memory) card.
 */
import type { EdgeSource, ItemSource } from '../model';
import { branchCardId, cardId } from '../drills/ids';

/** The card of deciding what follows `from` along `edge` (the `index`-th of its outgoing edges). */
export function decisionCardId(packId: string, from: ItemSource, edge: Pick<EdgeSource, 'label'> & { index: number }): string | undefined {
  if (from.kind === 'decision') return branchCardId(packId, from.id, edge, edge.index);
  if (from.kind === 'action') return cardId(packId, from.id, 'next-step');
  return undefined;
}

/** The card of recalling checklist step `step` in its place. */
export function stepCardId(packId: string, step: ItemSource): string {
  return cardId(packId, step.id, step.memory ? 'memory' : 'next-step');
}
