/**
 * The personal-scheduling jobs, over Kata's repositories: read every card's answers one page of
 * cards at a time (the `[cardId+at]` index, as Check collection streams), train and evaluate
 * (shared/schedule/personal/personal-training.ts), and simulate the workload of the current
 * cards. Runs in the personal-scheduling worker; Node tests run it on fake IndexedDB.
 */
import type { CardState } from '../../../../shared/model';
import { stateOf } from '../../../../shared/schedule/card-state';
import type { Optimizer } from '../../../../shared/schedule/personal/optimizer';
import type { PersonalTrainingResult } from '../../../../shared/schedule/personal/personal-training';
import { trainingReadiness, trainPersonalParameters } from '../../../../shared/schedule/personal/personal-training';
import type { CardHistory } from '../../../../shared/schedule/personal/review-history';
import { cardHistory } from '../../../../shared/schedule/personal/review-history';
import type { WorkloadPoint } from '../../../../shared/schedule/personal/workload';
import { simulateWorkload } from '../../../../shared/schedule/personal/workload';
import type { SchedulerSettings } from '../../../../shared/schedule/scheduler-settings';
import type { Repositories } from '../../../storage/index';
import type { PersonalProgress, PersonalStatus } from './personal-protocol';

/** Cards read per page (with their events): about 20 000 events at ~10 per card. */
export const PERSONAL_PAGE_SIZE = 2_000;

export type PersonalRepositories = Pick<Repositories, 'cards' | 'events'>;

type OnProgress = (progress: PersonalProgress) => void;

const localOffset = (at: number): number => new Date(at).getTimezoneOffset();

/** Every card's history (cards with no answers left out), read page by page. */
export async function readHistories(
  repositories: PersonalRepositories,
  settings: SchedulerSettings,
  onProgress: OnProgress,
  timezoneOffsetMinutes: (at: number) => number = localOffset,
): Promise<{ histories: CardHistory[]; answers: number; cards: number }> {
  const total = await repositories.cards.count();
  const histories: CardHistory[] = [];
  let answers = 0;
  let done = 0;
  let afterId: string | undefined;
  onProgress({ phase: 'reading', done, total });
  for (;;) {
    const cards = await repositories.cards.pageById(afterId, PERSONAL_PAGE_SIZE);
    if (cards.length === 0) break;
    const events = await repositories.events.byCardRange(cards[0]!.id, cards[cards.length - 1]!.id);
    // Events arrive grouped by card id, then by time.
    let start = 0;
    for (let i = 1; i <= events.length; i += 1) {
      if (i === events.length || events[i]!.cardId !== events[start]!.cardId) {
        histories.push(cardHistory(events[start]!.cardId, events.slice(start, i), settings.dayStartHour, timezoneOffsetMinutes));
        start = i;
      }
    }
    answers += events.length;
    done += cards.length;
    afterId = cards[cards.length - 1]!.id;
    onProgress({ phase: 'reading', done, total });
    if (cards.length < PERSONAL_PAGE_SIZE) break;
  }
  return { histories, answers, cards: done };
}

/** How many answers there are and whether they are enough to train on. */
export async function personalStatus(repositories: PersonalRepositories, settings: SchedulerSettings, onProgress: OnProgress): Promise<PersonalStatus> {
  const { histories, answers, cards } = await readHistories(repositories, settings, onProgress);
  return { answers, cards, readiness: trainingReadiness(histories) };
}

/** Trains on the person's answers and scores the result against the defaults (see trainPersonalParameters). */
export async function trainOnCollection(
  repositories: PersonalRepositories,
  settings: SchedulerSettings,
  optimizer: Optimizer,
  onProgress: OnProgress,
  maxItems?: number,
): Promise<{ status: PersonalStatus; result: PersonalTrainingResult }> {
  const { histories, answers, cards } = await readHistories(repositories, settings, onProgress);
  const status: PersonalStatus = { answers, cards, readiness: trainingReadiness(histories) };
  const result = await trainPersonalParameters(
    histories,
    settings,
    optimizer,
    (phase, progress) => onProgress({ phase, ...progress }),
    { aborted: false },
    maxItems,
  );
  return { status, result };
}

/** The expected daily reviews of the studied, unsuspended cards for each retention, with `settings`' parameters. */
export async function collectionWorkload(
  repositories: PersonalRepositories,
  settings: SchedulerSettings,
  start: number,
  onProgress: OnProgress,
): Promise<WorkloadPoint[]> {
  const states: CardState[] = [];
  let afterId: string | undefined;
  for (;;) {
    const cards = await repositories.cards.pageById(afterId, PERSONAL_PAGE_SIZE * 5);
    if (cards.length === 0) break;
    for (const card of cards) if (card.suspended === 0 && card.state !== 0) states.push(stateOf(card));
    afterId = cards[cards.length - 1]!.id;
  }
  onProgress({ phase: 'workload', done: 0, total: 1 });
  const points = simulateWorkload(states, settings, { start });
  onProgress({ phase: 'workload', done: 1, total: 1 });
  return points;
}
