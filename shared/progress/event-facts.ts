/**
 * What a rollup needs to know about one answer beyond the event itself: its study day and
 * week, whether it is the card's first answer that day, and what the scheduler predicted.
 * Worked out once, from the event's `before` state, where the answer is stored (and again,
 * the same way, when rollups are rebuilt).
 */
import type { FSRS } from 'ts-fsrs';
import type { ReviewEvent } from '../model';
import { DAY_MS, studyDayIndex } from '../schedule/day';

export interface AnswerFacts {
  day: number;
  week: number;
  /** The card's first answer on this study day (its last review was on an earlier day, or never). */
  firstOfDay: boolean;
  /** A card in review (not new, not in its learning steps) before the answer. */
  inReview: boolean;
  /** Its interval before the answer was 21 days or more (Anki's "mature"). */
  mature: boolean;
  /** Recall predicted by the scheduler at the answer, for cards answered before (undefined for new ones). */
  predicted?: number;
  /** Whole days since the card's last review. */
  elapsedDays: number;
  /** Which review this was (1 for the card's first). */
  reviewNumber: number;
  lapses: number;
  recalled: boolean;
}

/** The study week of a study day. */
export function weekOf(day: number): number {
  return Math.floor(day / 7);
}

/** The facts of `event`, with the study day in the given day start and time zone and the scheduler in force at it. */
export function answerFacts(event: ReviewEvent, scheduler: FSRS, dayStartHour: number, timezoneOffsetMinutes: number): AnswerFacts {
  const { before } = event;
  const day = studyDayIndex(event.at, dayStartHour, timezoneOffsetMinutes);
  const last = before.lastReview;
  const firstOfDay = last === undefined || studyDayIndex(last, dayStartHour, timezoneOffsetMinutes) < day;
  const elapsedDays = last === undefined ? 0 : Math.max(0, Math.floor((event.at - last) / DAY_MS));
  const facts: AnswerFacts = {
    day,
    week: weekOf(day),
    firstOfDay,
    inReview: before.state === 2,
    mature: before.state === 2 && before.scheduledDays >= 21,
    elapsedDays,
    reviewNumber: before.reps + 1,
    lapses: before.lapses,
    recalled: event.rating > 1,
  };
  if (before.state !== 0 && last !== undefined) facts.predicted = scheduler.forgetting_curve(elapsedDays, +before.stability.toFixed(8));
  return facts;
}
