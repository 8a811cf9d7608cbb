/**
 * The Progress screen at scale, on the practice benchmarks' collection (100 000 cards and
 * 1 000 000 answers, written once into the persistent bench profile; `--quick`: 2 000 / 20 000):
 *
 * - "progress: the screen's data": a fresh Progress store's load to its report (the packs, the
 *   day and week rollups, the memory sketches, the simulation summaries; never the events), as
 *   the screen's first paint waits for it. The due forecast (index counts over every card) and
 *   the weakest cards follow the first paint and finish untimed.
 * - "progress: first paint with charts": the real App rendered at `#/progress` with a fresh
 *   store (as after a reload; the screen's code already loaded) until the first page of pack
 *   cards and the charts (calendar, level over time, calibration) are committed and laid out.
 *
 * The rollups are brought up to date once, untimed, before the first run (the collection is
 * written without them, as answers added in bulk are).
 */
import type { AppServices } from '../../renderer/app/app-services';
import { currentSchedulerSettings } from '../../renderer/state/settings/scheduler-settings';
import { createProgressStore } from '../../renderer/state/progress/progress-store';
import { PACKS_PER_PAGE } from '../../renderer/features/progress/PackProgressList';
import type { ProgressStore } from '../../renderer/state/progress/progress-store';
import { defineBenchCase, type BenchOptions } from '../lib/types';
import { benchCollection } from './support/collection';
import { benchServices, renderApp, waitFor } from './support/practice-ui';

interface Ready {
  services: AppServices;
  /** The collection's "now" (its answers were given before it). */
  now: number;
  packs: number;
}

let ready: Promise<Ready> | undefined;
let readyQuick: boolean | undefined;

/** The app's services over the collection, with the rollups rebuilt once (untimed). */
function progressServices(options: BenchOptions): Promise<Ready> {
  if (!ready || readyQuick !== options.quick) {
    readyQuick = options.quick;
    ready = (async () => {
      const collection = await benchCollection(options);
      const services = await benchServices(collection);
      await services.progressStore.getState().load();
      const { status, error } = services.progressStore.getState();
      if (status !== 'ready') throw new Error(`the progress store did not load: ${error ?? status}`);
      return { services, now: collection.now, packs: (await services.repositories.packs.listActive()).length };
    })();
  }
  return ready;
}

/** A store as a reload makes it: nothing in memory; the rollups are fresh, so a rebuild is a failure. */
function freshStore({ services, now }: Ready): ProgressStore {
  return createProgressStore(services.repositories, {
    settings: () => currentSchedulerSettings(services.settingsStore),
    now: () => now,
    rebuildRollups: async () => {
      throw new Error('the rollups went stale during the bench');
    },
  });
}

/** Resolves once the store has its report (or rejects with its error). */
function reportReady(store: ProgressStore): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const { status, error } = store.getState();
      if (status === 'error') reject(new Error(error));
      else if (status === 'ready') resolve();
      else return false;
      return true;
    };
    if (check()) return;
    const unsubscribe = store.subscribe(() => {
      if (check()) unsubscribe();
    });
  });
}

/** Waits until the store is done with the weakest cards as well, so runs never overlap. */
function settled(store: ProgressStore, container: HTMLElement = document.body): Promise<void> {
  return waitFor(container, store, () => store.getState().status === 'error' || store.getState().weakest !== undefined);
}

interface DataState {
  store: ProgressStore;
}

const screenData = defineBenchCase<DataState>({
  name: "progress: the screen's data (100k cards, 1M answers)",
  unit: 'ms',
  runs: 10,
  budget: { maxMedian: 300 },
  async setup(options) {
    return { store: freshStore(await progressServices(options)) };
  },
  async run(state) {
    const loaded = reportReady(state.store);
    void state.store.getState().load();
    await loaded;
  },
  async teardown(state) {
    await settled(state.store);
  },
});

interface PaintState {
  services: AppServices;
  packs: number;
  store: ProgressStore;
  unmount?: () => void;
}

const firstPaint = defineBenchCase<PaintState>({
  name: 'progress: first paint with charts (100k cards, 1M answers)',
  unit: 'ms',
  runs: 10,
  budget: { maxMedian: 500 },
  async setup(options) {
    const prepared = await progressServices(options);
    // The screen's code is loaded by the first (warm-up) run; every run gets a fresh store.
    return { services: prepared.services, packs: prepared.packs, store: freshStore(prepared) };
  },
  async run(state) {
    const services: AppServices = { ...state.services, progressStore: state.store };
    const { container, root } = renderApp(services, '#/progress');
    state.unmount = () => {
      root.unmount();
      container.remove();
    };
    const { packs } = state;
    await waitFor(container, state.store, () => {
      if (state.store.getState().status === 'error') throw new Error(state.store.getState().error);
      return (
        container.querySelectorAll('article.pack-progress').length === Math.min(packs, PACKS_PER_PAGE) &&
        container.querySelector('svg.heatmap') !== null &&
        container.querySelector('svg.calibration-chart') !== null
      );
    });
    container.querySelector('main')?.getBoundingClientRect();
  },
  async teardown(state) {
    await settled(state.store);
    state.unmount?.();
  },
});

export const benchCases = [screenData, firstPaint];
