/**
 * "Check collection" (architecture.md, "events are the truth"): replays every
 * card's events through ts-fsrs and reports each card whose stored state
 * differs; Repair writes the replayed states. Streams the collection in pages
 * of cards in id order with their events from the `[cardId+at]` index, so a
 * collection of a million events is never one array. Runs in the
 * check-collection worker, and on the main thread where no worker can start.
 */
import type { CardRecord, ReviewEvent } from '../../../shared/model';
import { CARD_STATE_FIELDS } from '../../../shared/schedule/card-state';
import { checkCard, replayCard } from '../../../shared/schedule/replay';
import type { SchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { SchedulerHistory } from '../../../shared/schedule/scheduler-history';
import { schedulerAt } from '../../../shared/schedule/scheduler-history';
import type { Repositories } from '../../storage/index';
import { answerFacts } from '../../../shared/progress/event-facts';
import { createRollupBuilder } from '../../../shared/progress/rollup-builder';
import type { CheckProgress, CheckReport, DriftedCard, RepairResult } from './check-protocol';

/** Cards read (with their events) per page: about 20 000 events at ~10 per card. */
export const CHECK_PAGE_SIZE = 2_000;
/** Cards rewritten per repair transaction. */
export const REPAIR_BATCH_SIZE = 1_000;
/** Drifted cards reported in detail; the rest are counted (and repaired) but not listed. */
export const MAX_LISTED_DRIFT = 500;

/** What the check reads (and the caches it rebuilds); the app's Repositories fit. */
export type CheckRepositories = Pick<Repositories, 'cards' | 'events' | 'packs' | 'items' | 'rollups' | 'attempts'>;

export interface JobOptions {
  onProgress?: (progress: CheckProgress) => void;
  /** Asked between pages: true stops the job, which then throws CheckCancelled. */
  shouldStop?: () => boolean;
  /** Clock for the report's times. */
  now?: () => number;
}

/** Thrown when `shouldStop` asked a job to stop; carries how far it got. */
export class CheckCancelled extends Error {
  constructor(readonly progress: CheckProgress) {
    super('cancelled');
    this.name = 'CheckCancelled';
  }
}

interface Page {
  cards: CardRecord[];
  events: ReviewEvent[];
}

async function readPage(repositories: CheckRepositories, afterId: string | undefined, size: number): Promise<Page> {
  const cards = await repositories.cards.pageById(afterId, size);
  if (cards.length === 0) return { cards, events: [] };
  const events = await repositories.events.byCardRange(cards[0]!.id, cards[cards.length - 1]!.id);
  return { cards, events };
}

/** The field names of `stateDifferences` lines (`due: stored …, expected …`). */
function fieldsOf(differences: readonly string[]): string[] {
  const known = new Set<string>(CARD_STATE_FIELDS);
  return differences.map((line) => line.slice(0, line.indexOf(':'))).filter((field) => known.has(field));
}

async function packTitles(repositories: CheckRepositories): Promise<Map<string, string>> {
  const packs = [...(await repositories.packs.listActive()), ...(await repositories.packs.listArchived())];
  return new Map(packs.map((pack) => [pack.id, pack.title]));
}

/**
 * Replays every card's events, each with the FSRS parameters in force when it was answered
 * (`history`; `settings` where it says nothing), and reports the cards whose stored state
 * differs. The same pass rebuilds the caches that are sums of the events and cards (the
 * progress rollups, the simulation summaries); `replay: false` only rebuilds them.
 */
export async function checkCollection(
  repositories: CheckRepositories,
  settings: SchedulerSettings,
  options: JobOptions & { pageSize?: number; history?: SchedulerHistory; replay?: boolean; timezoneOffsetMinutes?: (at: number) => number } = {},
): Promise<CheckReport> {
  const replay = options.replay ?? true;
  const tzOffset = options.timezoneOffsetMinutes ?? ((at: number) => new Date(at).getTimezoneOffset());
  const rollups = createRollupBuilder();
  const fold = (event: ReviewEvent): void => rollups.addEvent(event, answerFacts(event, scheduler(event.at), settings.dayStartHour, tzOffset(event.at)));
  const now = options.now ?? Date.now;
  const pageSize = Math.max(1, options.pageSize ?? CHECK_PAGE_SIZE);
  const startedAt = now();
  const history = options.history ?? [];
  const scheduler = schedulerAt(history, settings);
  const titles = await packTitles(repositories);
  const progress: CheckProgress = { phase: 'check', done: 0, total: await repositories.cards.count(), events: 0, drifted: 0 };
  const driftedIds: string[] = [];
  const drifted: DriftedCard[] = [];
  let orphanEvents = 0;

  options.onProgress?.({ ...progress });
  let page = await readPage(repositories, undefined, pageSize);
  while (page.cards.length > 0) {
    if (options.shouldStop?.()) throw new CheckCancelled({ ...progress });
    // Read the next page while this one replays: the database works while the CPU does.
    const next =
      page.cards.length === pageSize ? readPage(repositories, page.cards[page.cards.length - 1]!.id, pageSize) : undefined;
    // Guard the prefetch against an unhandled rejection while this page replays; it is awaited below.
    next?.catch(() => undefined);

    // Events arrive grouped by card id, in the same order as the cards.
    let e = 0;
    for (const card of page.cards) {
      while (e < page.events.length && page.events[e]!.cardId < card.id) {
        orphanEvents += 1;
        fold(page.events[e]!);
        e += 1;
      }
      const start = e;
      while (e < page.events.length && page.events[e]!.cardId === card.id) fold(page.events[e++]!);
      rollups.addCard(card);
      progress.events += e - start;
      if (!replay) continue;
      const result = checkCard(scheduler, card, page.events.slice(start, e));
      if (result.ok) continue;
      driftedIds.push(card.id);
      if (drifted.length < MAX_LISTED_DRIFT) {
        drifted.push({
          cardId: card.id,
          packId: card.packId,
          packTitle: titles.get(card.packId) ?? card.packId,
          kind: card.kind,
          itemKey: card.itemKey,
          fields: fieldsOf(result.differences),
          expected: result.expected,
          stored: result.stored,
        });
      }
    }
    orphanEvents += page.events.length - e;
    for (; e < page.events.length; e += 1) fold(page.events[e]!);
    progress.done += page.cards.length;
    progress.drifted = driftedIds.length;
    options.onProgress?.({ ...progress });
    page = next ? await next : { cards: [], events: [] };
  }

  const rollupsFresh = await repositories.rollups.replaceAll(rollups.result(), progress.events + orphanEvents);
  await repositories.attempts.rebuildStats();
  const items = await repositories.items.getMany(drifted.map((card) => card.itemKey));
  drifted.forEach((card, index) => {
    const text = items[index]?.text;
    if (text !== undefined) card.itemText = text;
  });
  return {
    cards: progress.done,
    events: progress.events,
    driftedIds,
    drifted,
    orphanEvents,
    rollupsFresh,
    settings,
    history,
    startedAt,
    durationMs: now() - startedAt,
  };
}

/**
 * Rewrites the state of `cardIds` from their events with `settings` and `history` (as checkCollection), one
 * transaction per batch (a cancelled repair keeps the batches already written;
 * running it again finishes the job, as it only rewrites what still differs).
 */
export async function repairCollection(
  repositories: Pick<Repositories, 'cards'>,
  settings: SchedulerSettings,
  cardIds: readonly string[],
  options: JobOptions & { batchSize?: number; history?: SchedulerHistory } = {},
): Promise<RepairResult> {
  const now = options.now ?? Date.now;
  const batchSize = Math.max(1, options.batchSize ?? REPAIR_BATCH_SIZE);
  const startedAt = now();
  const scheduler = schedulerAt(options.history ?? [], settings);
  const progress: CheckProgress = { phase: 'repair', done: 0, total: cardIds.length, events: 0, drifted: 0 };
  let repaired = 0;
  options.onProgress?.({ ...progress });
  for (let start = 0; start < cardIds.length; start += batchSize) {
    if (options.shouldStop?.()) throw new CheckCancelled({ ...progress });
    const batch = cardIds.slice(start, start + batchSize);
    repaired += await repositories.cards.rebuildStates(batch, (card, events) =>
      replayCard(scheduler, card.createdAt, events),
    );
    progress.done += batch.length;
    options.onProgress?.({ ...progress });
  }
  return { repaired, requested: cardIds.length, durationMs: now() - startedAt };
}
