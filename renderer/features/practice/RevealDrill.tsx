import { useCallback, useEffect, useRef } from 'react';
import { useAppServices } from '../../app/app-services';
import { InlineText } from '../../app/ui/InlineText';
import { richInline } from '../../../shared/text/inline-text';
import type { PracticeCard } from '../../state/practice/practice-collection';
import { gradesFor } from '../../../shared/schedule/grade-answer';
import type { Phase } from '../../state/practice/practice-session';
import type { GradingMode } from '../../../shared/schedule/scheduler-settings';
import { AnswerText } from './AnswerText';
import { GradeBar } from './GradeBar';
import type { PrimaryRef } from './use-primary-action';
import { usePrimaryAction } from './use-primary-action';

/** Self-graded cards (why, reverse, question, and choices-less steps): recall, reveal, grade honestly. */
export function RevealDrill({
  card,
  phase,
  busy,
  gradingMode,
  promptId,
  primary,
}: {
  card: PracticeCard;
  phase: Phase;
  busy: boolean;
  gradingMode: GradingMode;
  promptId: string;
  primary: PrimaryRef;
}) {
  const { practiceStore } = useAppServices();
  const revealRef = useRef<HTMLButtonElement>(null);
  const reveal = useCallback(() => practiceStore.getState().reveal(), [practiceStore]);
  const good = useCallback(() => void practiceStore.getState().grade(3), [practiceStore]);
  usePrimaryAction(primary, phase.name === 'question' ? reveal : phase.name === 'revealed' ? good : null);
  useEffect(() => {
    revealRef.current?.focus();
  }, []);

  if (phase.name === 'question') {
    return (
      <div className="drill-actions">
        <button ref={revealRef} type="button" className="button button-primary" onClick={reveal} aria-describedby={promptId}>
          Show answer <kbd aria-hidden="true">Space</kbd>
        </button>
        <span className="drill-hint">Answer in your head first, then check.</span>
      </div>
    );
  }
  if (phase.name !== 'revealed') return null;
  const rationale = card.spec.kind !== 'why' ? card.item?.rationale : undefined;
  return (
    <>
      <div className="drill-answer" role="region" aria-label="Answer">
        <AnswerText tree={card.spec.answer} />
        {rationale ? (
          <p className="drill-rationale">
            <span className="drill-rationale-label">Why:</span> <InlineText tree={richInline(rationale, card.item?.rationaleInline)} />
          </p>
        ) : null}
      </div>
      <GradeBar grades={gradesFor(gradingMode)} intervals={phase.intervals} onGrade={(rating) => void practiceStore.getState().grade(rating)} busy={busy} focusRating={3} />
      <p className="drill-hint">How well did you recall it? Each grade shows when the card comes back.</p>
    </>
  );
}
