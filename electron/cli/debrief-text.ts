/**
 * The debrief of a finished walk, as text (practice.md, "Scenario simulations", step 5):
 * the right path beside the one taken, decision by decision, each miss marked with the
 * word MISSED (colour only doubles it), its time, and the why of every miss; then the
 * score and whether the run kept to its clock.
 */
import type { DecisionRecord } from '../../shared/model';
import type { RunState } from '../../shared/simulate/run';
import { OVERTIME_PENALTY, runResult } from '../../shared/simulate/run';
import type { ScenarioStep } from '../../shared/simulate/scenario-types';
import { formatSeconds } from '../../shared/schedule/auto-grade';
import type { WalkContext } from './walk-text';
import { decisionCount, itemText, rerunCommand, scenarioTitle } from './walk-text';

function hintsNote(decision: DecisionRecord): string {
  const n = decision.hints.length;
  return n === 0 ? '' : `, ${n === 1 ? '1 hint' : `${n} hints`} (${decision.hints.join(', ')})`;
}

/** What the person gave: the option chosen, or what they typed and how it was judged. */
function yours(ctx: WalkContext, decision: DecisionRecord): string {
  if (decision.chosen !== undefined) return itemText(ctx, decision.chosen);
  const typed = `"${decision.typed ?? ''}"`;
  if (decision.selfJudged) return `${typed} (typed; you said ${decision.correct ? 'it was it' : 'it was not it'})`;
  return `${typed} (typed; ${decision.correct ? 'exact, in time' : decision.late ? 'late, over its clock' : 'not the exact step'})`;
}

function decisionBlock(ctx: WalkContext, number: string, step: ScenarioStep, decision: DecisionRecord): string[] {
  const { style } = ctx;
  const pad = ' '.repeat(number.length + 1);
  const mark = decision.correct ? style.right('right') : style.wrong('MISSED');
  const head = `${number} ${mark} in ${formatSeconds(decision.durationMs)}${hintsNote(decision)}`;
  const label = step.observation?.label === undefined ? '' : ` (observed: ${step.observation.label})`;
  const at = ctx.scenario.kind === 'tree' && step.at !== undefined ? [`${pad}at:    ${itemText(ctx, step.at)}${label}`] : [];
  if (decision.correct) {
    const typed = decision.chosen === undefined ? `${pad}yours: ${yours(ctx, decision)}` : undefined;
    return [head, ...at, `${pad}right: ${itemText(ctx, step.answer)}`, ...(typed ? [typed] : [])];
  }
  return [
    head,
    ...at,
    `${pad}right: ${itemText(ctx, step.answer)}`,
    `${pad}yours: ${yours(ctx, decision)}`,
    `${pad}why:   ${step.why ?? '(the pack gives no why for this step)'}`,
  ];
}

/** The debrief of `state` (finished: every decision made). */
export function debriefLines(ctx: WalkContext, state: RunState): string[] {
  const { scenario, style } = ctx;
  const result = runResult(state);
  const byStep = new Map(state.decisions.map((decision) => [decision.step, decision]));
  const width = String(scenario.steps.length).length + 1;
  const lines = [style.bold(`Debrief: ${scenarioTitle(ctx)}`), 'The right path and yours, decision by decision:'];
  scenario.steps.forEach((step, index) => {
    const number = `${index + 1}.`.padStart(width + 2);
    const decision = byStep.get(index);
    if (decision) lines.push(...decisionBlock(ctx, number, step, decision));
    else lines.push(`${number} shown: ${itemText(ctx, step.answer)}`);
  });
  if (scenario.outcome !== undefined) {
    const outcome = ctx.items.get(scenario.outcome)?.outcome;
    lines.push(`Outcome: ${itemText(ctx, scenario.outcome)}${outcome ? ` [${outcome}]` : ''}`);
  }
  const total = decisionCount(scenario);
  const right = state.decisions.filter((decision) => decision.correct).length;
  const missed = total - right;
  const hints = result.hintsUsed === 0 ? 'no hints' : result.hintsUsed === 1 ? '1 hint' : `${result.hintsUsed} hints`;
  const time = `${formatSeconds(result.elapsedMs)} of ${formatSeconds(scenario.timeLimitMs)}`;
  const clock = result.withinTime
    ? style.right('within time')
    : `${style.wrong('OVER TIME')} (the score loses ${Math.round(OVERTIME_PENALTY * 100)} %)`;
  lines.push(
    '',
    style.bold(`Score ${result.score} of 100`) + `: ${right} of ${total} decisions right${missed > 0 ? `, ${missed} missed` : ''}, ${hints}.`,
    `Time ${time}: ${clock}.`,
    `Walk it again: ${rerunCommand(ctx)}`,
  );
  return lines;
}
