import { useAppServices } from '../../app/app-services';
import { ChoiceButtons } from '../../app/ui/ChoiceButtons';
import { InlineText } from '../../app/ui/InlineText';
import { sameReading } from '../../../shared/text/inline-text';
import type { PracticeCard } from '../../state/practice/practice-collection';
import type { Phase } from '../../state/practice/practice-session';

/** Next-step and branch cards with options: press 1–4 (or pick one); graded automatically. */
export function ChoiceDrill({ card, phase, busy, promptId }: { card: PracticeCard; phase: Phase; busy: boolean; promptId: string }) {
  const { practiceStore } = useAppServices();
  const choices = card.spec.choices ?? [];

  if (phase.name === 'feedback') {
    const chosen = phase.given.kind === 'choice' ? phase.given.index : -1;
    return (
      <ol className="choice-list choice-list-result" aria-label="Options">
        {choices.map((choice, index) => {
          const right = sameReading(choice, card.spec.answer);
          const mark = right ? (index === chosen ? 'your answer, right' : 'the right answer') : index === chosen ? 'your answer' : '';
          return (
            <li key={index} className={`choice${right ? ' choice-right' : index === chosen ? ' choice-wrong' : ' choice-other'}`}>
              <kbd aria-hidden="true">{index + 1}</kbd>
              <span className="choice-text">
                <InlineText tree={choice} />
              </span>
              {mark ? <span className="choice-mark">{right ? '✓' : '✗'} {mark}</span> : null}
            </li>
          );
        })}
      </ol>
    );
  }

  return (
    <>
      <ChoiceButtons
        options={choices.map((choice, index) => ({ key: String(index), content: <InlineText tree={choice} /> }))}
        onChoose={(index) => practiceStore.getState().submit({ kind: 'choice', index })}
        disabled={busy}
        describedBy={promptId}
      />
      <p className="drill-hint">
        Press <kbd>1</kbd>–<kbd>{choices.length}</kbd> to choose. Graded automatically, by correctness and your usual speed.
      </p>
    </>
  );
}
