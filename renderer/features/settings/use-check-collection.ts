import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppServices } from '../../app/app-services';
import { activeDatabaseName } from '../../storage/index';
import { currentSchedulerSettings } from '../../state/settings/scheduler-settings';
import type { CheckJob } from './check-client';
import { startCheck, startRepair } from './check-client';
import type { CheckProgress, CheckReport, RepairResult } from './check-protocol';

export type CheckPhase = 'idle' | 'checking' | 'checked' | 'repairing' | 'repaired' | 'cancelled' | 'failed';

export interface CheckCollectionState {
  phase: CheckPhase;
  progress?: CheckProgress;
  report?: CheckReport;
  repairResult?: RepairResult;
  /** What was cancelled, for the status line. */
  cancelled?: 'check' | 'repair';
  error?: string;
}

/**
 * Runs Check collection and Repair in the worker, one job at a time, with the
 * scheduler settings in force when the job starts and the history of their FSRS
 * parameters (each answer replays with those of its time). Leaving the screen cancels
 * a running job.
 */
export function useCheckCollection(dbName: string = activeDatabaseName()) {
  const { repositories, settingsStore } = useAppServices();
  const [state, setState] = useState<CheckCollectionState>({ phase: 'idle' });
  const job = useRef<CheckJob<unknown> | undefined>(undefined);

  useEffect(() => () => job.current?.cancel(), []);

  const options = useCallback(
    () => ({ fallback: async () => ({ repositories, close: () => undefined }) }),
    [repositories],
  );
  const onProgress = useCallback((progress: CheckProgress) => setState((previous) => ({ ...previous, progress })), []);

  const check = useCallback(async () => {
    if (job.current) return;
    setState({ phase: 'checking' });
    const { schedulerHistory } = settingsStore.getState();
    const started = startCheck({ dbName, settings: currentSchedulerSettings(settingsStore), history: schedulerHistory }, onProgress, options());
    job.current = started;
    const outcome = await started.outcome;
    job.current = undefined;
    if (outcome.status === 'done') setState({ phase: 'checked', report: outcome.value });
    else if (outcome.status === 'cancelled') setState({ phase: 'cancelled', cancelled: 'check', progress: outcome.progress });
    else setState({ phase: 'failed', error: `The check could not finish: ${outcome.message}` });
  }, [dbName, settingsStore, onProgress, options]);

  const repair = useCallback(async () => {
    const report = state.report;
    if (job.current || !report || report.driftedIds.length === 0) return;
    setState({ phase: 'repairing', report });
    // The report's settings, not today's: Repair writes what the person was shown as "expected".
    const started = startRepair(
      { dbName, settings: report.settings, history: report.history, cardIds: report.driftedIds },
      onProgress,
      options(),
    );
    job.current = started;
    const outcome = await started.outcome;
    job.current = undefined;
    if (outcome.status === 'done') setState({ phase: 'repaired', report, repairResult: outcome.value });
    else if (outcome.status === 'cancelled') setState({ phase: 'cancelled', cancelled: 'repair', report, progress: outcome.progress });
    else setState({ phase: 'failed', report, error: `The repair could not finish: ${outcome.message}` });
  }, [dbName, state.report, onProgress, options]);

  const cancel = useCallback(() => job.current?.cancel(), []);

  return { ...state, check, repair, cancel };
}
