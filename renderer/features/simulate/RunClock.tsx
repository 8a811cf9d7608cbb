import { memo, useEffect, useState } from 'react';
import { clockFace } from './format-duration';

/**
 * The clock against the time limit, ticking once a second on its own (the rest of the run
 * does not re-render for it). Over the limit it says so; the walk goes on.
 */
export const RunClock = memo(function RunClock({ startedAt, limitMs, stoppedAt, now }: { startedAt: number; limitMs: number; stoppedAt?: number; now: () => number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    if (stoppedAt !== undefined) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [stoppedAt]);
  const elapsed = (stoppedAt ?? now()) - startedAt;
  const over = elapsed > limitMs;
  return (
    <p role="timer" className={`run-clock${over ? ' run-clock-over' : ''}`} aria-label={`Time: ${clockFace(elapsed)} of ${clockFace(limitMs)}${over ? ', over the limit' : ''}`}>
      <span aria-hidden="true">
        {clockFace(elapsed)} <span className="run-clock-limit">/ {clockFace(limitMs)}</span>
        {over ? <span className="run-clock-note"> over time</span> : null}
      </span>
    </p>
  );
});
