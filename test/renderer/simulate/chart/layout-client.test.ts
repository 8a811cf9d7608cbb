/**
 * The layout client: each layout runs in a worker of its own, which is ended once it has
 * answered; a worker that fails to start or to load gives the same layout on the main
 * thread; a layout that fails rejects.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PackSource } from '../../../../shared/model';
import { layoutChart } from '../../../../renderer/features/simulate/chart/layout';
import type { LayoutWorker } from '../../../../renderer/features/simulate/chart/layout-client';
import { createLayoutClient } from '../../../../renderer/features/simulate/chart/layout-client';
import type { LayoutRequest, LayoutResponse } from '../../../../renderer/features/simulate/chart/layout-protocol';
import { samplePack } from './chart-packs';

type Listener = (event: Event & { data?: LayoutResponse }) => void;

/** A worker in this thread: answers like layout-worker.ts, or fails as told. */
function fakeWorker(behaviour: 'answer' | 'fail-to-load' | 'throw' = 'answer') {
  const listeners = new Map<string, Listener[]>();
  const emit = (type: string, event: Event & { data?: LayoutResponse }) => listeners.get(type)?.forEach((listener) => listener(event));
  const worker = {
    terminated: false,
    postMessage(message: LayoutRequest) {
      queueMicrotask(() => {
        if (behaviour === 'fail-to-load') {
          const event = Object.assign(new Event('error', { cancelable: true }), { message: 'script failed to load' });
          emit('error', event);
        } else if (behaviour === 'throw') {
          emit('message', Object.assign(new Event('message'), { data: { id: message.id, error: 'dagre broke' } }));
        } else {
          emit('message', Object.assign(new Event('message'), { data: { id: message.id, layout: layoutChart(structuredClone(message.pack)) } }));
        }
      });
    },
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

const pack: PackSource = samplePack('overfitting-diagnosis.mmd');

describe('createLayoutClient', () => {
  it('lays out in a worker of its own and ends it after the answer', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const layOut = createLayoutClient(() => {
      const worker = fakeWorker();
      workers.push(worker);
      return worker as unknown as LayoutWorker;
    });
    expect(await layOut(pack)).toEqual(layoutChart(pack));
    expect(await layOut(pack)).toEqual(layoutChart(pack));
    expect(workers).toHaveLength(2);
    expect(workers.every((worker) => worker.terminated)).toBe(true);
  });

  it('lays out on the main thread where no worker can start', async () => {
    expect(await createLayoutClient(() => undefined)(pack)).toEqual(layoutChart(pack));
    const throwing = createLayoutClient(() => {
      throw new Error('blocked');
    });
    expect(await throwing(pack)).toEqual(layoutChart(pack));
  });

  it('falls back to the main thread when the worker script fails to load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const worker = fakeWorker('fail-to-load');
    expect(await createLayoutClient(() => worker as unknown as LayoutWorker)(pack)).toEqual(layoutChart(pack));
    expect(worker.terminated).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('script failed to load'));
    warn.mockRestore();
  });

  it('rejects when the layout fails in the worker', async () => {
    const worker = fakeWorker('throw');
    await expect(createLayoutClient(() => worker as unknown as LayoutWorker)(pack)).rejects.toThrow('dagre broke');
    expect(worker.terminated).toBe(true);
  });
});
