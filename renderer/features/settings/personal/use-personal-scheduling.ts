/**
 * Personal scheduling's state: the answers and whether they are enough (counted in the worker
 * when the screen opens), a training run with its progress and Cancel, the last result (kept in
 * the settings repository so it is still there after a restart), the choice (Adopt, Keep
 * defaults, Go back to defaults: adopting and going back are changes of the `weights` setting,
 * which the settings store records in the scheduler history in the same transaction), and the
 * workload chart for the parameters in force. Leaving the screen cancels a running job.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppServices, useSettings } from '../../../app/app-services';
import { activeDatabaseName } from '../../../storage/index';
import { toSchedulerSettings } from '../../../state/settings/scheduler-settings';
import type { PersonalTrainingResult } from '../../../../shared/schedule/personal/personal-training';
import type { WorkloadPoint } from '../../../../shared/schedule/personal/workload';
import { studyDayStart } from '../../../../shared/schedule/day';
import type { PersonalJob } from './personal-client';
import { startPersonalJob } from './personal-client';
import type { PersonalProgress, PersonalResponse, PersonalStatus } from './personal-protocol';

/** Where the last training result is kept (settings repository). */
export const PERSONAL_REPORT_KEY = 'personalSchedulingReport';

/** A training result as kept: what was trained, how it compared, and what the person chose. */
export interface PersonalReport extends PersonalTrainingResult {
  trainedAt: number;
  durationMs: number;
  threads: number;
  /** The person chose to keep the parameters in force instead. */
  kept?: boolean;
}

type Trained = Extract<PersonalResponse, { type: 'trained' }>;

export type TrainingPhase = 'idle' | 'training' | 'cancelled' | 'failed';

export interface PersonalState {
  status?: PersonalStatus;
  statusError?: string;
  phase: TrainingPhase;
  progress?: PersonalProgress;
  report?: PersonalReport;
  error?: string;
  workload?: WorkloadPoint[];
}

function isReport(value: unknown): value is PersonalReport {
  const report = value as PersonalReport | null;
  return typeof report === 'object' && report !== null && Array.isArray(report.weights) && typeof report.trainedAt === 'number' && typeof report.decision?.sentence === 'string';
}

export function usePersonalScheduling(dbName: string = activeDatabaseName()) {
  const { repositories, settingsStore } = useAppServices();
  const values = useSettings((state) => state.values);
  const [state, setState] = useState<PersonalState>({ phase: 'idle' });
  const training = useRef<PersonalJob<never> | undefined>(undefined);
  const weightsKey = JSON.stringify(values.weights);
  const { dayStartHour } = values;

  const settings = useCallback(() => toSchedulerSettings(settingsStore.getState().values), [settingsStore]);

  // The answers and the last report, once per visit.
  useEffect(() => {
    const job = startPersonalJob<{ type: 'status'; status: PersonalStatus }>({ type: 'status', dbName, settings: settings() }, 'status', () => undefined);
    void job.outcome.then((outcome) => {
      if (outcome.status === 'done') setState((s) => ({ ...s, status: outcome.value.status }));
      else if (outcome.status === 'failed') setState((s) => ({ ...s, statusError: outcome.message }));
    });
    void repositories.settings.get<unknown>(PERSONAL_REPORT_KEY, undefined).then((stored) => {
      if (isReport(stored)) setState((s) => ({ ...s, report: s.report ?? stored }));
    });
    return () => job.cancel();
  }, [dbName, repositories, settings]);

  // The workload of the parameters in force, again whenever they change.
  useEffect(() => {
    const now = Date.now();
    const start = studyDayStart(now, dayStartHour, new Date(now).getTimezoneOffset());
    const job = startPersonalJob<{ type: 'workload'; points: WorkloadPoint[] }>({ type: 'workload', dbName, settings: settings(), start }, 'workload', () => undefined);
    void job.outcome.then((outcome) => {
      if (outcome.status === 'done') setState((s) => ({ ...s, workload: outcome.value.points }));
    });
    return () => job.cancel();
  }, [dbName, settings, weightsKey, dayStartHour]);

  useEffect(() => () => training.current?.cancel(), []);

  const train = useCallback(async () => {
    if (training.current) return;
    setState((s) => ({ ...s, phase: 'training', progress: undefined, error: undefined }));
    const job = startPersonalJob<Trained>({ type: 'train', dbName, settings: settings() }, 'trained', (progress) =>
      setState((s) => ({ ...s, progress })),
    );
    training.current = job as PersonalJob<never>;
    const outcome = await job.outcome;
    training.current = undefined;
    if (outcome.status === 'done') {
      const { status, result, durationMs, threads } = outcome.value;
      const report: PersonalReport = { ...result, trainedAt: Date.now(), durationMs, threads };
      setState((s) => ({ ...s, phase: 'idle', status, report }));
      await repositories.settings.set(PERSONAL_REPORT_KEY, report);
    } else if (outcome.status === 'cancelled') {
      setState((s) => ({ ...s, phase: 'cancelled' }));
    } else {
      setState((s) => ({ ...s, phase: 'failed', error: `Training could not finish: ${outcome.message}` }));
    }
  }, [dbName, repositories, settings]);

  const cancel = useCallback(() => training.current?.cancel(), []);

  const adopt = useCallback(async () => {
    const report = state.report;
    if (!report || !report.decision.adopt) return;
    await settingsStore.getState().set('weights', report.weights);
  }, [settingsStore, state.report]);

  const keep = useCallback(async () => {
    const report = state.report;
    if (!report) return;
    const kept = { ...report, kept: true };
    setState((s) => ({ ...s, report: kept }));
    await repositories.settings.set(PERSONAL_REPORT_KEY, kept);
  }, [repositories, state.report]);

  const goBack = useCallback(async () => {
    await settingsStore.getState().set('weights', null);
  }, [settingsStore]);

  return { ...state, weights: values.weights, desiredRetention: values.desiredRetention, train, cancel, adopt, keep, goBack };
}
