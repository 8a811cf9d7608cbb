/** What a drill asks and what counts as right: pure data derived from a pack source. */
import type { CardKind, InlineTree } from '../model';

export interface CardSpec {
  /** `${packId}/${itemId}/${kind}` (plus a suffix for several cards of one kind per item): stable across re-imports. */
  id: string;
  kind: CardKind;
  /** The item (or `§section`) the card drills. */
  itemId: string;
  sectionId?: string;
  /** What the card asks, as a tree (shared/model.ts InlineTree): composed, never a Markdown string. */
  prompt: InlineTree;
  /** What counts as right, as a tree; `inlinePlain(answer)` is what a typed answer is compared with. */
  answer: InlineTree;
  /** For sequence cards: the steps in the right order. */
  sequence?: InlineTree[];
  /** For branch and next-step cards: plausible options, the answer among them (no two read the same). */
  choices?: InlineTree[];
  /** For cloze cards: the exact value to type (plain). */
  cloze?: string;
}

export const CARD_KINDS: readonly CardKind[] = [
  'next-step',
  'sequence',
  'cloze',
  'why',
  'memory',
  'branch',
  'reverse',
  'qa',
];
