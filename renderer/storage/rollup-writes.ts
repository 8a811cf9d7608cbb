/**
 * Keeping the progress rollups up to date inside the transactions that change what they sum:
 * an answer (practice or simulation) folds its event into its day and its pack's week and
 * moves its card in the pack's memory sketch; an undo takes the same out again; a suspension
 * takes the card out of the sketch. Callers include ROLLUP_TABLES in their transaction.
 */
import type { FSRS } from 'ts-fsrs';
import type { CardRecord, ReviewEvent } from '../../shared/model';
import { addCard, emptyMemory } from '../../shared/progress/card-sketch';
import { answerFacts } from '../../shared/progress/event-facts';
import { applyToDay, emptyDay, emptyWeek, foldDay, foldWeek, isEmptyDay, isEmptyWeek } from '../../shared/progress/fold-rollups';
import type { DayRollup } from '../../shared/progress/rollup-types';
import { makeScheduler, normalizeSchedulerSettings } from '../../shared/schedule/scheduler-settings';
import type { KataDb } from './db';

/** What folding an answer needs beyond the event: the scheduler in force (its predicted recall) and the study day. */
export interface RollupContext {
  scheduler: FSRS;
  dayStartHour: number;
  /** `Date#getTimezoneOffset()` at a time (minutes, UTC minus local). */
  timezoneOffsetMinutes: (at: number) => number;
}

let fallback: RollupContext | undefined;

/** The default settings and this machine's time zone: for writers that are given no context (tests, tools). */
export function defaultRollupContext(): RollupContext {
  fallback ??= {
    scheduler: makeScheduler(normalizeSchedulerSettings()),
    dayStartHour: normalizeSchedulerSettings().dayStartHour,
    timezoneOffsetMinutes: (at) => new Date(at).getTimezoneOffset(),
  };
  return fallback;
}

/** The tables the writes below touch: list them in the transaction. */
export function rollupTables(db: KataDb) {
  return [db.dayRollups, db.packWeeks, db.packMemory];
}

/** Folds `event` into its day and its pack's week (`sign` 1), or takes it out (-1); an emptied rollup is deleted. */
export async function foldAnswer(db: KataDb, event: ReviewEvent, context: RollupContext, sign: 1 | -1): Promise<void> {
  const facts = answerFacts(event, context.scheduler, context.dayStartHour, context.timezoneOffsetMinutes(event.at));
  const [day, week] = await Promise.all([db.dayRollups.get(facts.day), db.packWeeks.get([event.packId, facts.week])]);
  const nextDay = foldDay(day ?? emptyDay(facts.day), event, facts, sign);
  const nextWeek = foldWeek(week ?? emptyWeek(event.packId, facts.week), event, sign);
  await Promise.all([
    isEmptyDay(nextDay) ? db.dayRollups.delete(facts.day) : db.dayRollups.put(nextDay),
    isEmptyWeek(nextWeek) ? db.packWeeks.delete([event.packId, facts.week]) : db.packWeeks.put(nextWeek),
  ]);
}

/**
 * Moves a card in its pack's memory sketch: `out` (its state before, if it was counted:
 * unsuspended) out, `into` (its state after, if unsuspended) in.
 */
export async function moveCard(db: KataDb, packId: string, out: CardRecord | undefined, into: CardRecord | undefined): Promise<void> {
  const counted = (card: CardRecord | undefined): card is CardRecord => card !== undefined && card.suspended === 0;
  if (!counted(out) && !counted(into)) return;
  const memory = (await db.packMemory.get(packId)) ?? emptyMemory(packId);
  if (counted(out)) addCard(memory, out, -1);
  if (counted(into)) addCard(memory, into, 1);
  await db.packMemory.put(memory);
}

/** Takes `events` (one pack's, being deleted) out of their day rollups, each day read and written once. */
export async function takeOutOfDays(db: KataDb, events: readonly ReviewEvent[], context: RollupContext): Promise<void> {
  const days = new Map<number, DayRollup>();
  for (const event of events) {
    const facts = answerFacts(event, context.scheduler, context.dayStartHour, context.timezoneOffsetMinutes(event.at));
    let day = days.get(facts.day);
    if (!day) {
      day = (await db.dayRollups.get(facts.day)) ?? emptyDay(facts.day);
      days.set(facts.day, day);
    }
    applyToDay(day, event, facts, -1);
  }
  for (const day of days.values()) {
    if (isEmptyDay(day)) await db.dayRollups.delete(day.day);
    else await db.dayRollups.put(day);
  }
}
