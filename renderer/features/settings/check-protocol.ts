/**
 * Messages between the Settings screen and the check-collection worker
 * (check-worker.ts). Plain data only: everything crosses by structured clone.
 */
import type { CardKind, CardState } from '../../../shared/model';
import type { SchedulerHistory } from '../../../shared/schedule/scheduler-history';
import type { SchedulerSettings } from '../../../shared/schedule/scheduler-settings';

/** A card whose stored state is not what its events replay to. */
export interface DriftedCard {
  cardId: string;
  packId: string;
  /** The pack's title, or its id when the pack is gone. */
  packTitle: string;
  kind: CardKind;
  itemKey: string;
  /** The item's text, when the item still exists (filled for listed cards only). */
  itemText?: string;
  /** The CardState fields that differ, e.g. `['due', 'scheduledDays']`. */
  fields: string[];
  /** What replaying the card's events gives. */
  expected: CardState;
  /** What is stored. */
  stored: CardState;
}

export interface CheckProgress {
  phase: 'check' | 'repair';
  /** Cards checked (or repaired) so far. */
  done: number;
  /** Cards to go through in all. */
  total: number;
  /** Events replayed so far (check only). */
  events: number;
  /** Drifted cards found so far (check only). */
  drifted: number;
}

export interface CheckReport {
  cards: number;
  events: number;
  /** Every drifted card's id: what Repair rewrites. */
  driftedIds: string[];
  /** Details of the first MAX_LISTED_DRIFT drifted cards, in card id order. */
  drifted: DriftedCard[];
  /** Events whose card no longer exists (they cannot drift a card, but are worth knowing about). */
  orphanEvents: number;
  /** The progress rollups were rebuilt from this pass (false: an answer came in meanwhile; they rebuild again later). */
  rollupsFresh: boolean;
  /** The settings the replay used (the current ones), and the history of their FSRS parameters. */
  settings: SchedulerSettings;
  history: SchedulerHistory;
  startedAt: number;
  durationMs: number;
}

export interface RepairResult {
  /** Cards whose state was rewritten. */
  repaired: number;
  /** Cards asked for (some may already have been right, or gone). */
  requested: number;
  durationMs: number;
}

/**
 * `settings` are the ones in force now; `history` says which FSRS parameters were in force
 * when (each answer is replayed with those of its time; absent, every answer with `settings`).
 */
export type CheckRequest =
  /** `replay: false` skips the check and only rebuilds the caches (the progress rollups, simulation summaries). */
  | { type: 'check'; dbName: string; settings: SchedulerSettings; history?: SchedulerHistory; pageSize?: number; replay?: boolean }
  | {
      type: 'repair';
      dbName: string;
      settings: SchedulerSettings;
      history?: SchedulerHistory;
      cardIds: string[];
      batchSize?: number;
    }
  /** Stops the running job at its next page; it answers `cancelled`. */
  | { type: 'cancel' };

export type CheckResponse =
  | { type: 'progress'; progress: CheckProgress }
  | { type: 'checked'; report: CheckReport }
  | { type: 'repaired'; result: RepairResult }
  | { type: 'cancelled'; progress: CheckProgress }
  | { type: 'failed'; message: string };
