import { useEffect, useRef } from 'react';
import type { Rating } from '../../../shared/model';
import type { Intervals } from '../../../shared/schedule/grade-answer';
import { RATING_LABELS, formatInterval } from './format';

/**
 * Again / Hard / Good / Easy, each with its key and the interval it would give
 * (computed by the scheduler for this very answer). `suggested` marks the
 * automatic grade; `focusRating` takes focus when the bar appears.
 */
export function GradeBar({
  grades,
  intervals,
  onGrade,
  busy,
  suggested,
  focusRating,
  label = 'Grade your recall',
}: {
  grades: readonly Rating[];
  intervals: Intervals;
  onGrade: (rating: Rating) => void;
  busy: boolean;
  suggested?: Rating;
  focusRating?: Rating;
  label?: string;
}) {
  const focusRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    focusRef.current?.focus();
  }, []);

  return (
    <div className="grade-bar" role="group" aria-label={label}>
      {grades.map((rating) => (
        <button
          key={rating}
          ref={rating === focusRating ? focusRef : undefined}
          type="button"
          className={`grade grade-${rating}${rating === suggested ? ' grade-suggested' : ''}`}
          onClick={() => onGrade(rating)}
          disabled={busy}
          aria-keyshortcuts={String(rating)}
        >
          {/* The name is the visible text ("Again", "10m") with words between, never a second label (WCAG 2.5.3). */}
          <span className="grade-name">
            <kbd aria-hidden="true">{rating}</kbd> {RATING_LABELS[rating]}
          </span>
          <span className="grade-interval">
            <span className="visually-hidden">, next in </span>
            {formatInterval(intervals[rating])}
          </span>
          {rating === suggested ? <span className="visually-hidden"> (the automatic grade)</span> : null}
        </button>
      ))}
    </div>
  );
}
