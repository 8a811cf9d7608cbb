/**
 * The stores the screens share, built over one set of repositories: the app's boot and
 * the benchmark page build them the same way. The settings and the library are loaded by
 * the caller (boot waits for them before the first frame).
 */
import type { Repositories } from '../storage/index';
import type { Platform } from '../platform/platform';
import type { LibraryStoreOptions } from '../state/library/library-store';
import { createLibraryStore } from '../state/library/library-store';
import { createPracticeStore } from '../state/practice/practice-store';
import { createSimulateStore } from '../state/simulate/simulate-store';
import { currentSchedulerSettings } from '../state/settings/scheduler-settings';
import { createSettingsStore } from '../state/settings/settings-store';
import type { AppServices } from './app-services';
import { activeDatabaseName } from '../storage/index';
import { createProgressStore } from '../state/progress/progress-store';
import { startCheck } from '../features/settings/check-client';
import type { RollupContext } from '../storage/rollup-writes';
import { makeScheduler } from '../../shared/schedule/scheduler-settings';

export interface ServiceOptions {
  parse: NonNullable<LibraryStoreOptions['parse']>;
  /** The clock every store reads (the bench runs on its collection's fixed "now"). */
  now?: () => number;
  /** The database the repositories are over (a worker job opens it again by name). */
  dbName?: string;
}

export function createServices(repositories: Repositories, platform: Platform, options: ServiceOptions): AppServices {
  const settingsStore = createSettingsStore(repositories.settings);
  const clock = options.now ? { now: options.now } : {};
  // Practice, simulations and Check collection build their scheduler from the same bridge, so
  // replay uses the parameters answers were given with, and both practice modes answer the
  // same cards with the same scheduler (one memory model).
  const settings = () => currentSchedulerSettings(settingsStore);
  const rollupContext = (): RollupContext => {
    const current = settings();
    return { scheduler: makeScheduler(current), dayStartHour: current.dayStartHour, timezoneOffsetMinutes: (at) => new Date(at).getTimezoneOffset() };
  };
  const libraryStore = createLibraryStore(repositories, { parse: options.parse, rollupContext, ...clock });
  const practiceStore = createPracticeStore(repositories, { settings, ...clock });
  const simulateStore = createSimulateStore(repositories, { settings, ...clock });
  // Stale rollups are rebuilt by Check collection's worker, in a pass that only folds (no replay).
  const rebuildRollups = async (onProgress: (done: number, total: number) => void): Promise<void> => {
    const job = startCheck(
      { dbName: options.dbName ?? activeDatabaseName(), settings: settings(), history: settingsStore.getState().schedulerHistory, replay: false },
      (progress) => onProgress(progress.done, progress.total),
      { fallback: async () => ({ repositories, close: () => undefined }) },
    );
    const outcome = await job.outcome;
    if (outcome.status === 'failed') throw new Error(outcome.message);
  };
  const progressStore = createProgressStore(repositories, { settings, rebuildRollups, ...clock });
  return { platform, repositories, settingsStore, libraryStore, practiceStore, simulateStore, progressStore };
}
