import { useAppServices } from '../../app/app-services';
import type { PracticeCard } from '../../state/practice/practice-collection';
import { clozeHint } from '../../../shared/drills/drill-order';
import type { Phase } from '../../state/practice/practice-session';
import { inlinePlain } from '../../../shared/text/inline-text';
import { TypedAnswer } from './TypedAnswer';

/** Fill the blank: type the missing value; a hint shows its first letters (and makes the best grade Hard). */
export function ClozeDrill({ card, phase, busy, promptId }: { card: PracticeCard; phase: Phase; busy: boolean; promptId: string }) {
  const { practiceStore } = useAppServices();
  const expected = card.spec.cloze ?? inlinePlain(card.spec.answer);
  const hints = phase.name === 'question' ? phase.hintsUsed : 0;
  const canHint = hints < [...expected].length;
  return (
    <TypedAnswer label="The missing value" expected={[{ type: 'text', value: expected }]} phase={phase} busy={busy} promptId={promptId}>
      <div className="typed-extra">
        <button type="button" className="button button-small" onClick={() => practiceStore.getState().hint()} disabled={busy || !canHint}>
          {hints === 0 ? 'Show a hint' : 'One more letter'}
        </button>
        {hints > 0 ? (
          <span className="typed-hint" aria-live="polite">
            Hint: <span className="mono">{clozeHint(expected, hints)}</span>
          </span>
        ) : (
          <span className="drill-hint">Case, spacing and punctuation do not count.</span>
        )}
      </div>
    </TypedAnswer>
  );
}
