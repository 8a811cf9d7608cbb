/** The words the terminal walk and its debrief share: item texts, the clock, the why, the title. */
import type { ItemSource, PackSource } from '../../shared/model';
import { itemPlainText } from '../../shared/text/inline-text';
import { levelName } from '../../shared/simulate/levels';
import type { Scenario, ScenarioStep } from '../../shared/simulate/scenario-types';
import type { Style } from './terminal-style';

export interface WalkContext {
  /** The file as the user typed it (for the rerun command). */
  file: string;
  pack: PackSource;
  scenario: Scenario;
  style: Style;
  items: ReadonlyMap<string, ItemSource>;
}

export function walkContext(file: string, pack: PackSource, scenario: Scenario, style: Style): WalkContext {
  return { file, pack, scenario, style, items: new Map(pack.items.map((item) => [item.id, item])) };
}

/** An item as a person reads it: key-value markers gone, on one line. */
export function itemText(ctx: WalkContext, id: string): string {
  const item = ctx.items.get(id);
  return item ? itemPlainText(item).replace(/\s+/g, ' ').trim() : id;
}

/** `m:ss`, for the clock at each prompt. */
export function minutesSeconds(ms: number): string {
  const whole = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** `0:42 of 7:30`, or `7:45 of 7:30, over time`. */
export function clockText(elapsedMs: number, limitMs: number): string {
  const over = elapsedMs > limitMs ? ', over time' : '';
  return `${minutesSeconds(elapsedMs)} of ${minutesSeconds(limitMs)}${over}`;
}

/** What is observed standing at a step, one line each. */
export function observationLines(step: ScenarioStep): string[] {
  const observation = step.observation;
  if (!observation) return [];
  const lines: string[] = [];
  if (observation.label !== undefined) lines.push(`Observed: ${observation.label}`);
  for (const seen of observation.observe ?? []) lines.push(`You see: ${seen}`);
  if (observation.feedback !== undefined) lines.push(`Note: ${observation.feedback}`);
  return lines;
}

/** How many steps are decisions (a checklist's shown steps are not). */
export function decisionCount(scenario: Scenario): number {
  return scenario.steps.filter((step) => step.blank !== false).length;
}

export function sectionTitle(pack: PackSource, id: string): string {
  return pack.sections.find((section) => section.id === id)?.title ?? id;
}

/** `Feature drift alert: a decision tree, level 2 (Guided), seed 7`. */
export function scenarioTitle(ctx: WalkContext): string {
  const { scenario } = ctx;
  const what =
    scenario.kind === 'tree'
      ? 'a decision tree'
      : scenario.sectionId === undefined
        ? 'a checklist, performed whole'
        : `a checklist, section "${sectionTitle(ctx.pack, scenario.sectionId)}"`;
  return `${ctx.pack.title}: ${what}, level ${scenario.level} (${levelName(scenario.level)}), seed ${scenario.seed}`;
}

/** A word for the shell: quoted when it holds anything but plain path characters. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that walks the same scenario again. */
export function rerunCommand(ctx: WalkContext): string {
  const { scenario } = ctx;
  const section = scenario.kind === 'checklist' ? ` --section ${shellWord(scenario.sectionId ?? 'all')}` : '';
  return `kata simulate ${shellWord(ctx.file)} --seed ${scenario.seed} --level ${scenario.level}${section}`;
}
