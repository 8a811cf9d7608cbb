/**
 * Starts check-collection jobs in a Web Worker (check-worker.ts), one worker per
 * job, and on the main thread where no worker can run (no Worker, or it failed
 * to start): the report is the same either way, only the window's
 * responsiveness differs.
 */
import type { CheckProgress, CheckReport, CheckRequest, CheckResponse, RepairResult } from './check-protocol';
import type { OpenCheckRepositories } from './check-runner';
import { createCheckRunner } from './check-runner';

/** The minimum of a Worker this client uses; tests hand in a fake. */
export interface CheckWorker {
  postMessage(message: CheckRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export type JobOutcome<T> =
  | { status: 'done'; value: T }
  | { status: 'cancelled'; progress: CheckProgress }
  | { status: 'failed'; message: string };

export interface CheckJob<T> {
  /** Settles once, when the job is done, cancelled or failed; never rejects. */
  outcome: Promise<JobOutcome<T>>;
  /** Asks the job to stop at its next page (the outcome becomes `cancelled`). */
  cancel(): void;
}

export interface CheckClientOptions {
  /** Starts a worker; `undefined` (no Worker here) runs the job on the main thread. */
  startWorker?: () => CheckWorker | undefined;
  /** Repositories for the main-thread fallback. Without them a job that cannot get a worker fails. */
  fallback?: OpenCheckRepositories;
}

function startCheckWorker(): CheckWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // Vite bundles the worker from this exact expression (new URL + import.meta.url).
  return new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module', name: 'kata-check' });
}

type JobRequest = Extract<CheckRequest, { type: 'check' | 'repair' }>;

function startJob<T>(
  request: JobRequest,
  onProgress: (progress: CheckProgress) => void,
  options: CheckClientOptions,
  pick: (response: CheckResponse) => T | undefined,
): CheckJob<T> {
  let settle!: (outcome: JobOutcome<T>) => void;
  const outcome = new Promise<JobOutcome<T>>((resolve) => (settle = resolve));
  let finished = false;
  let worker: CheckWorker | undefined;
  let cancelLocal: (() => void) | undefined;

  const finish = (result: JobOutcome<T>): void => {
    if (finished) return;
    finished = true;
    worker?.terminate();
    settle(result);
  };

  const receive = (response: CheckResponse): void => {
    if (finished) return;
    if (response.type === 'progress') onProgress(response.progress);
    else if (response.type === 'cancelled') finish({ status: 'cancelled', progress: response.progress });
    else if (response.type === 'failed') finish({ status: 'failed', message: response.message });
    else {
      const value = pick(response);
      if (value !== undefined) finish({ status: 'done', value });
    }
  };

  const runHere = (): void => {
    if (!options.fallback) {
      finish({ status: 'failed', message: 'no worker could be started to check the collection' });
      return;
    }
    const runner = createCheckRunner(options.fallback, receive);
    cancelLocal = () => void runner.handle({ type: 'cancel' });
    void runner.handle(request);
  };

  try {
    worker = (options.startWorker ?? startCheckWorker)();
  } catch {
    worker = undefined;
  }
  if (!worker) {
    runHere();
  } else {
    const started = worker;
    let answered = false;
    started.addEventListener('message', (event) => {
      answered = true;
      receive(event.data);
    });
    started.addEventListener('error', (event) => {
      // Handled here: without preventDefault the failed worker script also lands in the console.
      event.preventDefault();
      const message = 'message' in event && typeof event.message === 'string' ? event.message : 'no reason given';
      if (!answered && !finished) {
        // The worker never ran (its script failed to load): do the job here instead.
        started.terminate();
        worker = undefined;
        console.warn(`Kata checks the collection on the main thread: the worker failed (${message}).`);
        runHere();
      } else {
        finish({ status: 'failed', message: `the check stopped: ${message}` });
      }
    });
    started.addEventListener('messageerror', () => finish({ status: 'failed', message: 'the worker sent an unreadable message' }));
    started.postMessage(request);
  }

  return {
    outcome,
    cancel() {
      if (finished) return;
      if (worker) worker.postMessage({ type: 'cancel' });
      else cancelLocal?.();
    },
  };
}

/** Checks the whole collection in `dbName` with `settings` (the current ones). */
export function startCheck(
  request: Omit<Extract<CheckRequest, { type: 'check' }>, 'type'>,
  onProgress: (progress: CheckProgress) => void,
  options: CheckClientOptions = {},
): CheckJob<CheckReport> {
  return startJob({ type: 'check', ...request }, onProgress, options, (response) =>
    response.type === 'checked' ? response.report : undefined,
  );
}

/** Rewrites the drifted cards' states from their events. */
export function startRepair(
  request: Omit<Extract<CheckRequest, { type: 'repair' }>, 'type'>,
  onProgress: (progress: CheckProgress) => void,
  options: CheckClientOptions = {},
): CheckJob<RepairResult> {
  return startJob({ type: 'repair', ...request }, onProgress, options, (response) =>
    response.type === 'repaired' ? response.result : undefined,
  );
}
