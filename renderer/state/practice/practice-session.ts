/**
 * The shapes of a practice session, shared by the practice store and the
 * practice screen: what was asked for, what the start panel shows, the card
 * on screen and its phase, and the summary at the end.
 */
import type { ReviewEvent } from '../../../shared/model';
import type { AutoGrade } from '../../../shared/schedule/auto-grade';
import type { GradingMode } from '../../../shared/schedule/scheduler-settings';
import type { PracticeCard } from './practice-collection';
import type { SessionRequest } from './practice-request';
import type { GivenAnswer, Judgement } from '../../../shared/drills/judge-answer';
import type { Intervals } from '../../../shared/schedule/grade-answer';
import type { PackPlan, SessionResults } from '../../../shared/schedule/session-stats';

/** What the start panel shows before a session. */
export interface Overview {
  request: SessionRequest;
  /** When it was computed (relative times are shown against this). */
  at: number;
  total: number;
  due: number;
  fresh: number;
  estimatedMinutes: number;
  /** Per card, the person's own average when they have one (`averageIsOwn`), else FALLBACK_ANSWER_MS. */
  averageMs: number;
  averageIsOwn: boolean;
  perPack: PackPlan[];
  /** Pack sessions: the pack asked for, if it is active. */
  pack?: { id: string; title: string };
  /** Whether any card has been answered ("my weakest cards" picks from those). */
  hasStudied: boolean;
  nextDue: number | null;
  /** Study days in a row with an answer; null while it is being counted (or could not be). */
  streak: number | null;
  newCardsPerDay: number;
  maxReviewsPerDay: number;
}

export type Phase =
  | { name: 'question'; shownAt: number; hintsUsed: number }
  /** A self-graded card with its answer shown; `answeredAt` is the review time (the intervals shown are exact for it). */
  | { name: 'revealed'; shownAt: number; answeredAt: number; durationMs: number; intervals: Intervals }
  /** An objective answer, judged and graded, not yet stored: Enter keeps the grade, 1–4 override it. */
  | {
      name: 'feedback';
      shownAt: number;
      answeredAt: number;
      durationMs: number;
      hintsUsed: number;
      given: GivenAnswer;
      judgement: Judgement;
      grade: AutoGrade;
      intervals: Intervals;
    };

export interface Session {
  request: SessionRequest;
  startedAt: number;
  current: PracticeCard | null;
  /** Increases each time a card is put on screen (the same card again after undo too). */
  turn: number;
  phase: Phase;
  /** Ids of the cards to come after the current one. */
  upcoming: string[];
  /** This session's stored answers, oldest first (undone ones removed). */
  events: ReviewEvent[];
  /** Cards buried or suspended during the session. */
  setAside: number;
  /** An answer, undo or bury is being written: keys and buttons wait. */
  busy: boolean;
  error?: string;
  gradingMode: GradingMode;
  /** Undo steps available. */
  undoDepth: number;
}

export interface Summary {
  /** When the session ended. */
  at: number;
  /** False when the person ended it with cards still to come. */
  complete: boolean;
  results: SessionResults;
  elapsedMs: number;
  /** Study days in a row with an answer; null while it is being counted (or could not be). */
  streak: number | null;
  nextDue: number | null;
  /** Cards of the daily plan still due now (a session ended early, or a custom one). */
  dueNow: number;
  /** When a card in its learning steps comes back today, if one does. */
  nextLearning: number | null;
}
