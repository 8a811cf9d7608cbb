/**
 * The shapes of a scenario simulation (practice.md, "Scenario simulations"): what the
 * engine draws from a pack and what a run records. Pure data; `kata simulate --json`
 * prints a Scenario's public part, so its field names are a contract.
 */
import type { DecisionRecord, HintKind } from '../model';

export type { DecisionRecord, HintKind };

/** The scaffold levels, the ladder of practice.md: 1 Observe … 5 Can teach. */
export type Level = 1 | 2 | 3 | 4 | 5;

export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** What the person observes standing on a node, on the hidden path. */
export interface Observation {
  /** The answer taken out of a question on the hidden path (`yes`, `PSI > 0.25`). */
  label?: string;
  /** Kata YAML `observe`: what one sees at this point. */
  observe?: string[];
  /** Kata YAML per-answer `feedback` of the answer taken. */
  feedback?: string;
}

/** One step of a scenario: where the person stands and what comes next. */
export interface ScenarioStep {
  /** The item the person stands on (a tree node, or the previous checklist step); absent for a checklist's first step. */
  at?: string;
  /** The right next item: the next node on the hidden path, or the checklist step to do. */
  answer: string;
  /** Item ids to choose from, the answer among them; absent where the level asks for free recall (or a shown step). */
  options?: string[];
  /**
   * Checklists: whether the step is blanked (to be produced by the person); a step that is
   * not blanked is shown done, as a worked example. Trees: absent (every step is a decision).
   */
  blank?: boolean;
  /** What is observed at `at` before deciding. */
  observation?: Observation;
  /** The card that asks the same thing (the decision is also an answer on it). */
  cardId?: string;
  /** Options to show when a recall decision opens the "options" hint (never absent where a decision has distractors). */
  hintOptions?: string[];
  /**
   * The reason behind this decision, for the "why" hint and the debrief: in a tree the `why` of
   * the node one stands on (the question being answered), else of the node it leads to; in a
   * checklist the step's own. Absent where the pack gives none (the hint is then not offered).
   */
  why?: string;
  /** Memory items (`{.memory}`): the strict clock for this step, in ms. */
  memoryLimitMs?: number;
}

/** A drawn scenario: everything a run needs, fixed by pack, seed, level and memory state. */
export interface Scenario {
  packId: string;
  kind: 'tree' | 'checklist';
  seed: number;
  level: Level;
  /** Checklists: the section performed (absent: the whole checklist). */
  sectionId?: string;
  /** The hidden path: tree nodes from the root to an outcome, or the checklist steps in order. */
  hiddenPath: string[];
  steps: ScenarioStep[];
  /** Trees: the outcome the hidden path ends on. */
  outcome?: string;
  /** The clock for the whole scenario, in ms (the pack's time limit, scaled by level). */
  timeLimitMs: number;
}
