import { useCallback, useEffect, useState } from 'react';
import { useAppServices, useSimulate } from '../../app/app-services';
import { LiveRegion } from '../../app/ui/LiveRegion';
import { ScreenHeader } from '../../app/ui/ScreenHeader';
import { ModalDialog } from '../library/ModalDialog';
import { BriefingPanel } from './BriefingPanel';
import { DebriefPanel } from './DebriefPanel';
import { RunPanel } from './RunPanel';
import { ScenarioList } from './ScenarioList';
import { showAddress, simulateAddressOf, useHash } from './use-simulate-address';
import { useSimulateKeys } from './use-simulate-keys';
import './simulate.css';

/** Simulate: the scenarios to walk, a briefing, the run, and the debrief. The run lives in the simulate store. */
export function SimulateScreen() {
  const { simulateStore } = useAppServices();
  const hash = useHash();
  const status = useSimulate((state) => state.status);
  const run = useSimulate((state) => state.run);
  const debriefId = useSimulate((state) => state.debrief?.attempt.id);
  const error = useSimulate((state) => state.error);
  const notice = useSimulate((state) => state.notice);
  const announcement = useSimulate((state) => state.announcement);
  const listedAt = useSimulate((state) => state.listedAt);
  const [confirmAbandon, setConfirmAbandon] = useState(false);
  const askAbandon = useCallback(() => setConfirmAbandon(true), []);
  useSimulateKeys(simulateStore, askAbandon, confirmAbandon);

  // The address says what to show: a debrief (kept across a reload), a pack's briefing, or the list.
  useEffect(() => {
    const address = simulateAddressOf(hash);
    const store = simulateStore.getState();
    if (address.attempt) void store.openDebrief(address.attempt);
    else if (address.pack && store.status !== 'running') void store.brief(address.pack);
    else void store.load();
  }, [simulateStore, hash]);

  // And the screen keeps the address up to date, so a reload comes back to the same debrief.
  useEffect(() => {
    if (status === 'debrief' && debriefId) showAddress({ attempt: debriefId });
    else if (status === 'list') showAddress({});
  }, [status, debriefId]);

  return (
    <>
      <ScreenHeader title="Simulate" lead="Walk through the incidents that rarely happen for real, until the path is automatic." />
      {status === 'idle' || status === 'loading' ? (
        <p className="muted" role="status">
          Loading your scenarios…
        </p>
      ) : null}
      {status === 'error' ? (
        <div className="actions">
          <p className="error-line" role="alert">
            {error}
          </p>
          <button type="button" className="button" onClick={() => void simulateStore.getState().backToList()}>
            Back to the list
          </button>
        </div>
      ) : null}
      {status === 'list' && notice ? (
        <p className="notice-line" role="status">
          {notice}
        </p>
      ) : null}
      {status === 'list' ? <ScenarioList now={listedAt} /> : null}
      {status === 'briefing' ? <BriefingPanel /> : null}
      {status === 'running' && run ? <RunPanel run={run} now={Date.now} onAbandon={askAbandon} /> : null}
      {status === 'debrief' ? <DebriefPanel /> : null}
      {confirmAbandon && run ? (
        <ModalDialog title="Abandon this scenario?" onClose={() => setConfirmAbandon(false)}>
          <div className="modal-body">
            <p>The decisions you made are kept, and the attempt is recorded as abandoned.</p>
            <div className="actions">
              <button type="button" className="button" data-autofocus onClick={() => setConfirmAbandon(false)}>
                Keep going
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  setConfirmAbandon(false);
                  void simulateStore.getState().abandon();
                }}
              >
                Abandon
              </button>
            </div>
          </div>
        </ModalDialog>
      ) : null}
      <LiveRegion id={announcement.id} text={announcement.text} />
    </>
  );
}
