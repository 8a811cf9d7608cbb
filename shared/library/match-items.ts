/**
 * Re-import matching (formats.md, "Re-import keeps history"): each item of the new
 * source is matched to a stored item by explicit id, then by exact normalized text,
 * then by close text within the same section. A matched item keeps the stored id,
 * so its cards and events stay attached.
 */
import { gramSimilarity, normalizeItemText, textGrams, type TextGrams } from './normalize-text';
import { pushTo } from '../group-by';

/** The fields matching looks at: stored items and freshly parsed ones both have them. */
export interface MatchableItem {
  id: string;
  text: string;
  sectionId?: string;
  retired?: boolean;
}

export type MatchRule = 'id' | 'text' | 'similar';

export interface ItemMatch {
  /** Id of the stored item the new one continues. */
  storedId: string;
  /** Id the parser gave the new item. */
  newId: string;
  rule: MatchRule;
  /** The text differs from the stored text (beyond normalization). */
  changed: boolean;
}

export interface ItemMatchPlan {
  matches: ItemMatch[];
  /** New items with no stored counterpart. */
  added: string[];
  /** Stored, not yet retired items that the new source no longer has. */
  retired: string[];
}

/** Smallest similarity for the "close text in the same section" rule. */
export const SIMILAR_TEXT_THRESHOLD = 0.6;

/** Matches new items to stored ones; every new and every active stored item appears exactly once. */
export function matchItems(stored: readonly MatchableItem[], fresh: readonly MatchableItem[]): ItemMatchPlan {
  const unmatchedStored = new Map(stored.map((item) => [item.id, item]));
  const matches: ItemMatch[] = [];
  const pending: MatchableItem[] = [];
  // Every rule compares normalized texts: each item's is computed once, not per comparison.
  const normalized = new Map<MatchableItem, string>();
  const norm = (item: MatchableItem): string => {
    let text = normalized.get(item);
    if (text === undefined) {
      text = normalizeItemText(item.text);
      normalized.set(item, text);
    }
    return text;
  };

  const take = (storedItem: MatchableItem, freshItem: MatchableItem, rule: MatchRule): void => {
    unmatchedStored.delete(storedItem.id);
    const changed = norm(storedItem) !== norm(freshItem);
    matches.push({ storedId: storedItem.id, newId: freshItem.id, rule, changed });
  };

  for (const item of fresh) {
    const sameId = unmatchedStored.get(item.id);
    if (sameId) take(sameId, item, 'id');
    else pending.push(item);
  }

  const byText = new Map<string, MatchableItem[]>();
  for (const item of unmatchedStored.values()) pushTo(byText, norm(item), item);
  const stillPending: MatchableItem[] = [];
  for (const item of pending) {
    const candidates = byText.get(norm(item))?.filter((c) => unmatchedStored.has(c.id));
    const sameSection = candidates?.find((c) => c.sectionId === item.sectionId);
    const candidate = sameSection ?? candidates?.[0];
    if (candidate) take(candidate, item, 'text');
    else stillPending.push(item);
  }

  const added: string[] = [];
  for (const pair of bestSimilarPairs([...unmatchedStored.values()], stillPending, norm)) {
    take(pair.stored, pair.fresh, 'similar');
  }
  const matchedNew = new Set(matches.map((m) => m.newId));
  for (const item of fresh) if (!matchedNew.has(item.id)) added.push(item.id);

  const retired = [...unmatchedStored.values()].filter((item) => !item.retired).map((item) => item.id);
  return { matches, added, retired };
}

interface SimilarPair {
  stored: MatchableItem;
  fresh: MatchableItem;
  score: number;
}

/** Greedy best-first pairing of close texts within the same section. */
function bestSimilarPairs(
  stored: MatchableItem[],
  fresh: MatchableItem[],
  norm: (item: MatchableItem) => string,
): SimilarPair[] {
  const candidates: SimilarPair[] = [];
  const storedBySection = new Map<string, Array<{ item: MatchableItem; grams: TextGrams }>>();
  // Bigrams of each stored text once, not once per fresh item compared with it.
  for (const item of stored) pushTo(storedBySection, item.sectionId ?? '', { item, grams: textGrams(norm(item)) });
  for (const item of fresh) {
    const section = storedBySection.get(item.sectionId ?? '');
    if (!section) continue;
    const grams = textGrams(norm(item));
    for (const { item: other, grams: otherGrams } of section) {
      const score = gramSimilarity(grams, otherGrams);
      if (score >= SIMILAR_TEXT_THRESHOLD) candidates.push({ stored: other, fresh: item, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const usedStored = new Set<string>();
  const usedFresh = new Set<string>();
  const pairs: SimilarPair[] = [];
  for (const pair of candidates) {
    if (usedStored.has(pair.stored.id) || usedFresh.has(pair.fresh.id)) continue;
    usedStored.add(pair.stored.id);
    usedFresh.add(pair.fresh.id);
    pairs.push(pair);
  }
  return pairs;
}
