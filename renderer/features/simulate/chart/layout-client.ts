/**
 * Lays out a chart in a Web Worker (layout-worker.ts), or on the main thread where no
 * worker can run (no Worker, or its script failed to load): the layout is the same either
 * way, only the window's responsiveness differs. A chart is laid out once per pack version
 * (then cached), so each layout gets its own worker, ended when it answers: nothing stays
 * running between debriefs.
 */
import type { PackSource } from '../../../../shared/model';
import type { ChartLayout } from './layout-record';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

/** Lays out a pack's chart; rejects only when the layout itself fails. */
export type LayOut = (pack: PackSource) => Promise<ChartLayout>;

/** The minimum of a Worker this client uses; tests hand in a fake. */
export interface LayoutWorker {
  postMessage(message: LayoutRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

function startLayoutWorker(): LayoutWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // Vite bundles the worker from this exact expression (new URL + import.meta.url).
  return new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'kata-chart-layout' });
}

/** The main-thread layout, loaded only when needed: dagre is already in the worker's bundle. */
export const layOutOnMainThread: LayOut = async (pack) => (await import('./layout')).layoutChart(pack);

export function createLayoutClient(startWorker: () => LayoutWorker | undefined = startLayoutWorker): LayOut {
  let nextId = 1;
  return (pack) => {
    let worker: LayoutWorker | undefined;
    try {
      worker = startWorker();
    } catch {
      worker = undefined;
    }
    if (!worker) return layOutOnMainThread(pack);
    const started = worker;
    const id = nextId++;
    return new Promise<ChartLayout>((resolve, reject) => {
      let settled = false;
      const settle = (finish: () => void): void => {
        if (settled) return;
        settled = true;
        started.terminate();
        finish();
      };
      const fallBack = (reason: string): void =>
        settle(() => {
          console.warn(`Kata lays out the chart on the main thread: the layout worker ${reason}.`);
          layOutOnMainThread(pack).then(resolve, reject);
        });
      started.addEventListener('message', (event) => {
        if (event.data.id !== id) return;
        const response = event.data;
        settle(() => ('layout' in response ? resolve(response.layout) : reject(new Error(response.error))));
      });
      started.addEventListener('error', (event) => {
        // Handled here: without preventDefault the failed worker script also lands in the console as an error.
        event.preventDefault();
        const message = 'message' in event && typeof event.message === 'string' ? event.message : 'no reason given';
        fallBack(`failed (${message})`);
      });
      started.addEventListener('messageerror', () => fallBack('sent an unreadable message'));
      try {
        started.postMessage({ id, pack });
      } catch (error) {
        fallBack(`could not be sent the pack (${error instanceof Error ? error.message : String(error)})`);
      }
    });
  };
}
