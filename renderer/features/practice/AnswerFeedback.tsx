import { useCallback, useEffect, useRef } from 'react';
import { useAppServices } from '../../app/app-services';
import type { Phase } from '../../state/practice/practice-session';
import type { GradingMode } from '../../../shared/schedule/scheduler-settings';
import { gradesFor } from '../../../shared/schedule/grade-answer';
import { RATING_LABELS } from './format';
import { GradeBar } from './GradeBar';
import type { PrimaryRef } from './use-primary-action';
import { usePrimaryAction } from './use-primary-action';

type Feedback = Extract<Phase, { name: 'feedback' }>;

/**
 * The verdict on an objective answer: right or wrong, the automatic grade with
 * the rule that gave it, and the grade bar to override it. Nothing is stored
 * until Continue (Enter) or a grade key.
 */
export function AnswerFeedback({
  phase,
  busy,
  gradingMode,
  primary,
}: {
  phase: Feedback;
  busy: boolean;
  gradingMode: GradingMode;
  primary: PrimaryRef;
}) {
  const { practiceStore } = useAppServices();
  const continueRef = useRef<HTMLButtonElement>(null);
  const accept = useCallback(() => void practiceStore.getState().accept(), [practiceStore]);
  usePrimaryAction(primary, accept);
  useEffect(() => {
    continueRef.current?.focus();
  }, []);

  const { judgement, grade } = phase;
  return (
    <section className={`feedback ${judgement.correct ? 'feedback-right' : 'feedback-wrong'}`} aria-label="Result">
      <p className="feedback-verdict">
        <span className="feedback-icon" aria-hidden="true">
          {judgement.correct ? '✓' : '✗'}
        </span>
        {judgement.correct ? 'Correct' : 'Not right'}
      </p>
      <p className="feedback-grade">
        <span className={`grade-chip grade-chip-${grade.rating}`}>{RATING_LABELS[grade.rating]}</span>
        <span className="feedback-reason">{grade.reason}</span>
      </p>
      <GradeBar
        grades={gradesFor(gradingMode)}
        intervals={phase.intervals}
        onGrade={(rating) => void practiceStore.getState().grade(rating)}
        busy={busy}
        suggested={grade.rating}
        label="Keep or change the grade"
      />
      <div className="drill-actions">
        <button ref={continueRef} type="button" className="button button-primary" onClick={accept} disabled={busy}>
          Continue with {RATING_LABELS[grade.rating]} <kbd aria-hidden="true">Enter</kbd>
        </button>
        <span className="drill-hint">or press 1–4 to give another grade</span>
      </div>
    </section>
  );
}
