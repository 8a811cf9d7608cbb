/**
 * Lays out a scenario chart off the main thread: dagre on a tree of hundreds of nodes takes
 * long enough to drop frames. Pure: a pack in, its layout out (plain data, structured-cloned).
 */
import { layoutChart } from './layout';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

// The renderer's lib is DOM, not WebWorker: describe the little of the worker scope this uses.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest>) => void): void;
  postMessage(message: LayoutResponse): void;
};

scope.addEventListener('message', (event) => {
  const { id, pack } = event.data;
  try {
    scope.postMessage({ id, layout: layoutChart(pack) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
