import { useCallback, useEffect, useRef } from 'react';
import { useAppServices } from '../../app/app-services';
import type { Rating } from '../../../shared/model';
import type { Session, Summary } from '../../state/practice/practice-session';
import { RATINGS } from '../../../shared/schedule/grade-answer';
import { RATING_LABELS, formatDue, formatDuration, plural } from './format';
import type { PrimaryRef } from './use-primary-action';
import { usePrimaryAction } from './use-primary-action';

/** When practice comes back: cards still due, a learning step later today, or the next review. */
function comingBack(summary: Summary): string {
  if (summary.dueNow > 0) return `${plural(summary.dueNow, 'card')} of today's plan still due now.`;
  const { nextLearning, nextDue } = summary;
  if (nextLearning !== null && (nextDue === null || nextLearning <= nextDue)) {
    return `A card in its learning steps comes back ${formatDue(nextLearning, summary.at)}.`;
  }
  return nextDue === null ? 'Nothing else is scheduled.' : `Next card due ${formatDue(nextDue, summary.at)}.`;
}

/** The end of a session: what was done, how well, and when practice comes back. */
export function SessionSummary({ summary, session, primary }: { summary: Summary; session: Session; primary: PrimaryRef }) {
  const { practiceStore } = useAppServices();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const again = useCallback(() => void practiceStore.getState().load(session.request), [practiceStore, session.request]);
  usePrimaryAction(primary, again);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const { results } = summary;
  const accuracy = results.accuracy === null ? '—' : `${Math.round(results.accuracy * 100)}%`;
  return (
    <section className="panel session-summary" aria-labelledby="summary-heading">
      <div className="panel-intro">
        <h2 id="summary-heading" ref={headingRef} tabIndex={-1}>
          {summary.complete ? 'Session complete' : 'Session ended'}
        </h2>
        <p className="muted">Every answer is saved.</p>
      </div>
      <dl className="start-stats summary-stats">
        <div>
          <dt>Cards</dt>
          <dd>{results.answered}</dd>
        </div>
        <div>
          <dt>Accuracy</dt>
          <dd>{accuracy}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{formatDuration(summary.elapsedMs)}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd>{summary.streak === null ? '…' : plural(summary.streak, 'day')}</dd>
        </div>
      </dl>
      <ul className="summary-lines">
        <li>
          {results.correct} of {plural(results.answered, 'answer')} right; {formatDuration(results.answeringMs)} spent answering
          {session.setAside > 0 ? `; ${plural(session.setAside, 'card')} buried or suspended` : ''}.
        </li>
        <li className="summary-ratings" aria-label="Grades given">
          {RATINGS.map((rating: Rating) => (
            <span key={rating} className={`grade-chip grade-chip-${rating}`}>
              {RATING_LABELS[rating]} {results.ratings[rating]}
            </span>
          ))}
        </li>
        <li>{comingBack(summary)}</li>
      </ul>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={again}>
          Back to the start <kbd aria-hidden="true">Enter</kbd>
        </button>
        {session.undoDepth > 0 ? (
          <button type="button" className="button" onClick={() => void practiceStore.getState().undo()}>
            Undo the last answer <kbd aria-hidden="true">U</kbd>
          </button>
        ) : null}
      </div>
    </section>
  );
}
