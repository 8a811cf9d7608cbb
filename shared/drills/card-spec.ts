/** What a drill asks and what counts as right: pure data derived from a pack source. */
import type { CardKind } from '../model';

export interface CardSpec {
  /** `${packId}/${itemId}/${kind}` (plus a suffix for several cards of one kind per item): stable across re-imports. */
  id: string;
  kind: CardKind;
  /** The item (or `§section`) the card drills. */
  itemId: string;
  sectionId?: string;
  /** Safe text with inline Markdown; never HTML. */
  prompt: string;
  answer: string;
  /** For sequence cards: the steps in the right order. */
  sequence?: string[];
  /** For branch and next-step cards: plausible options, the answer among them. */
  choices?: string[];
  /** For cloze cards: the exact value to type. */
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
