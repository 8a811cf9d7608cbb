/**
 * Which cards a session shows, built on shared/schedule/queue: the daily plan
 * (limits, siblings, packs taking turns), a custom session, the learning steps
 * that come due during a session, and the start panel's summary of it.
 */
import type { FSRS } from 'ts-fsrs';
import type { CardRecord, ReviewEvent } from '../../../shared/model';
import { studyDayStart } from '../../../shared/schedule/day';
import { buildCustomQueue, buildQueue, nextLearningDue } from '../../../shared/schedule/queue';
import type { SchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { Collection } from './practice-collection';
import type { Overview, Session, Summary } from './practice-session';
import type { SessionRequest } from './practice-request';
import { FALLBACK_ANSWER_MS, averageAnswerMs, estimateMinutes, nextDueAfter, planByPack, practiceStreak, sessionResults } from '../../../shared/schedule/session-stats';

/** The settings and scheduler in force, and the time zone: what every queue is built with. */
export interface QueueContext {
  settings: SchedulerSettings;
  scheduler: FSRS;
  /** `Date#getTimezoneOffset()` at a time (minutes, UTC minus local). */
  tzOffset: (at: number) => number;
}

/** The daily plan at `at`: due reviews, then new cards, within today's limits. */
export function dailyQueue(c: Collection, ctx: QueueContext, at: number): CardRecord[] {
  const { settings, scheduler } = ctx;
  const tz = ctx.tzOffset(at);
  const dayStart = studyDayStart(at, settings.dayStartHour, tz);
  return buildQueue({
    cards: [...c.cards.values()],
    items: c.queueItems,
    todaysEvents: eventsSince(c.events, dayStart),
    now: at,
    settings,
    timezoneOffsetMinutes: tz,
    packOrder: c.packs.map((pack) => pack.id),
    scheduler,
  });
}

/** The cards of the session `request` asks for, in order. */
export function sessionQueue(c: Collection, ctx: QueueContext, request: SessionRequest, at: number): CardRecord[] {
  if (request.mode === 'daily') return dailyQueue(c, ctx, at);
  return buildCustomQueue({
    cards: [...c.cards.values()],
    items: c.queueItems,
    now: at,
    request:
      request.mode === 'pack'
        ? { mode: 'pack', packId: request.packId }
        : request.mode === 'cards'
          ? { mode: 'cards', ids: request.ids }
          : { mode: 'weakest', count: request.count },
    scheduler: ctx.scheduler,
  });
}

/**
 * Learning and relearning cards that have come due since the session began
 * (an Again a minute ago): they join the front of the queue, as in Anki. The
 * rest of the plan stays as built at the start, so its limits and its
 * interleaving of packs hold. "Weakest cards" is a fixed list.
 */
export function learningDueNow(
  c: Collection,
  ctx: QueueContext,
  request: SessionRequest,
  at: number,
  exclude: ReadonlySet<string>,
): string[] {
  if (request.mode === 'weakest' || request.mode === 'cards') return [];
  // The daily plan's sibling rule holds: no card of an item another of whose cards was answered today.
  const dayStart = studyDayStart(at, ctx.settings.dayStartHour, ctx.tzOffset(at));
  // Only today's events matter: they are at the end of the (oldest first) list, so it is read
  // backwards and the 400 days before today are never walked (this runs after every answer).
  const answeredToday = new Map<string, Set<string>>();
  for (const event of eventsSince(c.events, dayStart)) {
    const itemKey = c.cards.get(event.cardId)?.itemKey;
    if (itemKey !== undefined) answeredToday.set(itemKey, (answeredToday.get(itemKey) ?? new Set()).add(event.cardId));
  }
  const siblingAnswered = (card: CardRecord): boolean =>
    request.mode === 'daily' && [...(answeredToday.get(card.itemKey) ?? [])].some((id) => id !== card.id);
  const due: CardRecord[] = [];
  for (const card of c.cards.values()) {
    if ((card.state !== 1 && card.state !== 3) || card.due > at) continue;
    if (
      card.suspended === 0 &&
      card.buriedUntil <= at &&
      !exclude.has(card.id) &&
      (request.mode === 'daily' || card.packId === request.packId) &&
      !c.items.get(card.itemKey)?.retired &&
      !siblingAnswered(card)
    ) {
      due.push(card);
    }
  }
  return due.sort((a, b) => a.due - b.due).map((card) => card.id);
}

/**
 * The events at or after `since` of an oldest-first list (Collection.events), read
 * from its end: only the tail is walked, not the whole history.
 */
export function eventsSince(events: readonly ReviewEvent[], since: number): ReviewEvent[] {
  let start = events.length;
  while (start > 0 && (events[start - 1] as ReviewEvent).at >= since) start -= 1;
  return events.slice(start);
}

/** The streak at `at`: today's answers in memory, the days before the load as counted then (null until they are). */
export function streakAt(c: Collection, ctx: QueueContext, at: number): number | null {
  if (c.streakBefore === null) return null;
  return practiceStreak(c.events, at, ctx.settings.dayStartHour, ctx.tzOffset(at), { day: c.day.index, streak: c.streakBefore });
}

/** When the next studied card falls due after `at`: among the loaded cards and the first of those due later. */
export function nextDueOf(c: Collection, ctx: QueueContext, at: number): number | null {
  const tz = ctx.tzOffset(at);
  const dayStartOf = (time: number): number => studyDayStart(time, ctx.settings.dayStartHour, tz);
  return nextDueAfter(loadedAndBeyond(c), at, dayStartOf);
}

function* loadedAndBeyond(c: Collection): Iterable<CardRecord> {
  yield* c.cards.values();
  if (c.nextDueBeyond) yield c.nextDueBeyond;
}

/** What the start panel shows for `request` at `at`. */
export function overviewOf(c: Collection, ctx: QueueContext, request: SessionRequest, at: number): Overview {
  const queue = sessionQueue(c, ctx, request, at);
  const plan = planByPack(queue, c.packs);
  const own = averageAnswerMs(c.events);
  const perCard = own ?? FALLBACK_ANSWER_MS;
  const pack = request.mode === 'pack' ? c.packById.get(request.packId) : undefined;
  const overview: Overview = {
    request,
    at,
    total: queue.length,
    due: plan.due,
    fresh: plan.fresh,
    estimatedMinutes: estimateMinutes(queue.length, perCard),
    averageMs: perCard,
    averageIsOwn: own !== null,
    perPack: plan.perPack,
    // Events belong to existing cards (deleting a pack deletes its events): any answer means a studied card.
    hasStudied: c.events.length > 0,
    nextDue: nextDueOf(c, ctx, at),
    streak: streakAt(c, ctx, at),
    newCardsPerDay: ctx.settings.newCardsPerDay,
    maxReviewsPerDay: ctx.settings.maxReviewsPerDay,
  };
  if (pack) overview.pack = { id: pack.id, title: pack.title };
  return overview;
}

/** What the end of `session` reports at `at` (`complete`: no card was left when it ended). */
export function summaryOf(c: Collection, ctx: QueueContext, session: Session, at: number, complete: boolean): Summary {
  return {
    at,
    complete,
    results: sessionResults(session.events),
    elapsedMs: at - session.startedAt,
    streak: streakAt(c, ctx, at),
    nextDue: nextDueOf(c, ctx, at),
    dueNow: dailyQueue(c, ctx, at).length,
    nextLearning: nextLearningDue([...c.cards.values()], at),
  };
}
