/**
 * The personal-scheduling worker: opens Kata's database itself, reads the answers by pages of
 * cards, trains with fsrs-browser (whose computeParameters holds this thread until it is done:
 * the window stays free) and posts progress and results.
 *
 * fsrs-browser is built with wasm-bindgen-rayon, so its memory is shared. Where the page is
 * cross-origin isolated (the app:// protocol and the web server send COOP/COEP) the window reads
 * fsrs-rs's own progress count from that memory while this thread is busy; elsewhere it shows
 * the phase only.
 */
import initFsrs, { Fsrs, Progress } from 'fsrs-browser';
import { createRepositories, openKataDb } from '../../../storage/index';
import { fsrsBrowserOptimizer } from './fsrs-browser-optimizer';
import type { PersonalProgress, PersonalRequest, PersonalResponse } from './personal-protocol';
import { collectionWorkload, personalStatus, trainOnCollection } from './personal-job';

// The renderer's lib is DOM, not WebWorker: describe the little of the worker scope this uses.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<PersonalRequest>) => void): void;
  postMessage(message: PersonalResponse): void;
  crossOriginIsolated?: boolean;
};

/**
 * Threads: fsrs-browser can train on a wasm-bindgen-rayon pool (initThreadPool) where the page
 * is cross-origin isolated. Started in this worker in the built app, the pool's training never
 * returned in headless Chromium (the e2e waited four minutes), so Kata trains on this worker's
 * one thread, which is also what a machine of two cores has to spare while the window draws.
 */
const THREADS = 1;

let loaded: Promise<{ memory: WebAssembly.Memory; threads: number }> | undefined;

function load(): Promise<{ memory: WebAssembly.Memory; threads: number }> {
  loaded ??= (async () => {
    const exports = await initFsrs();
    return { memory: exports.memory, threads: THREADS };
  })();
  return loaded;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function run(request: PersonalRequest): Promise<void> {
  const onProgress = (progress: PersonalProgress): void => scope.postMessage({ type: 'progress', progress });
  const db = await openKataDb(request.dbName);
  try {
    const repositories = createRepositories(db);
    if (request.type === 'status') {
      scope.postMessage({ type: 'status', status: await personalStatus(repositories, request.settings, onProgress) });
    } else if (request.type === 'workload') {
      scope.postMessage({ type: 'workload', points: await collectionWorkload(repositories, request.settings, request.start, onProgress) });
    } else {
      const started = performance.now();
      const { memory, threads } = await load();
      const optimizer = fsrsBrowserOptimizer(
        { Fsrs, Progress, memory },
        {
          // Only shared memory can cross to the window, and only an isolated page may share it.
          onStart: (shared, pointer) => {
            if (scope.crossOriginIsolated === true) scope.postMessage({ type: 'training-memory', memory: shared, pointer });
          },
        },
      );
      const { status, result } = await trainOnCollection(repositories, request.settings, optimizer, onProgress, request.maxItems);
      scope.postMessage({ type: 'trained', status, result, durationMs: performance.now() - started, threads });
    }
  } catch (error) {
    scope.postMessage({ type: 'failed', message: describe(error) });
  } finally {
    db.close();
  }
}

scope.addEventListener('message', (event) => {
  // wasm-bindgen-rayon's helper listens on the same scope for its own messages.
  if (typeof event.data === 'object' && event.data !== null && 'dbName' in event.data) void run(event.data);
});
