/**
 * The one interface Kata trains FSRS parameters through. fsrs-browser (fsrs-rs in
 * WebAssembly) implements it today (renderer/features/settings/personal/fsrs-browser-optimizer.ts);
 * a faster optimizer (e.g. @open-spaced-repetition/binding, once it installs from the lockfile)
 * can replace it without touching the split, the evaluation or the adoption.
 */
import type { TrainingSet } from './review-history';

/**
 * Fewer training items than this and fsrs-rs does not train at all: its compute_parameters
 * returns the default parameters below 8 items (training.rs), so Kata does not offer training
 * before the earlier part of the history has 8. From 8 to 63 items fsrs-rs fits only the four
 * initial stabilities (its pre-training) and keeps the other defaults; all 21 from 64 on.
 */
export const MIN_TRAINING_ITEMS = 8;

/** From this many training items on, fsrs-rs fits all 21 parameters (below, only the first four). */
export const FULL_TRAINING_ITEMS = 64;

/** How far training has got (the optimizer's own count of items processed, over its epochs). */
export interface TrainingProgress {
  done: number;
  total: number;
}

/** Whether the caller asked to stop (an AbortSignal fits). */
export interface StopSignal {
  readonly aborted: boolean;
}

/** Trains the 21 FSRS-6 parameters on `items`; rejects when `signal` was aborted before it finished. */
export interface Optimizer {
  train(items: TrainingSet, onProgress: (progress: TrainingProgress) => void, signal: StopSignal): Promise<number[]>;
}

/** Thrown (or rejected with) when training was stopped by its signal. */
export class TrainingStopped extends Error {
  constructor() {
    super('training stopped');
    this.name = 'TrainingStopped';
  }
}
