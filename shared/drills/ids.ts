/**
 * The id formulas of items and cards. Ids derive from pack, item and kind, never from
 * storage order, so a re-import of the same file keeps every card's history; a
 * simulation finds the card that asks the same thing as one of its decisions by the
 * same formula the import used.
 */
import type { CardKind, EdgeSource } from '../model';

/** The globally unique key of an item: `${packId}/${itemId}` (ItemRecord.key, CardRecord.itemKey). */
export function itemKey(packId: string, itemId: string): string {
  return `${packId}/${itemId}`;
}

/** A card's id: `${packId}/${itemId}/${kind}`, plus a suffix where one item has several cards of a kind. */
export function cardId(packId: string, itemId: string, kind: CardKind, suffix?: string | number): string {
  return suffix === undefined ? `${packId}/${itemId}/${kind}` : `${packId}/${itemId}/${kind}/${suffix}`;
}

/** The item id a section's sequence card drills: `§` and the section id (`§pack` for a pack without sections). */
export function sectionItemId(sectionId: string | undefined): string {
  return `§${sectionId ?? 'pack'}`;
}

/** Lower-case slug of an edge label, stable enough to key a branch card. */
export function slugLabel(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'answer';
}

/**
 * The branch card of question `questionId` answered by `edge`, the `index`-th of the
 * question's outgoing edges (an unlabelled answer is known by its position).
 */
export function branchCardId(packId: string, questionId: string, edge: Pick<EdgeSource, 'label'>, index: number): string {
  return cardId(packId, questionId, 'branch', edge.label ? slugLabel(edge.label) : index);
}
