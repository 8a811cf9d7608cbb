import { useEffect, useState } from 'react';
import { formatSeconds } from '../../../shared/schedule/auto-grade';
import type { PracticeCard } from '../../state/practice/practice-collection';
import { MEMORY_DEFAULT_LIMIT_MS } from '../../../shared/drills/memory-limit';
import type { Phase } from '../../state/practice/practice-session';
import { TypedAnswer } from './TypedAnswer';

/** How long the clock has run, ticking while `running`. */
function useElapsed(since: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 200);
    return () => window.clearInterval(timer);
  }, [running]);
  return Math.max(0, now - since);
}

function MemoryClock({ shownAt, limitMs, running }: { shownAt: number; limitMs: number; running: boolean }) {
  const elapsed = useElapsed(shownAt, running);
  const left = limitMs - elapsed;
  const share = Math.max(0, Math.min(1, left / limitMs));
  const late = left < 0;
  return (
    <div className={`memory-clock${late ? ' memory-clock-late' : left < 5_000 ? ' memory-clock-low' : ''}`}>
      <div className="memory-clock-track" aria-hidden="true">
        <span className="memory-clock-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <span role="timer" aria-label="Time left" className="memory-clock-time">
        {late ? `${formatSeconds(-left)} over` : `${formatSeconds(left)} left`}
      </span>
      <span className="visually-hidden" aria-live="assertive">
        {left < 5_000 && left > 0 ? 'Five seconds left.' : late ? 'Time is up.' : ''}
      </span>
    </div>
  );
}

/** A memory item: the exact step, from recall, against the clock. Right and in time is correct; anything else is Again. */
export function MemoryDrill({ card, phase, busy, promptId }: { card: PracticeCard; phase: Phase; busy: boolean; promptId: string }) {
  const limitMs = card.timeLimitMs ?? MEMORY_DEFAULT_LIMIT_MS;
  return (
    <TypedAnswer label="The step, exactly" expected={card.spec.answer} phase={phase} busy={busy} promptId={promptId}>
      {phase.name === 'question' ? (
        <div className="typed-extra">
          <MemoryClock shownAt={phase.shownAt} limitMs={limitMs} running={!busy} />
          <span className="drill-hint">{formatSeconds(limitMs)} for this item.</span>
        </div>
      ) : null}
    </TypedAnswer>
  );
}
