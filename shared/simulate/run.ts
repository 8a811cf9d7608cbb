/**
 * Walking a scenario: a pure state machine. Each action returns a new state; nothing is
 * stored here (the simulate store writes each finished decision as a review event and
 * appends it to the attempt). A wrong choice is recorded, corrected, and the walk goes on
 * from the right node. Running over time does not stop the walk; it is recorded.
 */
import type { PackSource } from '../model';
import { answersMatch } from '../schedule/compare-answer';
import type { GradingMode } from '../schedule/scheduler-settings';
import { itemPlainText } from '../text/inline-text';
import type { DecisionRecord, HintKind, Scenario, ScenarioStep } from './scenario-types';
import { SCAFFOLDS } from './levels';
import type { DecisionGrade } from './grade-decision';
import { gradeDecision } from './grade-decision';

export type RunPhase =
  /** Choosing from options, or recalling freely (`recall`). */
  | { name: 'deciding'; mode: 'choice' | 'recall' }
  /** Free recall typed: the answer is shown and the person says whether theirs was it. */
  | { name: 'confirming'; typed: string; answeredAt: number }
  /** The decision is made: right or wrong, the correction, what is observed next. */
  | { name: 'feedback'; decision: DecisionRecord; grade: DecisionGrade }
  | { name: 'finished' };

export interface RunState {
  scenario: Scenario;
  startedAt: number;
  /** The step being decided (steps.length once finished). */
  step: number;
  /** When the current decision was put on screen. */
  shownAt: number;
  /** Hints opened at the current decision. */
  hints: HintKind[];
  phase: RunPhase;
  decisions: DecisionRecord[];
  gradingMode: GradingMode;
  /** The plain text of each item, for judging memory items typed from recall. */
  texts: Readonly<Record<string, string>>;
  finishedAt?: number;
}

/** The index of the first step at or after `from` that is a decision (checklists show unblanked steps done). */
function nextDecision(scenario: Scenario, from: number): number {
  let index = from;
  while (index < scenario.steps.length && scenario.steps[index]?.blank === false) index += 1;
  return index;
}

function decidingPhase(step: ScenarioStep | undefined, hints: readonly HintKind[]): RunPhase {
  if (!step) return { name: 'finished' };
  return { name: 'deciding', mode: step.options || (hints.includes('options') && step.hintOptions) ? 'choice' : 'recall' };
}

/** The options on screen at a decision: the level's, or those the "options" hint opened. */
export function optionsShown(state: RunState): string[] | undefined {
  const step = state.scenario.steps[state.step];
  if (!step) return undefined;
  return step.options ?? (state.hints.includes('options') ? step.hintOptions : undefined);
}

/** The run of `scenario` starting at `at`. */
export function startRun(scenario: Scenario, pack: PackSource, at: number, gradingMode: GradingMode = 'graded'): RunState {
  const texts: Record<string, string> = {};
  for (const item of pack.items) texts[item.id] = itemPlainText(item);
  const step = nextDecision(scenario, 0);
  const state: RunState = { scenario, startedAt: at, step, shownAt: at, hints: [], phase: decidingPhase(scenario.steps[step], []), decisions: [], gradingMode, texts };
  if (state.phase.name === 'finished') state.finishedAt = at;
  return state;
}

/** Milliseconds each decision may take: the scenario's clock shared among its decisions. */
export function decisionBudgetMs(scenario: Scenario): number {
  const decisions = scenario.steps.filter((step) => step.blank !== false).length;
  return scenario.timeLimitMs / Math.max(1, decisions);
}

/**
 * Which hints the current decision offers: by level, each once; `options` only where there are
 * options to show, `why` only where the pack gives a reason.
 */
export function availableHints(state: RunState): HintKind[] {
  const step = state.scenario.steps[state.step];
  if (!step || state.phase.name !== 'deciding') return [];
  return SCAFFOLDS[state.scenario.level].hints.filter(
    (kind) =>
      !state.hints.includes(kind) &&
      (kind !== 'options' || (step.options === undefined && step.hintOptions !== undefined)) &&
      (kind !== 'why' || step.why !== undefined),
  );
}

/** Opens a hint (recorded once per kind and decision); the `options` hint turns recall into a choice. */
export function openHint(state: RunState, kind: HintKind): RunState {
  if (!availableHints(state).includes(kind)) return state;
  const hints = [...state.hints, kind];
  return { ...state, hints, phase: decidingPhase(state.scenario.steps[state.step], hints) };
}

function decide(state: RunState, fields: Pick<DecisionRecord, 'correct'> & Partial<DecisionRecord>, answeredAt: number): RunState {
  const step = state.scenario.steps[state.step] as ScenarioStep;
  const decision: DecisionRecord = {
    step: state.step,
    answer: step.answer,
    shownAt: state.shownAt,
    durationMs: Math.max(0, answeredAt - state.shownAt),
    hints: [...state.hints],
    ...fields,
  };
  if (step.at !== undefined) decision.at = step.at;
  if (step.cardId !== undefined) decision.cardId = step.cardId;
  const grade = gradeDecision({
    correct: decision.correct,
    hints: decision.hints.length,
    durationMs: decision.durationMs,
    budgetMs: decisionBudgetMs(state.scenario),
    mode: state.gradingMode,
  });
  if (step.cardId !== undefined) decision.rating = grade.rating;
  return { ...state, phase: { name: 'feedback', decision, grade } };
}

/** Chooses option `id` at `at` (judged at once). */
export function chooseOption(state: RunState, id: string, at: number): RunState {
  const options = optionsShown(state);
  if (state.phase.name !== 'deciding' || state.phase.mode !== 'choice' || !options?.includes(id)) return state;
  const step = state.scenario.steps[state.step] as ScenarioStep;
  return decide(state, { options: [...options], chosen: id, correct: id === step.answer }, at);
}

/**
 * Free recall: `typed` at `at`. A memory item is judged at once, strictly (the exact step,
 * within its clock); anything else is shown beside the answer for the person to confirm.
 */
export function submitRecall(state: RunState, typed: string, at: number): RunState {
  if (state.phase.name !== 'deciding' || state.phase.mode !== 'recall') return state;
  const step = state.scenario.steps[state.step] as ScenarioStep;
  if (step.memoryLimitMs !== undefined) {
    const late = at - state.shownAt > step.memoryLimitMs;
    const matches = typed.trim() !== '' && answersMatch(typed, state.texts[step.answer] ?? '');
    return decide(state, { typed, correct: matches && !late, ...(late ? { late } : {}) }, at);
  }
  return { ...state, phase: { name: 'confirming', typed, answeredAt: at } };
}

/** The person's verdict on their recalled answer (timed at the submission, not the verdict). */
export function confirmRecall(state: RunState, correct: boolean): RunState {
  if (state.phase.name !== 'confirming') return state;
  const { typed, answeredAt } = state.phase;
  return decide(state, { typed, correct: correct && typed.trim() !== '', selfJudged: true }, answeredAt);
}

/** After the feedback: the decision is kept and the next decision shown at `at` (or the run finishes). */
export function continueRun(state: RunState, at: number): RunState {
  if (state.phase.name !== 'feedback') return state;
  const decisions = [...state.decisions, state.phase.decision];
  const step = nextDecision(state.scenario, state.step + 1);
  const phase = decidingPhase(state.scenario.steps[step], []);
  const next: RunState = { ...state, decisions, step, shownAt: at, hints: [], phase };
  if (phase.name === 'finished') next.finishedAt = at;
  return next;
}

/** Replaces the recorded decision of the feedback phase (the store adds the review event's id). */
export function withDecision(state: RunState, decision: DecisionRecord): RunState {
  if (state.phase.name !== 'feedback') return state;
  return { ...state, phase: { ...state.phase, decision } };
}

/** How a run went. */
export interface RunResult {
  /** 0–100: each decision's point (minus the level's cost per hint), 20 % off when over time. */
  score: number;
  /** Every decision right. */
  correct: boolean;
  hintsUsed: number;
  /** Finished within the clock (for a run not finished: not over it yet). */
  withinTime: boolean;
  elapsedMs: number;
}

/** Over time costs this share of the score. */
export const OVERTIME_PENALTY = 0.2;

/** The result of `state`'s decisions so far, at `at` (for a finished run, at its end). */
export function runResult(state: RunState, at: number = state.finishedAt ?? state.startedAt): RunResult {
  const cost = SCAFFOLDS[state.scenario.level].hintCost;
  const points = state.decisions.map((d) => (d.correct ? Math.max(0, 1 - cost * d.hints.length) : 0));
  const elapsedMs = (state.finishedAt ?? at) - state.startedAt;
  const withinTime = elapsedMs <= state.scenario.timeLimitMs;
  const mean = points.length === 0 ? 0 : points.reduce((sum, p) => sum + p, 0) / points.length;
  return {
    score: Math.round(100 * mean * (withinTime ? 1 : 1 - OVERTIME_PENALTY)),
    correct: state.decisions.length > 0 && state.decisions.every((d) => d.correct),
    hintsUsed: state.decisions.reduce((sum, d) => sum + d.hints.length, 0),
    withinTime,
    elapsedMs,
  };
}

/**
 * Replays recorded decisions on a fresh run (Ink and SugarCube replay a story the same way):
 * the same scenario and choices, at the same times, give the same decisions, grades and
 * result. `finishedAt` is when the last feedback was left (absent: the run is not over).
 */
export function replayRun(
  scenario: Scenario,
  pack: PackSource,
  startedAt: number,
  decisions: readonly DecisionRecord[],
  options: { gradingMode?: GradingMode; finishedAt?: number } = {},
): RunState {
  let state = startRun(scenario, pack, startedAt, options.gradingMode);
  decisions.forEach((decision, index) => {
    if (state.phase.name !== 'deciding' || state.step !== decision.step) {
      throw new Error(`replay: decision for step ${decision.step} does not fit the run at step ${state.step}`);
    }
    state = { ...state, shownAt: decision.shownAt };
    for (const hint of decision.hints) state = openHint(state, hint);
    const answeredAt = decision.shownAt + decision.durationMs;
    if (decision.chosen !== undefined) state = chooseOption(state, decision.chosen, answeredAt);
    else {
      state = submitRecall(state, decision.typed ?? '', answeredAt);
      if (state.phase.name === 'confirming') state = confirmRecall(state, decision.correct);
    }
    if (state.phase.name !== 'feedback') throw new Error(`replay: decision for step ${decision.step} was not accepted`);
    state = withDecision(state, { ...state.phase.decision, ...(decision.eventId ? { eventId: decision.eventId } : {}) });
    const leftAt = decisions[index + 1]?.shownAt ?? options.finishedAt;
    if (leftAt !== undefined) state = continueRun(state, leftAt);
  });
  return state;
}
