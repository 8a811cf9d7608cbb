/**
 * `kata simulate` in a terminal: the engine's run state machine (shared/simulate/run.ts)
 * driven by typed lines. Options are chosen by number; free recall is typed, then shown
 * beside the answer for a y/n verdict; `h` opens the next hint. Nothing is stored (the
 * CLI has no collection), and the clock is injected, so a test walks it with a script.
 */
import type { HintKind } from '../../shared/model';
import { SCAFFOLDS } from '../../shared/simulate/levels';
import type { RunState } from '../../shared/simulate/run';
import { availableHints, chooseOption, confirmRecall, continueRun, openHint, optionsShown, startRun, submitRecall } from '../../shared/simulate/run';
import type { ScenarioStep } from '../../shared/simulate/scenario-types';
import { formatSeconds } from '../../shared/schedule/auto-grade';
import type { TerminalIo } from './cli-io';
import { chartOutline } from './chart-outline';
import type { TerminalLines } from './terminal-lines';
import { openLines } from './terminal-lines';
import type { WalkContext } from './walk-text';
import { clockText, decisionCount, itemText, observationLines, scenarioTitle } from './walk-text';

export type WalkEnd = { how: 'finished' | 'interrupted' | 'input-ended'; state: RunState };

const HINT_NAMES: Record<HintKind, string> = { options: 'show the options', chart: 'show the chart', why: 'show the why' };

/** Walks `ctx.scenario` on `terminal` until its outcome, Ctrl-C or the end of input. */
export async function walkScenario(ctx: WalkContext, terminal: TerminalIo): Promise<WalkEnd> {
  const lines = openLines(terminal);
  try {
    return await walk(ctx, terminal, lines);
  } finally {
    lines.close();
  }
}

async function walk(ctx: WalkContext, terminal: TerminalIo, lines: TerminalLines): Promise<WalkEnd> {
  const { scenario } = ctx;
  let state = startRun(scenario, ctx.pack, terminal.now());
  introLines(ctx).forEach((line) => lines.write(line));
  let shown = 0;
  while (state.phase.name !== 'finished') {
    lines.write();
    // A checklist's steps before the decision are shown done: the worked part of the example.
    for (; shown < state.step; shown += 1) lines.write(shownStepLine(ctx, shown));
    shown = state.step + 1;
    decisionLines(ctx, state).forEach((line) => lines.write(line));
    const decided = await decide(ctx, terminal, lines, state);
    if (decided === 'interrupted' || decided === 'input-ended') return { how: decided, state };
    state = decided;
    feedbackLines(ctx, state).forEach((line) => lines.write(line));
    state = continueRun(state, terminal.now());
  }
  for (; shown < scenario.steps.length; shown += 1) lines.write(shownStepLine(ctx, shown));
  return { how: 'finished', state };
}

function introLines(ctx: WalkContext): string[] {
  const { scenario, style } = ctx;
  const decisions = decisionCount(scenario);
  const scaffold = SCAFFOLDS[scenario.level];
  const decided = scenario.steps.filter((step) => step.blank !== false);
  const choice = decided.some((step) => step.options);
  const recall = decided.some((step) => !step.options && step.memoryLimitMs === undefined);
  const typeIt = 'type the step from memory and press Enter, then say whether yours was Kata’s answer (y/n)';
  const how = [
    choice && recall ? `type an option’s number where options are shown, else ${typeIt}` : choice ? 'type an option’s number' : recall ? typeIt : '',
    decided.some((step) => step.memoryLimitMs !== undefined) ? 'a memory step must be typed exactly, within its own clock' : '',
  ].filter(Boolean);
  const hints =
    scaffold.hints.length === 0
      ? 'No hints at this level.'
      : `h opens a hint (${scaffold.hints.map((kind) => HINT_NAMES[kind]).join(', then ')}); each costs ${Math.round(scaffold.hintCost * 100)} % of its decision.`;
  return [
    style.bold(scenarioTitle(ctx)),
    `${decisions} ${decisions === 1 ? 'decision' : 'decisions'}, ${formatSeconds(scenario.timeLimitMs)} on the clock (the prompt shows the time used).`,
    `To decide: ${how.join('; ')}.`,
    `${hints} Ctrl-C abandons the run.`,
  ];
}

function shownStepLine(ctx: WalkContext, index: number): string {
  const step = ctx.scenario.steps[index] as ScenarioStep;
  return `Step ${index + 1} of ${ctx.scenario.steps.length}, shown done: ${itemText(ctx, step.answer)}`;
}

function decisionLines(ctx: WalkContext, state: RunState): string[] {
  const { scenario, style } = ctx;
  const step = scenario.steps[state.step] as ScenarioStep;
  const number = state.decisions.length + 1;
  const where = scenario.kind === 'checklist' ? ` (step ${state.step + 1} of ${scenario.steps.length})` : '';
  const lines = [style.bold(`Decision ${number} of ${decisionCount(scenario)}${where}`)];
  if (scenario.kind === 'tree') lines.push(`You are at: ${itemText(ctx, step.at as string)}`);
  else lines.push(step.at === undefined ? 'This is the first step.' : `After: ${itemText(ctx, step.at)}`);
  lines.push(...observationLines(step));
  const question = scenario.kind === 'tree' ? 'What do you check or do next?' : 'What is the next step?';
  const options = optionsShown(state);
  if (options) lines.push(question, ...optionLines(ctx, options));
  else if (step.memoryLimitMs !== undefined) lines.push(`${question} A memory step: type it exactly, within ${formatSeconds(step.memoryLimitMs)}.`);
  else lines.push(`${question} Type it from memory.`);
  const next = availableHints(state)[0];
  if (next) lines.push(style.dim(`(h: ${HINT_NAMES[next]})`));
  return lines;
}

function optionLines(ctx: WalkContext, options: readonly string[]): string[] {
  return options.map((id, i) => `  ${i + 1}. ${itemText(ctx, id)}`);
}

type Decided = RunState | 'interrupted' | 'input-ended';

/** Reads lines until the current decision is made (the state is then in its feedback phase). */
async function decide(ctx: WalkContext, terminal: TerminalIo, lines: TerminalLines, start: RunState): Promise<Decided> {
  let state = start;
  while (state.phase.name !== 'feedback') {
    const read = await lines.read(`[${clockText(terminal.now() - state.startedAt, ctx.scenario.timeLimitMs)}] > `);
    if (read.kind === 'interrupt') return 'interrupted';
    if (read.kind === 'eof') return 'input-ended';
    const text = read.text.trim();
    const at = terminal.now();
    if (state.phase.name === 'confirming') {
      if (/^y(es)?$/i.test(text)) state = confirmRecall(state, true);
      else if (/^no?$/i.test(text)) state = confirmRecall(state, false);
      else lines.write('Type y if yours was it, or n if it was not.');
      continue;
    }
    if (state.phase.name !== 'deciding') break;
    if (/^(h|\?)$/i.test(text)) {
      state = openNextHint(ctx, lines, state);
      continue;
    }
    const options = optionsShown(state);
    if (options) {
      const n = /^\d+$/.test(text) ? Number(text) : 0;
      if (n >= 1 && n <= options.length) state = chooseOption(state, options[n - 1] as string, at);
      else lines.write(`Type a number from 1 to ${options.length}${hintReminder(ctx, state)}.`);
      continue;
    }
    if (text === '') {
      lines.write(`Type the step as you remember it; a few words will do${hintReminder(ctx, state)}.`);
      continue;
    }
    state = submitRecall(state, text, at);
    if (state.phase.name === 'confirming') {
      lines.write(`Kata's answer: ${itemText(ctx, (ctx.scenario.steps[state.step] as ScenarioStep).answer)}`);
      lines.write('Was yours it? Type y or n.');
    }
  }
  return state;
}

function hintReminder(ctx: WalkContext, state: RunState): string {
  const next = availableHints(state)[0];
  return next ? `, or h to ${HINT_NAMES[next]}` : '';
}

function openNextHint(ctx: WalkContext, lines: TerminalLines, state: RunState): RunState {
  const kind = availableHints(state)[0];
  if (!kind) {
    const none =
      SCAFFOLDS[ctx.scenario.level].hints.length === 0
        ? `Level ${ctx.scenario.level} has no hints.`
        : state.hints.length > 0
          ? 'No hint left at this decision.'
          : 'No hint at this decision (the pack gives no why for it).';
    lines.write(none);
    return state;
  }
  const next = openHint(state, kind);
  const step = ctx.scenario.steps[state.step] as ScenarioStep;
  lines.write(ctx.style.dim(`Hint: ${HINT_NAMES[kind]} (costs ${Math.round(SCAFFOLDS[ctx.scenario.level].hintCost * 100)} % of this decision)`));
  if (kind === 'options') lines.write('Choose by number:');
  const body = kind === 'options' ? optionLines(ctx, optionsShown(next) ?? []) : kind === 'chart' ? chartOutline(ctx, step.at) : [`Why: ${step.why ?? ''}`];
  body.forEach((line) => lines.write(line));
  return next;
}

function feedbackLines(ctx: WalkContext, state: RunState): string[] {
  if (state.phase.name !== 'feedback') return [];
  const { decision, grade } = state.phase;
  const { style } = ctx;
  const answer = itemText(ctx, decision.answer);
  const lines: string[] = [];
  if (decision.correct) {
    lines.push(`${style.right('RIGHT')}${decision.selfJudged ? ', by your verdict' : ''}: ${answer}`);
  } else if (decision.chosen !== undefined) {
    lines.push(`${style.wrong('WRONG')}: you chose ${itemText(ctx, decision.chosen)}`, `The right one: ${answer}`);
  } else if (decision.selfJudged) {
    lines.push(`${style.wrong('WRONG')}, by your verdict. The right one: ${answer}`);
  } else {
    const why = decision.late ? 'late, over its clock' : 'not the exact step';
    lines.push(`${style.wrong('WRONG')}: ${why}. The right one: ${answer}`);
  }
  lines.push(style.dim(`  ${grade.reason}`));
  return lines;
}
