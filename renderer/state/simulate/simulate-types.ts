/** The simulate store's public shape (the behaviour is in simulate-store.ts). */
import type { StoreApi } from 'zustand/vanilla';
import type { Criticality, PackSource, Rarity, SimulationAttempt, SimulationStats } from '../../../shared/model';
import type { SchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { PathCoverage } from '../../../shared/simulate/coverage';
import type { IncidentOfDay } from '../../../shared/simulate/incident-of-day';
import type { RunResult, RunState } from '../../../shared/simulate/run';
import type { HintKind, Level, Scenario } from '../../../shared/simulate/scenario-types';

/** One pack that can be walked, as the Simulate screen lists it. */
export interface ScenarioEntry {
  packId: string;
  title: string;
  kind: 'tree' | 'checklist';
  rarity?: Rarity;
  criticality?: Criticality;
  timeLimitMs?: number;
  /** The pack's `importedAt` (its version). */
  version: number;
  stats: SimulationStats;
  /** The scaffold to practise at: from the pack's place on the ladder once it is measured, else from its recent attempts. */
  suggestedLevel: Level;
  /** The pack's place on the independence ladder, once measured (after the first paint). */
  ladder?: { level: Level; name: string };
  /** Trees: paths walked of all listed, and outcomes never reached (texts filled in after the first paint). */
  coverage?: PathCoverage;
  outcomeTexts?: Record<string, string>;
  /** Checklists: sections performed at least once, of all. */
  sections?: { walked: number; total: number };
}

/** What the person sets before a run. */
export interface Briefing {
  entry: ScenarioEntry;
  level: Level;
  /** 0–1, or null until the person has said. */
  confidence: number | null;
  /** Checklists: a section id, `all`, or `drawn` (Kata picks a weak, stale section). */
  section: string;
  /** Checklists: the sections to choose from. */
  sections: { id: string; title: string }[];
  /** Seed to replay (retry this scenario); a new one is drawn when absent. */
  seed?: number;
}

/** A run on screen. */
export interface ActiveRun {
  attemptId: string;
  pack: PackSource;
  packVersion: number;
  title: string;
  scenario: Scenario;
  state: RunState;
  /** A decision being written (the next step waits for it). */
  saving: boolean;
  /** The decision on screen (feedback) is stored. */
  stored: boolean;
  error?: string;
}

/** The debrief of a finished attempt. */
export interface Debrief {
  attempt: SimulationAttempt;
  title: string;
  pack: PackSource;
  scenario: Scenario;
  result: RunResult;
  /** The version (`importedAt`) of `pack`: what the chart's cached layout is keyed by. */
  packVersion: number;
  /** The pack was re-imported since: the chart may differ from what was walked. */
  packChanged: boolean;
  /** Why the reaction or the take-away was not saved (the last try). */
  saveError?: string;
}

export interface SimulateState {
  status: 'idle' | 'loading' | 'list' | 'briefing' | 'running' | 'debrief' | 'error';
  entries: ScenarioEntry[];
  /** When the list was read ("last walked 3 days ago" is measured from it). */
  listedAt: number;
  /** Today's suggestion: undefined while it is being worked out, null when there is none. */
  incident: IncidentOfDay | null | undefined;
  briefing: Briefing | null;
  run: ActiveRun | null;
  debrief: Debrief | null;
  error?: string;
  /** Runs found interrupted (the app closed mid-run) and marked abandoned; shown with the list until a briefing opens. */
  notice?: string;
  announcement: { id: number; text: string };

  /** Reads the list of walkable packs (and marks runs a crash left running as abandoned). */
  load(): Promise<void>;
  /** Opens the briefing of a pack. */
  brief(packId: string, seed?: number): Promise<void>;
  setLevel(level: Level): void;
  setConfidence(confidence: number | null): void;
  setSection(section: string): void;
  /** Draws the scenario and starts the run (the attempt is stored at once). */
  start(): Promise<void>;
  choose(optionId: string): Promise<void>;
  recall(text: string): Promise<void>;
  confirm(correct: boolean): Promise<void>;
  hint(kind: HintKind): void;
  /** After a decision's feedback: the next decision, or the debrief. */
  next(): Promise<void>;
  /** Leaves the run; its decisions are kept and it is marked abandoned. */
  abandon(): Promise<void>;
  saveReaction(text: string): Promise<void>;
  saveReflection(text: string): Promise<void>;
  /** Opens the debrief of a stored attempt (after a reload, from a link). */
  openDebrief(attemptId: string): Promise<void>;
  /** The same scenario again (same seed), or a new one. */
  retry(): Promise<void>;
  newScenario(): Promise<void>;
  backToList(): Promise<void>;
}

export type SimulateStore = StoreApi<SimulateState>;

export interface SimulateStoreOptions {
  settings: () => Partial<Record<keyof SchedulerSettings, unknown>>;
  now?: () => number;
  timezoneOffsetMinutes?: (at: number) => number;
  newId?: () => string;
  /** A fresh scenario seed (a 32-bit integer). */
  newSeed?: () => number;
}
