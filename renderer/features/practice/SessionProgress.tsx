import { memo } from 'react';
/** How far through the session: cards done (answered or set aside) of all the session holds now. */
// Memoised: the practice screen re-renders on every card, this part only when its props change.
export const SessionProgress = memo(function SessionProgress({ done, total }: { done: number; total: number }) {
  const share = total === 0 ? 0 : Math.min(1, done / total);
  return (
    <div className="session-progress">
      <div
        className="session-progress-track"
        role="progressbar"
        aria-label="Session progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} cards done`}
      >
        <span className="session-progress-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <span className="session-progress-count" aria-hidden="true">
        {done} / {total}
      </span>
    </div>
  );
});
