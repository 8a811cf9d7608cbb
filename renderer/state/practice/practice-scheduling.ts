/**
 * The scheduler a practice session answers with: the settings read when the
 * session loads or starts, and FSRS parameter changes followed from the next
 * answer on (the settings' scheduler history dates them from the change).
 */
import type { FSRS } from 'ts-fsrs';
import type { StudyDay } from '../../../shared/schedule/day';
import { studyDay } from '../../../shared/schedule/day';
import { fsrsParametersOf, sameParameters } from '../../../shared/schedule/scheduler-history';
import type { SchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { QueueContext } from './practice-queue';
import type { PracticeStoreOptions } from './practice-store-types';
import type { RollupContext } from '../../storage/rollup-writes';

export interface PracticeScheduling {
  readonly settings: SchedulerSettings;
  readonly scheduler: FSRS;
  /** Reads every setting anew (a load or a start plans the session with them). */
  read(): void;
  /** Takes up changed FSRS parameters; the day's limits stay as the session was planned with. */
  followParameterChanges(): void;
  /** The settings, scheduler and time zone every queue is built with. */
  context(): QueueContext;
  /** The study day containing `at`. */
  dayOf(at: number): StudyDay;
  /** What the progress rollups fold an answer with: this scheduler and study day. */
  rollupContext(): RollupContext;
}

export function createPracticeScheduling(options: Pick<PracticeStoreOptions, 'settings'>, tzOffset: (at: number) => number): PracticeScheduling {
  let settings = normalizeSchedulerSettings();
  let scheduler = makeScheduler(settings);
  return {
    get settings() {
      return settings;
    },
    get scheduler() {
      return scheduler;
    },
    read() {
      settings = normalizeSchedulerSettings(options.settings());
      scheduler = makeScheduler(settings);
    },
    followParameterChanges() {
      const latest = fsrsParametersOf(options.settings());
      if (sameParameters(latest, fsrsParametersOf(settings))) return;
      settings = { ...settings, ...latest };
      scheduler = makeScheduler(settings);
    },
    context: () => ({ settings, scheduler, tzOffset }),
    dayOf: (at) => studyDay(at, settings.dayStartHour, tzOffset(at)),
    rollupContext: () => ({ scheduler, dayStartHour: settings.dayStartHour, timezoneOffsetMinutes: tzOffset }),
  };
}
