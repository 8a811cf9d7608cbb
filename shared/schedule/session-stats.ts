/**
 * The numbers around a session: what the start panel promises (due, new, an
 * estimate in the person's own time) and what the summary reports (accuracy,
 * time, streak, next due). Pure functions of cards and events.
 */
import type { CardRecord, PackRecord, Rating, ReviewEvent } from '../model';
import { DAY_MS, studyDayIndex } from './day';

/** Seconds per card assumed until the person has answered enough cards to have an average. */
export const FALLBACK_ANSWER_MS = 8_000;
/** Answers the average is taken over: recent, so it follows the person's pace. */
const AVERAGE_WINDOW = 200;
const AVERAGE_MIN_SAMPLES = 10;
/** One answer longer than this is a pause, not an answer: it is capped in the average. */
const AVERAGE_CAP_MS = 120_000;

/** The person's average time per drill answer, or null when they have too few answers for one. */
export function averageAnswerMs(events: readonly ReviewEvent[]): number | null {
  // The last AVERAGE_WINDOW timed answers, in order, found from the end (not by filtering the whole history).
  const recent: ReviewEvent[] = [];
  for (let i = events.length - 1; i >= 0 && recent.length < AVERAGE_WINDOW; i -= 1) {
    const event = events[i] as ReviewEvent;
    // Drill answers only: a simulation decision is read and weighed against a scenario's clock,
    // so its time would misstate how long a card takes in a session.
    if (event.durationMs > 0 && event.source !== 'simulation') recent.push(event);
  }
  recent.reverse();
  if (recent.length < AVERAGE_MIN_SAMPLES) return null;
  const total = recent.reduce((sum, event) => sum + Math.min(event.durationMs, AVERAGE_CAP_MS), 0);
  return total / recent.length;
}

/** Whole minutes (at least 1 for any card) `count` cards take at `perCardMs`. */
export function estimateMinutes(count: number, perCardMs: number): number {
  if (count <= 0) return 0;
  return Math.max(1, Math.round((count * perCardMs) / 60_000));
}

/**
 * How many study days in a row, up to today (or up to yesterday when today has none yet), have an answer.
 * With `earlier`, `events` hold the answers from study day `earlier.day` on, and the days
 * before it are known to end in a run of `earlier.streak` days (the collection reads only that number).
 */
export function practiceStreak(
  events: readonly ReviewEvent[],
  now: number,
  dayStartHour: number,
  timezoneOffsetMinutes: number,
  earlier?: { day: number; streak: number },
): number {
  const days = new Set<number>();
  for (const event of events) days.add(studyDayIndex(event.at, dayStartHour, timezoneOffsetMinutes));
  let day = studyDayIndex(now, dayStartHour, timezoneOffsetMinutes);
  if (!days.has(day)) day -= 1;
  let streak = 0;
  while (days.has(day) && (earlier === undefined || day >= earlier.day)) {
    streak += 1;
    day -= 1;
  }
  if (earlier !== undefined && day === earlier.day - 1) streak += earlier.streak;
  return streak;
}

/**
 * When the next card that has been studied falls due after `now`, or null. New cards wait for the
 * daily plan, not a date. A review card is due from the start of the study day its date falls in
 * (`dayStartOf`); one dated today is either in today's plan already or held back (a sibling
 * answered today, the review limit) until the next study day, so it counts from then.
 */
export function nextDueAfter(cards: Iterable<CardRecord>, now: number, dayStartOf: (at: number) => number): number | null {
  const tomorrow = dayStartOf(now) + DAY_MS;
  let next: number | null = null;
  for (const card of cards) {
    if (card.suspended === 1 || card.state === 0) continue;
    const dated = card.state === 2 ? Math.max(dayStartOf(card.due), tomorrow) : card.due;
    const due = Math.max(dated, card.buriedUntil);
    if (due > now && (next === null || due < next)) next = due;
  }
  return next;
}

/** One pack's share of a queue. */
export interface PackPlan {
  packId: string;
  title: string;
  due: number;
  fresh: number;
  /** The cards the pack's import made (PackRecord.cardCount), for "practise this pack now". */
  cards: number;
}

/** Due (studied before) and new cards of a queue, in total and per pack (every active pack listed, by title). */
export function planByPack(
  queue: readonly CardRecord[],
  packs: readonly PackRecord[],
): { due: number; fresh: number; perPack: PackPlan[] } {
  const perPack = new Map<string, PackPlan>(
    packs.map((pack) => [pack.id, { packId: pack.id, title: pack.title, due: 0, fresh: 0, cards: pack.cardCount }]),
  );
  let due = 0;
  let fresh = 0;
  for (const card of queue) {
    const plan = perPack.get(card.packId);
    if (card.state === 0) {
      fresh += 1;
      if (plan) plan.fresh += 1;
    } else {
      due += 1;
      if (plan) plan.due += 1;
    }
  }
  return { due, fresh, perPack: [...perPack.values()] };
}

/** What the end of a session reports. */
export interface SessionResults {
  answered: number;
  /** Correct answers (automatic ones as judged, self-graded ones when not Again). */
  correct: number;
  /** Share correct, or null with no answers. */
  accuracy: number | null;
  ratings: Record<Rating, number>;
  /** Time spent answering (sum of response times). */
  answeringMs: number;
}

/** Counts over the events of one session. */
export function sessionResults(events: readonly ReviewEvent[]): SessionResults {
  const ratings: Record<Rating, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let correct = 0;
  let answeringMs = 0;
  for (const event of events) {
    ratings[event.rating] += 1;
    if (event.correct ?? event.rating > 1) correct += 1;
    answeringMs += event.durationMs;
  }
  return {
    answered: events.length,
    correct,
    accuracy: events.length === 0 ? null : correct / events.length,
    ratings,
    answeringMs,
  };
}
