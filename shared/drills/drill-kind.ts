/** How a card is answered on screen, from what it asks. */
import type { CardSpec } from './card-spec';

/** Objective drills (sequence, choice, cloze, memory) are graded automatically; `reveal` ones by the person. */
export type DrillKind = 'sequence' | 'choice' | 'cloze' | 'memory' | 'reveal';

/** The drill a card spec is answered with: an objective one where the spec gives what it needs, else reveal. */
export function drillKindOf(spec: CardSpec): DrillKind {
  switch (spec.kind) {
    case 'sequence':
      return (spec.sequence?.length ?? 0) >= 2 ? 'sequence' : 'reveal';
    case 'next-step':
    case 'branch':
      return (spec.choices?.length ?? 0) >= 2 ? 'choice' : 'reveal';
    case 'cloze':
      return spec.cloze || spec.answer.length > 0 ? 'cloze' : 'reveal';
    case 'memory':
      return 'memory';
    default:
      return 'reveal';
  }
}
