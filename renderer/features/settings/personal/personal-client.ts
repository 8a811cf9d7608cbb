/**
 * Starts personal-scheduling jobs in a Web Worker (personal-worker.ts), one worker per job.
 * Training cannot stop midway (fsrs-browser's computeParameters is one synchronous call), so
 * Cancel ends the worker: nothing is written until the person adopts, so nothing is lost.
 * There is no main-thread fallback: training there would freeze the window for as long as it takes.
 */
import type { PersonalProgress, PersonalRequest, PersonalResponse } from './personal-protocol';

/** The minimum of a Worker this client uses; tests hand in a fake. */
export interface PersonalWorker {
  postMessage(message: PersonalRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PersonalResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

type Answer = Extract<PersonalResponse, { type: 'status' | 'trained' | 'workload' }>;

export type PersonalOutcome<T extends Answer> = { status: 'done'; value: T } | { status: 'cancelled' } | { status: 'failed'; message: string };

export interface PersonalJob<T extends Answer> {
  /** Settles once; never rejects. */
  outcome: Promise<PersonalOutcome<T>>;
  cancel(): void;
}

/** How often the window reads fsrs-rs's progress count while the worker trains. */
const PROGRESS_POLL_MS = 250;

function startPersonalWorker(): PersonalWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // Vite bundles the worker from this exact expression (new URL + import.meta.url).
  return new Worker(new URL('./personal-worker.ts', import.meta.url), { type: 'module', name: 'kata-personal' });
}

/** fsrs-rs's two u32 counters (items processed, items in all), as fsrs-browser's getProgress reads them. */
function readTrainingProgress(memory: WebAssembly.Memory, pointer: number): PersonalProgress {
  const counters = new Uint32Array(memory.buffer, pointer, 2);
  return { phase: 'training', done: counters[0] ?? 0, total: counters[1] ?? 0 };
}

/** Runs `request` in a worker; `expect` names the answer that completes it. */
export function startPersonalJob<T extends Answer>(
  request: PersonalRequest,
  expect: T['type'],
  onProgress: (progress: PersonalProgress) => void,
  startWorker: () => PersonalWorker | undefined = startPersonalWorker,
): PersonalJob<T> {
  let settle!: (outcome: PersonalOutcome<T>) => void;
  const outcome = new Promise<PersonalOutcome<T>>((resolve) => (settle = resolve));
  let finished = false;
  let poll: ReturnType<typeof setInterval> | undefined;
  let worker: PersonalWorker | undefined;

  const finish = (result: PersonalOutcome<T>): void => {
    if (finished) return;
    finished = true;
    if (poll !== undefined) clearInterval(poll);
    worker?.terminate();
    settle(result);
  };

  try {
    worker = startWorker();
  } catch {
    worker = undefined;
  }
  if (!worker) {
    finish({ status: 'failed', message: 'this window cannot start a worker to train in' });
    return { outcome, cancel: () => undefined };
  }
  worker.addEventListener('message', (event) => {
    const response = event.data;
    if (finished) return;
    if (response.type === 'progress') onProgress(response.progress);
    else if (response.type === 'training-memory') {
      const { memory, pointer } = response;
      poll = setInterval(() => {
        const progress = readTrainingProgress(memory, pointer);
        if (progress.total > 0) onProgress(progress);
      }, PROGRESS_POLL_MS);
    } else if (response.type === 'failed') finish({ status: 'failed', message: response.message });
    else if (response.type === expect) {
      finish({ status: 'done', value: response as T });
    }
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const message = 'message' in event && typeof event.message === 'string' ? event.message : 'no reason given';
    finish({ status: 'failed', message: `the worker stopped: ${message}` });
  });
  worker.addEventListener('messageerror', () => finish({ status: 'failed', message: 'the worker sent an unreadable message' }));
  worker.postMessage(request);
  return { outcome, cancel: () => finish({ status: 'cancelled' }) };
}
