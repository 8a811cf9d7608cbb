/** The practice store's public shape and options (the behaviour is in practice-store.ts). */
import type { StoreApi } from 'zustand/vanilla';
import type { Rating } from '../../../shared/model';
import type { SchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { GivenAnswer } from '../../../shared/drills/judge-answer';
import type { Overview, Session, Summary } from './practice-session';
import type { SessionRequest } from './practice-request';

export interface PracticeState {
  status: 'idle' | 'loading' | 'start' | 'session' | 'summary' | 'error';
  request: SessionRequest;
  overview: Overview | null;
  session: Session | null;
  summary: Summary | null;
  error?: string;
  /** The latest thing to tell a screen reader; `id` changes even when the text repeats. */
  announcement: { id: number; text: string };

  /** Loads the start panel for `request`; an ongoing session of the same request is kept. */
  load(request: SessionRequest): Promise<void>;
  start(): Promise<void>;
  /** Self-graded cards: show the answer. */
  reveal(): void;
  /** Objective cards: judge and grade the answer (nothing is stored until grade or accept). */
  submit(given: GivenAnswer): void;
  /** A self grade, or an override of the automatic one; stores the answer and moves on. */
  grade(rating: Rating): Promise<void>;
  /** Keeps the automatic grade; stores the answer and moves on. */
  accept(): Promise<void>;
  hint(): void;
  undo(): Promise<void>;
  bury(): Promise<void>;
  suspend(): Promise<void>;
  /** Ends the session (every answer is already stored) and shows the summary. */
  end(): void;
}

export type PracticeStore = StoreApi<PracticeState>;

export interface PracticeStoreOptions {
  /** The stored settings (as the settings store holds them); read at each load and start. */
  settings: () => Partial<Record<keyof SchedulerSettings, unknown>>;
  now?: () => number;
  /** `Date#getTimezoneOffset()` at a time (minutes, UTC minus local). */
  timezoneOffsetMinutes?: (at: number) => number;
  newId?: () => string;
}

export type UndoEntry =
  | { kind: 'answer'; eventId: string; cardId: string }
  | { kind: 'bury'; cardId: string; previousBuriedUntil: number }
  | { kind: 'suspend'; cardId: string };

