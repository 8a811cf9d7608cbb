/**
 * Scaffold fading by level (practice.md; Renkl & Atkinson): a novice chooses from options
 * and may open every hint; as the level rises, options give way to free recall, hints cost
 * more and then disappear, the clock tightens, and checklists blank more of their steps
 * from the end backward.
 */
import type { HintKind, Level } from './scenario-types';

export interface LevelScaffold {
  level: Level;
  name: string;
  /** Decisions are chosen from options (else recalled freely: type, then see the answer and confirm). */
  options: boolean;
  /** The hints that may be opened. */
  hints: readonly HintKind[];
  /** Score lost per hint opened, as a share of the decision's point. */
  hintCost: number;
  /** The pack's time limit is multiplied by this. */
  timeFactor: number;
  /** Checklists: the share of steps blanked, from the end backward (at least one). */
  blankShare: number;
}

export const SCAFFOLDS: Readonly<Record<Level, LevelScaffold>> = {
  1: { level: 1, name: 'Observe', options: true, hints: ['chart', 'why'], hintCost: 0.1, timeFactor: 2, blankShare: 0.25 },
  2: { level: 2, name: 'Guided', options: true, hints: ['chart', 'why'], hintCost: 0.25, timeFactor: 1.5, blankShare: 0.5 },
  3: { level: 3, name: 'Assisted', options: false, hints: ['options', 'chart', 'why'], hintCost: 0.34, timeFactor: 1.25, blankShare: 0.75 },
  4: { level: 4, name: 'Independent', options: false, hints: ['why'], hintCost: 0.5, timeFactor: 1, blankShare: 1 },
  5: { level: 5, name: 'Can teach', options: false, hints: [], hintCost: 1, timeFactor: 0.8, blankShare: 1 },
};

/** The level's name ("Assisted"). */
export function levelName(level: Level): string {
  return SCAFFOLDS[level].name;
}

/** Whether `value` is a level (1–5). */
export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/**
 * The scaffold to practise at for a pack standing at `ladder` on the independence ladder: the
 * next rung's, since that is what a climb must show (Guided needs recalled simulations to be
 * Assisted; Assisted needs unaided ones to be Independent); a pack at Observe starts with the
 * worked examples of level 1, and Can teach stays at 5.
 */
export function scaffoldForLadder(ladder: Level): Level {
  return ladder === 1 ? 1 : (Math.min(5, ladder + 1) as Level);
}

/** What an attempt contributes to choosing the next level. */
export interface AttemptResult {
  level: Level;
  /** 0–100, or undefined for an attempt not finished. */
  score?: number;
  finished: boolean;
}

/** A score at or above this, at a level, counts as mastering it. */
export const LEVEL_UP_SCORE = 80;
/** Below this the last attempt was too hard: one level down. */
const LEVEL_DOWN_SCORE = 50;

/**
 * The level to start at, from the pack's recent attempts (newest last): level 1 for a pack
 * never walked; one up after two of the last three finished attempts at the current level
 * scored LEVEL_UP_SCORE or more; one down after a finished attempt under 50; else the same.
 * (The progress ladder replaces this once it measures the pack.)
 */
export function suggestLevel(attempts: readonly AttemptResult[]): Level {
  const finished = attempts.filter((attempt) => attempt.finished && attempt.score !== undefined);
  const last = finished.at(-1);
  if (!last) return 1;
  if ((last.score as number) < LEVEL_DOWN_SCORE) return Math.max(1, last.level - 1) as Level;
  const atLevel = finished.slice(-3).filter((attempt) => attempt.level === last.level);
  const mastered = atLevel.filter((attempt) => (attempt.score as number) >= LEVEL_UP_SCORE).length;
  return (mastered >= 2 ? Math.min(5, last.level + 1) : last.level) as Level;
}
