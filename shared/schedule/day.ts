/**
 * The study day: from `dayStartHour` local time to the same hour the next day,
 * so a review at 1 a.m. counts for the evening before (as in Anki). shared/ has
 * no clock or time zone of its own: the renderer passes
 * `new Date().getTimezoneOffset()` (minutes, UTC minus local: UTC+2 is -120).
 *
 * One offset serves the whole day, the one in force at `now`. On the night a
 * daylight-saving change happens the day is one hour longer or shorter than
 * it should be near its start; counts for that one day may shift by an hour's
 * answers, which is not worth a time-zone database in shared/.
 */

/** Milliseconds in a day. */
export const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Local time since the epoch shifted back by the day start: whole days of it are study days. */
function shiftedLocal(now: number, dayStartHour: number, timezoneOffsetMinutes: number): number {
  return now - timezoneOffsetMinutes * MINUTE_MS - dayStartHour * HOUR_MS;
}

/** Number of the study day containing `now` (consecutive integers; equal for two times of the same study day). */
export function studyDayIndex(now: number, dayStartHour: number, timezoneOffsetMinutes: number): number {
  return Math.floor(shiftedLocal(now, dayStartHour, timezoneOffsetMinutes) / DAY_MS);
}

/** Epoch ms at which the study day containing `now` began. */
export function studyDayStart(now: number, dayStartHour: number, timezoneOffsetMinutes: number): number {
  const index = studyDayIndex(now, dayStartHour, timezoneOffsetMinutes);
  return index * DAY_MS + dayStartHour * HOUR_MS + timezoneOffsetMinutes * MINUTE_MS;
}

/** Epoch ms at which the study day containing `now` ends (exclusive): the next day's start, and when a bury ends. */
export function studyDayEnd(now: number, dayStartHour: number, timezoneOffsetMinutes: number): number {
  return studyDayStart(now, dayStartHour, timezoneOffsetMinutes) + DAY_MS;
}

/** One study day: its number (studyDayIndex) and when it begins and ends. */
export interface StudyDay {
  index: number;
  start: number;
  /** Exclusive: the next day's start. */
  end: number;
}

/** The study day containing `now`. */
export function studyDay(now: number, dayStartHour: number, timezoneOffsetMinutes: number): StudyDay {
  const start = studyDayStart(now, dayStartHour, timezoneOffsetMinutes);
  return { index: studyDayIndex(now, dayStartHour, timezoneOffsetMinutes), start, end: start + DAY_MS };
}
