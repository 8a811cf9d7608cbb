import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppServices, useLibrary, usePractice, useSettings } from '../../app/app-services';
import { ScreenHeader } from '../../app/ui/ScreenHeader';
import { CardView } from './CardView';
import { KeyboardHelp } from './KeyboardHelp';
import { LiveRegion } from '../../app/ui/LiveRegion';
import { SessionActions } from './SessionActions';
import { SessionProgress } from './SessionProgress';
import { SessionSummary } from './SessionSummary';
import { NothingToPractise, StartPanel } from './StartPanel';
import { usePracticeKeys } from './use-practice-keys';
import { usePracticeRequest } from './use-practice-request';
import './practice.css';

/** Practice: the start panel, then one card at a time, then the summary. The session itself lives in the practice store. */
export function PracticeScreen() {
  const { practiceStore } = useAppServices();
  const { request, key } = usePracticeRequest();
  const status = usePractice((state) => state.status);
  const overview = usePractice((state) => state.overview);
  const session = usePractice((state) => state.session);
  const summary = usePractice((state) => state.summary);
  const error = usePractice((state) => state.error);
  const announcement = usePractice((state) => state.announcement);
  // The library is loaded at start-up: with no pack at all, say so at once instead of after reading the cards.
  const noPacks = useLibrary((state) => state.status === 'ready' && state.active.length === 0);
  const newCards = useSettings((state) => state.values.newCardsPerDay);
  const reviews = useSettings((state) => state.values.maxReviewsPerDay);
  const primary = useRef<(() => void) | null>(null);
  const [showSource, setShowSource] = useState(false);
  const toggleSource = useCallback(() => setShowSource((shown) => !shown), []);
  usePracticeKeys(practiceStore, { primary, toggleSource });

  useEffect(() => {
    void practiceStore.getState().load(request);
    // `key` names the request: a new object for the same session must not reload it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [practiceStore, key]);

  const current = session?.current;
  const done = session ? session.events.length + session.setAside : 0;

  return (
    <>
      <ScreenHeader title="Practice" lead="Each step recalled just before you would forget it." />
      {noPacks && status !== 'session' ? <NothingToPractise newCards={newCards} reviews={reviews} /> : null}
      {noPacks ? null : status === 'idle' || status === 'loading' ? (
        <p className="muted" role="status">
          Loading your cards…
        </p>
      ) : null}
      {status === 'error' ? (
        <p className="error-line" role="alert">
          {error}
        </p>
      ) : null}
      {status === 'start' && overview && !noPacks ? <StartPanel overview={overview} primary={primary} /> : null}
      {status === 'session' && session && current ? (
        <section className="practice-session" aria-label="Practice session">
          <SessionProgress done={done} total={done + 1 + session.upcoming.length} />
          <CardView key={session.turn} session={session} primary={primary} showSource={showSource} onToggleSource={toggleSource} />
          {session.error ? (
            <p className="error-line" role="alert">
              {session.error}
            </p>
          ) : null}
          <SessionActions session={session} />
        </section>
      ) : null}
      {status === 'summary' && summary && session && !noPacks ? <SessionSummary summary={summary} session={session} primary={primary} /> : null}
      <LiveRegion id={announcement.id} text={announcement.text} />
      <KeyboardHelp />
    </>
  );
}
