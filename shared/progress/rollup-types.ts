/**
 * Rollups: daily and weekly sums of answers, kept like card states are (a cache written in
 * the answer's own transaction, rebuildable from the events), so the Progress screen never
 * reads the events themselves. All counts are integers and all sums of times whole
 * deciseconds, so adding an answer and taking it away (undo) leaves them exactly as before.
 */
import type { CalibrationBins } from './calibration-bins';
import type { DurationStats } from './duration-stats';

/** Pass and fail counts. */
export interface PassFail {
  pass: number;
  fail: number;
}

/** One source's answers on one study day (all packs). */
export interface SourceDay {
  answers: number;
  correct: number;
  /** Time spent answering, deciseconds (each answer capped at two minutes). */
  timeDs: number;
  /** Response times of correct answers (automaticity over weeks, all packs). */
  times: DurationStats;
  /**
   * Anki's "true retention": the first answer of each card that day, cards in review only,
   * young (interval under 21 days) and mature apart.
   */
  young: PassFail;
  mature: PassFail;
}

/** One study day of the whole collection. */
export interface DayRollup {
  day: number;
  drill: SourceDay;
  simulation: SourceDay;
  /** The scheduler's predicted recall against what happened (first review of a card each day). */
  calibration: CalibrationBins;
}

/** One source's answers in one pack in one week. */
export interface SourceWeek {
  answers: number;
  correct: number;
  /** Response times of correct answers (automaticity). */
  times: DurationStats;
  /** Answers on `why` cards and how many were right: "explains every why". */
  whyAnswers: number;
  whyCorrect: number;
}

/** One pack's answers in one study week (`week` = floor(study day / 7)). */
export interface PackWeekRollup {
  packId: string;
  week: number;
  drill: SourceWeek;
  simulation: SourceWeek;
}
