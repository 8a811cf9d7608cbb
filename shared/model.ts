/**
 * The types every layer speaks. Pure data: no behaviour, no DOM, no Node.
 * Times are epoch milliseconds everywhere (IndexedDB indexes need numbers).
 */

export type PackKind = 'checklist' | 'tree' | 'qa';
export type ItemKind = 'step' | 'decision' | 'action' | 'outcome' | 'question';
export type Rarity = 'common' | 'occasional' | 'rare';
export type Criticality = 'low' | 'medium' | 'high';
export type SourceFormat = 'markdown' | 'mermaid' | 'yaml' | 'json' | 'csv';

/** Front-matter (or YAML header) metadata of a pack. */
export interface PackMeta {
  /** Explicit pack id that survives renames of the file. */
  id?: string;
  tags: string[];
  rarity?: Rarity;
  criticality?: Criticality;
  /** Simulation budget in milliseconds (front matter `time_limit: 90s`). */
  timeLimitMs?: number;
}

/**
 * Imported text as its author meant it to be read: Markdown (or a Mermaid label) is read
 * ONCE, at import, by the real parser (remark for Markdown), into this small tree. It holds
 * no HTML and no URLs: character references are decoded, reference links resolved to their
 * text, images to their alt text, inline HTML dropped (a few formatting tags become marks).
 * The renderer draws it as React text nodes (renderer/app/ui/InlineText.tsx), never as HTML;
 * prompts are composed as trees (shared/drills/generate-cards.ts), never as Markdown strings.
 * - `key`: a `==key value==` (a cloze blanks it); `blank`: the blank of a cloze prompt.
 * - `link`: a link's text only (the URL is dropped: the app is offline and no imported URL
 *   may become clickable).
 * shared/text/inline-text.ts has the helpers (`inlinePlain`, `itemPlainText`, ...).
 */
export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'code'; value: string }
  | { type: 'break' }
  | { type: 'blank' }
  | { type: 'strong' | 'emphasis' | 'delete' | 'link' | 'key'; children: InlineNode[] };

/** A run of inline content: a step's text, a prompt, an answer. */
export type InlineTree = InlineNode[];

/** How a list of a Markdown file was read: as steps to drill, or as notes of the step before it. */
export type ListReading = 'steps' | 'notes';

/**
 * A section (phase) of a pack: a Markdown heading (any level) or a Mermaid subgraph.
 * Headings nest: a `####` under a `###` has that section as its parent.
 */
export interface SectionSource {
  id: string;
  /** Plain text, as read (decoded, no markup). */
  title: string;
  line: number;
  /** The enclosing section (a heading of a lower level above it), if any. */
  parentId?: string;
  /** 0 for a top-level section, 1 for one inside it, ... (absent on packs stored before it existed: 0). */
  depth?: number;
}

/** One importable item, normalized across formats. */
export interface ItemSource {
  /** Stable id: explicit (`{#id}`, Mermaid node id, YAML key) or derived from section + text. */
  id: string;
  kind: ItemKind;
  /**
   * The item's PLAIN reading: what a person reads, with no markup characters (character
   * references decoded, links and images as their text, inline HTML and `==` markers gone;
   * a line break is "\n"). Re-import matching, option de-duplication, typed-answer checks and
   * derived ids use it. Read it with `itemPlainText` (shared/text/inline-text.ts).
   */
  text: string;
  /**
   * The same text for display, with its emphasis, code, links' text, line breaks and
   * `==key values==` (InlineTree). Absent when the text has no formatting at all: `text` is
   * then the whole reading (`itemInline` gives a tree either way). Items stored before it
   * existed were given one by migration 003.
   */
  inline?: InlineTree;
  /** Id of the section it belongs to, if any. */
  sectionId?: string;
  /** Id of the parent step for sub-steps. */
  parentId?: string;
  /** Position within the pack, 0-based, in reading order. */
  order: number;
  /** `> Why:` (Markdown) or `why:` (YAML), plain like `text`. */
  rationale?: string;
  /** The rationale for display (absent when it has no formatting). */
  rationaleInline?: InlineTree;
  /** Notes (other lists and paragraphs of a step, table cells): plain text; code blocks verbatim. */
  notes: string[];
  /** `==key values==` worth a cloze, plain (decoded), in reading order. */
  keyValues: string[];
  /** `{.memory}`: must be done from recall, fast and exact. */
  memory: boolean;
  /** For outcomes: resolved (`ok`) or failed (`fail`). */
  outcome?: 'ok' | 'fail';
  /** For questions (CSV): the back of the card, plain like `text`. */
  answer?: string;
  /** The back for display (absent when it has no formatting). */
  answerInline?: InlineTree;
  /** Trees (Kata YAML `observe`): what the person sees at this node in a simulation. */
  observe?: string[];
  /** Trees (Kata YAML answer `feedback`): shown after an answer, keyed by the answer's label. */
  answerFeedback?: Record<string, string>;
  tags: string[];
  line: number;
  col: number;
}

/** A directed edge of a decision tree, with the answer label that takes it. */
export interface EdgeSource {
  from: string;
  to: string;
  label?: string;
  line: number;
}

/** What a parser produces from one file: one normalized pack. */
export interface PackSource {
  title: string;
  kind: PackKind;
  format: SourceFormat;
  /** File name the pack was read from (as the user knows it). */
  sourceName: string;
  meta: PackMeta;
  sections: SectionSource[];
  items: ItemSource[];
  edges: EdgeSource[];
  /** Root node of a tree. */
  rootId?: string;
}

/** An error or warning about an imported file, pointing into it (1-based). */
export interface ImportIssue {
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

// ---- Stored records -------------------------------------------------------

export type RecordStatus = 'active' | 'archived';

export interface PackRecord {
  id: string;
  title: string;
  kind: PackKind;
  format: SourceFormat;
  sourceName: string;
  /** Full path where known (Electron file dialog, watched folder). */
  sourcePath?: string;
  /** hashText() of the imported text: tells a watched folder which files changed since. */
  sourceHash?: string;
  meta: PackMeta;
  sections: SectionSource[];
  edges: EdgeSource[];
  rootId?: string;
  status: RecordStatus;
  createdAt: number;
  importedAt: number;
  itemCount: number;
  cardCount: number;
  /** How many of the pack's cards are of each kind (absent on packs imported before it was recorded). */
  cardKinds?: Partial<Record<CardKind, number>>;
  /**
   * What the daily queue needs of the pack's items, written with them by every import
   * (and by migration 002 for packs imported before): building the queue then reads no
   * items at all. Absent only on a pack written by something else; readers fall back to
   * the items.
   */
  itemIndex?: PackItemIndex;
  /**
   * How the person chose to read lists of this file in the import review, by list key
   * (`ListReadingInfo.key`: the heading path and the list's number under it). Applied again
   * on every re-import of the file. Absent: the parser's own reading everywhere.
   */
  listChoices?: Record<string, ListReading>;
}

/** The active items' reading order and re-import changes of one pack (PackRecord.itemIndex). */
export interface PackItemIndex {
  /** Ids of the pack's active (not retired) items, in reading order. */
  order: string[];
  /** Active items a re-import changed: item id → when (epoch ms), as in ItemRecord.changedAt. */
  changedAt: Record<string, number>;
}

export interface ItemRecord extends ItemSource {
  /** Globally unique: `${packId}/${id}`. */
  key: string;
  packId: string;
  /** Retired items keep their history; their cards are suspended. */
  retired: boolean;
  /** Set when a re-import changed the item's text. */
  changedAt?: number;
}

export type CardKind =
  | 'next-step'
  | 'sequence'
  | 'cloze'
  | 'why'
  | 'memory'
  | 'branch'
  | 'reverse'
  | 'qa';

/** FSRS state of a card, the part that an answer changes and undo restores. */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: 0 | 1 | 2 | 3;
  lastReview?: number;
}

export interface CardRecord extends CardState {
  /** Derived from pack, item and kind so a re-import keeps it. */
  id: string;
  packId: string;
  itemKey: string;
  kind: CardKind;
  /** 1 when suspended (numbers, because booleans are not valid IndexedDB keys). */
  suspended: 0 | 1;
  /** Not shown before this time (bury). */
  buriedUntil: number;
  /** Suspended because its item left the source (re-import), not by the person: revived if it returns. */
  retiredBySource?: boolean;
  createdAt: number;
}

export type Rating = 1 | 2 | 3 | 4;

export interface ReviewEvent {
  id: string;
  cardId: string;
  packId: string;
  rating: Rating;
  at: number;
  durationMs: number;
  hintsUsed: number;
  grader: 'auto' | 'self';
  source: 'drill' | 'simulation';
  correct?: boolean;
  /**
   * The kind of card answered (events written before it was recorded lack it): the usual
   * response time per kind is read from recent events without looking up their cards.
   */
  kind?: CardKind;
  /** The card's state before this answer: what undo puts back. */
  before: CardState;
}

/** Hints a person may open at a decision (each costs score and is recorded). */
export type HintKind = 'options' | 'chart' | 'why';

/** One decision of a simulation run, as the person made it (stored in SimulationAttempt.decisions). */
export interface DecisionRecord {
  /** Index into the scenario's steps. */
  step: number;
  at?: string;
  answer: string;
  /** The options shown when the person chose (absent for free recall without the options hint). */
  options?: string[];
  /** The option chosen (an item id). */
  chosen?: string;
  /** Free recall: what was typed. */
  typed?: string;
  correct: boolean;
  /** When the decision was put on screen (epoch ms): with durationMs, the run's timeline. */
  shownAt: number;
  /** Free recall confirmed by the person (not judged by Kata). */
  selfJudged?: boolean;
  durationMs: number;
  hints: HintKind[];
  /** The grade given on the matching card (1–4), when there is one. */
  rating?: 1 | 2 | 3 | 4;
  cardId?: string;
  /** The review event written for this decision. */
  eventId?: string;
  /** Memory items: answered after their strict clock. */
  late?: boolean;
}

/** A simulation run: `running` while it is walked, then `finished`, or `abandoned` (left, or the app closed mid-run). */
export type AttemptStatus = 'running' | 'finished' | 'abandoned';

/**
 * One walk of a scenario (shared/simulate). Stored when it starts and updated with each
 * decision (in the same transaction as the decision's review event), so a crash keeps
 * every decision made. With its seed, level, section and hidden path it rebuilds the exact
 * scenario (rebuildScenario), and its decisions replay the run (replayRun).
 */
export interface SimulationAttempt {
  id: string;
  packId: string;
  /** The pack's `importedAt` when walked: a later re-import may change the chart. */
  packVersion: number;
  kind: 'tree' | 'checklist';
  seed: number;
  level: 1 | 2 | 3 | 4 | 5;
  /** Checklists: the section performed, or `all`. */
  section?: string;
  startedAt: number;
  status: AttemptStatus;
  /** Finished or abandoned at. */
  finishedAt?: number;
  timeLimitMs: number;
  /** "How sure are you that you can resolve this without help?", 0–1, asked before starting. */
  confidence?: number;
  /** Tree nodes from the root to the outcome, or the checklist's steps, as the scenario drew them. */
  hiddenPath: string[];
  /** The item the person took at each decision (the chosen option; for recall, the answer when right, '' when not). */
  path: string[];
  decisions: DecisionRecord[];
  /** Trees: the outcome item the walk ended on, and whether it is resolved or failed. */
  outcome?: string;
  outcomeKind?: 'ok' | 'fail';
  /** Set when finished: every decision right; finished within the clock; 0–100. */
  correct?: boolean;
  withinTime?: boolean;
  score?: number;
  hintsUsed: number;
  /** The debrief: the person's one-line reaction, then their take-away. */
  reaction?: string;
  reflection?: string;
}


/** What the ladder needs of one finished attempt. */
export interface AttemptResult {
  /** Finished at. */
  at: number;
  level: 1 | 2 | 3 | 4 | 5;
  score: number;
  /** Every decision right. */
  correct: boolean;
  hints: number;
  withinTime: boolean;
  /** Stated before starting, 0–1. */
  confidence?: number;
}

/**
 * What the Simulate screen shows of a pack's walks, kept up to date in the transaction that
 * finishes an attempt (so the screen never reads attempts) and rebuildable from them.
 */
export interface SimulationStats {
  packId: string;
  /** Finished attempts. */
  attempts: number;
  lastWalkedAt?: number;
  bestScore?: number;
  /**
   * The finished attempts' results, oldest first (the latest RESULTS_KEPT): the starting level
   * and the competency ladder read them, so neither reads attempts.
   */
  results: AttemptResult[];
  /** Trees: the distinct hidden paths walked, loops cut out (pathKey); checklists: the sections performed. */
  walked: string[];
  /** When each edge (`from->to`) or checklist section (`§id`) was last walked: "not walked lately". */
  walkedAt: Record<string, number>;
}

export interface SelfAssessment {
  id: string;
  packId: string;
  at: number;
  level: 1 | 2 | 3 | 4 | 5;
  note?: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A backup snapshot as listed to the user. */
export interface BackupInfo {
  id: string;
  name: string;
  createdAt: number;
  bytes: number;
}
