/**
 * Messages between the Settings screen and the personal-scheduling worker
 * (personal-worker.ts). Plain data only: everything crosses by structured clone.
 */
import type { SchedulerSettings } from '../../../../shared/schedule/scheduler-settings';
import type { PersonalTrainingResult, TrainingReadiness } from '../../../../shared/schedule/personal/personal-training';
import type { WorkloadPoint } from '../../../../shared/schedule/personal/workload';

export type PersonalPhase = 'reading' | 'training' | 'evaluating' | 'workload';

export interface PersonalProgress {
  phase: PersonalPhase;
  done: number;
  /** 0 while the total is not known (training where its progress cannot be read). */
  total: number;
}

/** The answers and how they would split for training. */
export interface PersonalStatus {
  answers: number;
  cards: number;
  readiness: TrainingReadiness;
}

export type PersonalRequest =
  | { type: 'status'; dbName: string; settings: SchedulerSettings }
  | { type: 'train'; dbName: string; settings: SchedulerSettings; maxItems?: number }
  | { type: 'workload'; dbName: string; settings: SchedulerSettings; start: number };

export type PersonalResponse =
  | { type: 'progress'; progress: PersonalProgress }
  /** Where fsrs-rs counts training progress (shared memory): the window reads it while the worker trains. */
  | { type: 'training-memory'; memory: WebAssembly.Memory; pointer: number }
  | { type: 'status'; status: PersonalStatus }
  | { type: 'trained'; status: PersonalStatus; result: PersonalTrainingResult; durationMs: number; threads: number }
  | { type: 'workload'; points: WorkloadPoint[] }
  | { type: 'failed'; message: string };
