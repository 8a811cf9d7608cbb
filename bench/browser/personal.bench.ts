/**
 * Personal scheduling at scale, on the bench collection (100 000 cards, 1 000 000 answers;
 * `--quick`: 2 000 cards, 20 000 answers), in the personal-scheduling worker as Settings runs it:
 *
 * - "personal: train and test (1M answers)": read every answer by card pages, train with
 *   fsrs-browser on the latest MAX_TRAINING_ITEMS items before the held-out cut, replay both
 *   parameter sets over the held-out answers. Elapsed time, start to the worker's answer.
 * - "personal: longest frame gap while training (1M answers)": the longest gap between two
 *   animation frames of this page while that job runs (a blocked main thread shows here);
 *   the budget is 50 ms.
 * - "personal: peak memory while training (1M answers)": the most memory measured during the
 *   job, in MB: performance.measureUserAgentSpecificMemory (page and its workers; needs the
 *   cross-origin isolation the bench server gives) where it answers, else the page's
 *   performance.memory.usedJSHeapSize (the page alone, not the worker).
 */
import { startPersonalJob } from '../../renderer/features/settings/personal/personal-client';
import type { PersonalResponse } from '../../renderer/features/settings/personal/personal-protocol';
import { DEFAULT_SCHEDULER_SETTINGS, normalizeSchedulerSettings } from '../../shared/schedule/scheduler-settings';
import { defineBenchCase, type BenchOptions } from '../lib/types';
import { benchCollection, type BenchCollection } from './support/collection';

const settings = normalizeSchedulerSettings(DEFAULT_SCHEDULER_SETTINGS);

interface TrainingRun {
  durationMs: number;
  longestGapMs: number;
  peakMemoryMb: number;
  memorySource: string;
}

type MemoryPerformance = Performance & {
  measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
  memory?: { usedJSHeapSize: number };
};

async function measureMemory(): Promise<{ bytes: number; source: string } | undefined> {
  const perf = performance as MemoryPerformance;
  if (crossOriginIsolated && perf.measureUserAgentSpecificMemory) {
    try {
      return { bytes: (await perf.measureUserAgentSpecificMemory()).bytes, source: 'measureUserAgentSpecificMemory' };
    } catch {
      // Not allowed here after all: fall back to the page's heap.
    }
  }
  return perf.memory ? { bytes: perf.memory.usedJSHeapSize, source: 'usedJSHeapSize (page only)' } : undefined;
}

let lastRun: TrainingRun | undefined;

/** One training job on the collection, with the frames and memory seen while it ran. */
async function trainOnce(collection: BenchCollection): Promise<TrainingRun> {
  let stop = false;
  let longestGapMs = 0;
  let last = performance.now();
  const tick = (now: number): void => {
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    if (!stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });
  let peak = 0;
  let memorySource = 'none';
  const sampling = (async () => {
    while (!stop) {
      const measured = await measureMemory();
      if (measured) {
        peak = Math.max(peak, measured.bytes);
        memorySource = measured.source;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  const started = performance.now();
  const job = startPersonalJob<Extract<PersonalResponse, { type: 'trained' }>>({ type: 'train', dbName: collection.dbName, settings }, 'trained', () => undefined);
  const outcome = await job.outcome;
  const durationMs = performance.now() - started;
  stop = true;
  await sampling;
  if (outcome.status !== 'done') throw new Error(`training did not finish: ${JSON.stringify(outcome)}`);
  if (outcome.value.status.answers !== collection.events) throw new Error(`training read ${outcome.value.status.answers} answers`);
  lastRun = { durationMs, longestGapMs, peakMemoryMb: peak / 2 ** 20, memorySource };
  console.info(`bench: personal ${JSON.stringify({ ...lastRun, comparison: outcome.value.result.comparison, decision: outcome.value.result.decision.sentence })}`);
  return lastRun;
}

/** The last run's figures, or a new run when there is none (a case filtered on its own). */
async function figures(collection: BenchCollection): Promise<TrainingRun> {
  return lastRun ?? trainOnce(collection);
}

const setup = (options: BenchOptions): Promise<BenchCollection> => benchCollection(options);

export const benchCases = [
  defineBenchCase<BenchCollection>({
    name: 'personal: train and test (1M answers)',
    unit: 'ms',
    runs: 1,
    setup,
    async run(collection) {
      await trainOnce(collection);
    },
  }),
  defineBenchCase<BenchCollection>({
    name: 'personal: longest frame gap while training (1M answers)',
    unit: 'ms',
    runs: 1,
    budget: { maxP95: 50 },
    setup,
    async run(collection) {
      return { sample: (await figures(collection)).longestGapMs };
    },
  }),
  defineBenchCase<BenchCollection>({
    name: 'personal: peak memory while training (1M answers)',
    unit: 'MB',
    runs: 1,
    setup,
    async run(collection) {
      return { sample: (await figures(collection)).peakMemoryMb };
    },
  }),
];
