import { useEffect, useRef } from 'react';
import { useAppServices } from '../../app/app-services';
import type { ActiveRun } from '../../state/simulate/simulate-types';
import { ItemText } from './ItemText';
import { spokenDuration } from './format-duration';

/** After a decision: right, or wrong and corrected with the reason; Enter goes on (once it is saved). */
export function DecisionFeedback({ run }: { run: ActiveRun }) {
  const { simulateStore } = useAppServices();
  const continueRef = useRef<HTMLButtonElement>(null);
  useEffect(() => continueRef.current?.focus(), [run.state.step]);
  const { phase } = run.state;
  if (phase.name !== 'feedback') return null;
  const { decision, grade } = phase;
  const last = run.state.step === run.scenario.steps.length - 1;
  const why = run.scenario.steps[decision.step]?.why;
  return (
    <section className={`decision-feedback ${decision.correct ? 'feedback-right' : 'feedback-wrong'}`} aria-label="Feedback">
      <p className="feedback-verdict">
        <span aria-hidden="true">{decision.correct ? '✓ ' : '✗ '}</span>
        {decision.correct ? 'Right.' : decision.late ? 'Too late for a memory item.' : 'Not this one.'}
        {!decision.correct ? (
          <>
            {' '}
            The right step: <ItemText pack={run.pack} id={decision.answer} />
          </>
        ) : null}
      </p>
      {!decision.correct && why ? (
        <p className="feedback-why">
          <span className="decision-label">Why</span> {why}
        </p>
      ) : null}
      <p className="feedback-reason">
        {decision.cardId !== undefined ? `${grade.reason} on its card. ` : ''}
        {spokenDuration(decision.durationMs)} for this step.
      </p>
      {run.error ? (
        <p className="error-line" role="alert">
          {run.error}
        </p>
      ) : null}
      <div className="actions">
        <button ref={continueRef} type="button" className="button button-primary" onClick={() => void simulateStore.getState().next()}>
          {last ? 'Finish and debrief' : 'Go on'} <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </section>
  );
}
