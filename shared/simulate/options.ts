/**
 * The options of a decision: the right next item and distractors from the same pack.
 * Never the item the person stands on, never two options that read the same, and no tell:
 * distractors are drawn first from the same decision (the other answers' targets), then
 * from items of the same kind and close in length to the answer, and the whole list is
 * shuffled, so the right option's position is uniform over seeds.
 */
import type { ItemSource } from '../model';
import type { Random } from '../random';
import { shuffled } from '../random';
import { itemPlainText, normalizePlain } from '../text/inline-text';

/** Options shown for a decision, the right one included (fewer where the pack has fewer). */
export const OPTION_COUNT = 4;

/** The text an option is compared by: what a person reads, normalized (case, spacing, trailing punctuation). */
export function optionText(item: ItemSource): string {
  return normalizePlain(itemPlainText(item));
}

export interface OptionRequest {
  answer: ItemSource;
  /** Where the person stands: never an option. */
  at?: ItemSource;
  /** The most plausible wrong answers first (a question's other branches, a checklist's neighbouring steps). */
  near: readonly ItemSource[];
  /** Everything else that may be offered. */
  pool: readonly ItemSource[];
  /** Items never offered (the start of a tree). */
  exclude?: ReadonlySet<string>;
}

/**
 * Up to OPTION_COUNT item ids in a drawn order, the answer among them; a single id when
 * the pack offers no distinct distractor.
 */
export function pickOptions(request: OptionRequest, random: Random, count: number = OPTION_COUNT): string[] {
  const { answer, at } = request;
  const texts = new Set([optionText(answer)]);
  if (at) texts.add(optionText(at));
  const chosen: ItemSource[] = [answer];
  const usable = (item: ItemSource): boolean =>
    item.id !== answer.id && item.id !== at?.id && !request.exclude?.has(item.id) && !texts.has(optionText(item));
  const take = (item: ItemSource): void => {
    chosen.push(item);
    texts.add(optionText(item));
  };
  for (const item of shuffled(request.near, random)) {
    if (chosen.length >= count) break;
    if (usable(item)) take(item);
  }
  if (chosen.length < count) {
    // Same kind first, then closest in length: a distractor should not stand out by its form.
    const length = itemPlainText(answer).length;
    const ranked = shuffled(request.pool, random)
      .map((item, order) => ({ item, order, sameKind: item.kind === answer.kind ? 0 : 1, gap: Math.abs(itemPlainText(item).length - length) }))
      .sort((a, b) => a.sameKind - b.sameKind || a.gap - b.gap || a.order - b.order);
    for (const { item } of ranked) {
      if (chosen.length >= count) break;
      if (usable(item)) take(item);
    }
  }
  return shuffled(chosen, random).map((item) => item.id);
}
