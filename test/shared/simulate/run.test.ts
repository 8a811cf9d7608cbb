/** Walking a scenario: decisions, corrections, hints, grades, the clock, scores, and exact replay. */
import { describe, expect, test } from 'vitest';
import { drawScenario } from '../../../shared/simulate/build-scenario';
import {
  availableHints,
  chooseOption,
  confirmRecall,
  continueRun,
  decisionBudgetMs,
  openHint,
  optionsShown,
  replayRun,
  runResult,
  startRun,
  submitRecall,
} from '../../../shared/simulate/run';
import type { RunState } from '../../../shared/simulate/run';
import { gradeDecision } from '../../../shared/simulate/grade-decision';
import { samplePack } from './helpers';

const T0 = Date.UTC(2026, 10, 1, 9);
const tree = samplePack('feature-drift-response.yaml');

function finish(state: RunState, pick: (state: RunState) => string, stepMs = 3_000): RunState {
  let s = state;
  let clock = s.startedAt;
  while (s.phase.name === 'deciding') {
    clock += stepMs;
    s = chooseOption(s, pick(s), clock);
    clock += 1_000;
    s = continueRun(s, clock);
  }
  return s;
}
/** A seed whose hidden path makes at least three decisions (the sample tree has short and long paths). */
function longSeed(level: 1 | 2 | 3 | 4 | 5): number {
  for (let seed = 1; ; seed += 1) if (drawScenario({ packId: 'd', pack: tree, seed, level }).steps.length >= 3) return seed;
}
const right = (s: RunState): string => s.scenario.steps[s.step]!.answer;
const wrong = (s: RunState): string => optionsShown(s)!.find((id) => id !== s.scenario.steps[s.step]!.answer)!;

describe('a tree run', () => {
  const scenario = drawScenario({ packId: 'd', pack: tree, seed: longSeed(2), level: 2 });

  test('all right, in time: every decision correct, full score, the walk ends on the outcome', () => {
    const done = finish(startRun(scenario, tree, T0), right);
    expect(done.phase.name).toBe('finished');
    expect(done.decisions).toHaveLength(scenario.steps.length);
    expect(done.decisions.map((d) => d.chosen)).toEqual(scenario.hiddenPath.slice(1));
    expect(runResult(done)).toMatchObject({ score: 100, correct: true, hintsUsed: 0, withinTime: true });
  });

  test('the scenario makes several decisions', () => expect(scenario.steps.length).toBeGreaterThanOrEqual(3));

  test('a wrong choice is recorded and corrected, and the walk goes on from the right node', () => {
    let state = startRun(scenario, tree, T0);
    state = chooseOption(state, wrong(state), T0 + 2_000);
    expect(state.phase.name).toBe('feedback');
    if (state.phase.name !== 'feedback') return;
    expect(state.phase.decision).toMatchObject({ correct: false, answer: scenario.steps[0]!.answer, durationMs: 2_000 });
    expect(state.phase.grade.rating).toBe(1);
    state = continueRun(state, T0 + 5_000);
    // The next decision stands on the right node, not on the one chosen.
    expect(state.scenario.steps[state.step]!.at).toBe(scenario.steps[0]!.answer);
    const done = finish(state, right);
    const result = runResult(done);
    expect(result.correct).toBe(false);
    expect(result.score).toBe(Math.round((100 * (scenario.steps.length - 1)) / scenario.steps.length));
  });

  test('hints are recorded once each, cost score and grade Hard', () => {
    let state = startRun(scenario, tree, T0);
    expect(availableHints(state)).toEqual(['chart', 'why']);
    state = openHint(openHint(openHint(state, 'why'), 'why'), 'chart');
    expect(state.hints).toEqual(['why', 'chart']);
    expect(openHint(state, 'options')).toBe(state);
    state = chooseOption(state, right(state), T0 + 1_000);
    if (state.phase.name !== 'feedback') throw new Error('no feedback');
    expect(state.phase.grade.rating).toBe(2);
    const done = finish(continueRun(state, T0 + 2_000), right);
    const result = runResult(done);
    // Level 2: each hint costs a quarter of a decision's point.
    expect(result.score).toBe(Math.round((100 * (scenario.steps.length - 0.5)) / scenario.steps.length));
    expect(result.hintsUsed).toBe(2);
  });

  test('the why hint is offered only where the pack gives a reason', () => {
    // In the drift tree, check-psi says why; check-performance does not.
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const walk = drawScenario({ packId: 'd', pack: tree, seed, level: 1 });
      let state = startRun(walk, tree, T0);
      for (const step of walk.steps) {
        const why = tree.items.find((item) => item.id === step.at)?.rationale;
        expect(step.why).toBe(why ?? tree.items.find((item) => item.id === step.answer)?.rationale);
        expect(availableHints(state).includes('why')).toBe(step.why !== undefined);
        state = continueRun(chooseOption(state, step.answer, T0), T0);
      }
    }
  });

  test('running over time does not stop the walk; it is recorded and costs 20 %', () => {
    const slow = finish(startRun(scenario, tree, T0), right, scenario.timeLimitMs);
    expect(slow.phase.name).toBe('finished');
    expect(runResult(slow)).toMatchObject({ withinTime: false, score: 80, correct: true });
  });

  test('free recall: typed, then confirmed by the person; the options hint turns it into a choice', () => {
    const recall = drawScenario({ packId: 'd', pack: tree, seed: longSeed(3), level: 3 });
    let state = startRun(recall, tree, T0);
    expect(state.phase).toEqual({ name: 'deciding', mode: 'recall' });
    state = submitRecall(state, 'check upstream changes', T0 + 4_000);
    expect(state.phase.name).toBe('confirming');
    state = confirmRecall(state, true);
    if (state.phase.name !== 'feedback') throw new Error('no feedback');
    expect(state.phase.decision).toMatchObject({ correct: true, selfJudged: true, typed: 'check upstream changes', durationMs: 4_000 });
    state = continueRun(state, T0 + 6_000);
    state = openHint(state, 'options');
    expect(state.phase).toEqual({ name: 'deciding', mode: 'choice' });
    expect(optionsShown(state)).toContain(right(state));
  });

  test('an empty recall is never right, whatever the person confirms', () => {
    const recall = drawScenario({ packId: 'd', pack: tree, seed: 5, level: 4 });
    const state = confirmRecall(submitRecall(startRun(recall, tree, T0), '  ', T0 + 1_000), true);
    expect(state.phase.name === 'feedback' && state.phase.decision.correct).toBe(false);
  });
});

describe('a checklist run', () => {
  const runbook = samplePack('inference-outage-runbook.md');

  test('shown steps are skipped; memory items are judged strictly against their clock', () => {
    const scenario = drawScenario({ packId: 'r', pack: runbook, seed: 2, level: 4, section: 'all' });
    let state = startRun(scenario, runbook, T0);
    expect(state.step).toBe(0);
    const first = scenario.steps[0]!;
    expect(first.memoryLimitMs).toBeDefined();
    // The exact step, typed in time: right without asking the person.
    state = submitRecall(state, 'Declare the incident in the on-call channel', T0 + 5_000);
    expect(state.phase.name === 'feedback' && state.phase.decision.correct).toBe(true);
    state = continueRun(state, T0 + 6_000);
    // The same words after the clock: wrong, and marked late.
    state = submitRecall(state, 'Switch traffic to the fallback model', T0 + 6_000 + (scenario.steps[1]!.memoryLimitMs as number) + 1);
    expect(state.phase.name === 'feedback' && state.phase.decision).toMatchObject({ correct: false, late: true });
  });

  test('at a low level the worked steps come first and only the blanked end is decided', () => {
    const scenario = drawScenario({ packId: 'r', pack: runbook, seed: 2, level: 1, section: 'all' });
    const state = startRun(scenario, runbook, T0);
    expect(state.step).toBe(scenario.steps.findIndex((step) => step.blank));
    expect(state.step).toBeGreaterThan(0);
    expect(decisionBudgetMs(scenario)).toBe(scenario.timeLimitMs / scenario.steps.filter((s) => s.blank).length);
  });
});

describe('replay', () => {
  test('recorded decisions replay to the same decisions, grades and result', () => {
    for (const level of [1, 3] as const) {
      const scenario = drawScenario({ packId: 'd', pack: tree, seed: longSeed(level), level });
      let state = startRun(scenario, tree, T0);
      let clock = T0;
      let n = 0;
      while (state.phase.name === 'deciding') {
        clock += 2_500 + n * 700;
        if (n === 1) state = openHint(state, 'why');
        if (optionsShown(state)) state = chooseOption(state, n % 2 === 0 ? right(state) : wrong(state), clock);
        else state = confirmRecall(submitRecall(state, `guess ${n}`, clock), n % 2 === 0);
        clock += 1_500;
        state = continueRun(state, clock);
        n += 1;
      }
      const replayed = replayRun(scenario, tree, T0, state.decisions, { finishedAt: state.finishedAt });
      expect(replayed.decisions).toEqual(state.decisions);
      expect(runResult(replayed)).toEqual(runResult(state));
    }
  });
});

describe('grades of decisions', () => {
  test('follow the rule, against the decision’s share of the clock', () => {
    const base = { correct: true, hints: 0, budgetMs: 10_000, mode: 'graded' as const };
    expect(gradeDecision({ ...base, correct: false, durationMs: 1_000 }).rating).toBe(1);
    expect(gradeDecision({ ...base, hints: 1, durationMs: 1_000 }).rating).toBe(2);
    expect(gradeDecision({ ...base, durationMs: 12_000 }).rating).toBe(2);
    expect(gradeDecision({ ...base, durationMs: 6_000 }).rating).toBe(3);
    expect(gradeDecision({ ...base, durationMs: 3_000 }).rating).toBe(4);
    expect(gradeDecision({ ...base, mode: 'pass-fail', durationMs: 3_000 }).rating).toBe(3);
  });
});
