/**
 * The Optimizer (shared/schedule/personal/optimizer.ts) over fsrs-browser: fsrs-rs's trainer
 * compiled to WebAssembly. Its computeParameters is synchronous and holds the thread until it
 * is done, so it runs in the training worker, never in the window; it cannot stop midway, so
 * a cancel ends the worker (personal-client.ts). The module is handed in already initialised
 * (the worker loads it with the WASM file's URL, the Node tests with its bytes), so this file
 * imports fsrs-browser's types only and loads in any environment.
 */
import type { Fsrs, Progress } from 'fsrs-browser';
import type { Optimizer, TrainingProgress } from '../../../../shared/schedule/personal/optimizer';
import { TrainingStopped } from '../../../../shared/schedule/personal/optimizer';
import { FSRS_WEIGHT_COUNT } from '../../../../shared/schedule/scheduler-settings';

/** What of an initialised fsrs-browser this needs. */
export interface FsrsBrowserModule {
  Fsrs: typeof Fsrs;
  Progress: typeof Progress;
  /** The module's memory (shared: the build uses wasm-bindgen-rayon's atomics). */
  memory: WebAssembly.Memory;
}

export interface FsrsBrowserOptions {
  /**
   * Called just before training starts with where fsrs-rs counts its progress: two u32s
   * (items processed, items in all) at `pointer` in `memory`. Another thread can read them
   * while this one trains (the worker hands them to the window where the memory can be shared).
   */
  onStart?: (memory: WebAssembly.Memory, pointer: number) => void;
}

/** Rounded to 6 decimals: what is stored is exactly what schedules, and float32 noise says nothing. */
function tidy(weights: Float32Array): number[] {
  return Array.from(weights, (w) => Math.round(w * 1e6) / 1e6);
}

/** An Optimizer training with fsrs-browser's computeParameters (short-term reviews on, as Kata schedules). */
export function fsrsBrowserOptimizer(module: FsrsBrowserModule, options: FsrsBrowserOptions = {}): Optimizer {
  return {
    async train(items, onProgress: (progress: TrainingProgress) => void, signal) {
      if (signal.aborted) throw new TrainingStopped();
      const progress = module.Progress.new();
      options.onStart?.(module.memory, progress.pointer());
      onProgress({ done: 0, total: items.lengths.length });
      // computeParameters frees both the Fsrs instance and the Progress it is given.
      const weights = new module.Fsrs().computeParameters(items.ratings, items.deltaTs, items.lengths, progress, true);
      if (signal.aborted) throw new TrainingStopped();
      if (weights.length !== FSRS_WEIGHT_COUNT) throw new Error(`fsrs-browser returned ${weights.length} parameters, not ${FSRS_WEIGHT_COUNT}`);
      onProgress({ done: items.lengths.length, total: items.lengths.length });
      return tidy(weights);
    },
  };
}
