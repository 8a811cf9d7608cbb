/**
 * `kata simulate --json` and `--paths`: the drawn scenario and the tree's paths, for
 * scripts. The JSON is a contract (README, "The command line"): keys are copied one by
 * one, never spread from the engine's objects, so a field the engine adds later (it
 * already keeps cardId, hintOptions and memoryLimitMs for the app) does not leak into it.
 */
import type { EdgeSource, PackSource } from '../../shared/model';
import type { PathList } from '../../shared/simulate/paths';
import type { Observation, Scenario, ScenarioStep } from '../../shared/simulate/scenario-types';

export interface ObservationJson {
  label?: string;
  observe?: string[];
  feedback?: string;
}

export interface StepJson {
  at?: string;
  answer: string;
  options?: string[];
  blank?: boolean;
  observation?: ObservationJson;
}

export interface ScenarioJson {
  pack: string;
  kind: 'tree' | 'checklist';
  seed: number;
  level: number;
  /** Checklists: the section id performed, or `all` (the value `--section` takes to draw it again). */
  section?: string;
  timeLimitMs: number;
  steps: StepJson[];
  /** Trees: the outcome the hidden path ends on. */
  outcome?: string;
}

function observationJson(observation: Observation): ObservationJson {
  const out: ObservationJson = {};
  if (observation.label !== undefined) out.label = observation.label;
  if (observation.observe !== undefined) out.observe = [...observation.observe];
  if (observation.feedback !== undefined) out.feedback = observation.feedback;
  return out;
}

function stepJson(step: ScenarioStep): StepJson {
  const out: StepJson = {} as StepJson;
  if (step.at !== undefined) out.at = step.at;
  out.answer = step.answer;
  if (step.options !== undefined) out.options = [...step.options];
  if (step.blank !== undefined) out.blank = step.blank;
  if (step.observation !== undefined) out.observation = observationJson(step.observation);
  return out;
}

/** The public part of a scenario, in a fixed key order (the same seed prints the same bytes). */
export function scenarioJson(scenario: Scenario): ScenarioJson {
  const out: ScenarioJson = { pack: scenario.packId, kind: scenario.kind, seed: scenario.seed, level: scenario.level } as ScenarioJson;
  if (scenario.kind === 'checklist') out.section = scenario.sectionId ?? 'all';
  out.timeLimitMs = scenario.timeLimitMs;
  out.steps = scenario.steps.map(stepJson);
  if (scenario.outcome !== undefined) out.outcome = scenario.outcome;
  return out;
}

/** `--paths --json`: each path's nodes (root first, outcome last) and outcome, and whether the list was capped. */
export function pathsJson(list: PathList): PathList {
  return { paths: list.paths.map((path) => ({ nodes: [...path.nodes], outcome: path.outcome })), truncated: list.truncated };
}

/** `--paths` as text: one path per line, `node (answer) → node …`, then how many (and whether capped). */
export function pathsText(pack: PackSource, list: PathList, cap: number): string[] {
  // Every answer leading from one node to the next: a path is its nodes, so "yes or maybe".
  const labels = new Map<string, string[]>();
  for (const edge of pack.edges as readonly EdgeSource[]) {
    if (!edge.label) continue;
    const key = `${edge.from}\n${edge.to}`;
    labels.set(key, [...(labels.get(key) ?? []), edge.label]);
  }
  const lines = list.paths.map((path) =>
    path.nodes
      .map((id, i) => {
        const answers = i + 1 < path.nodes.length ? labels.get(`${id}\n${path.nodes[i + 1]}`) : undefined;
        return answers ? `${id} (${answers.join(' or ')})` : id;
      })
      .join(' → '),
  );
  const count = list.paths.length;
  lines.push(
    list.truncated
      ? `${count} paths listed; the tree has more (kata lists at most ${cap})`
      : `${count} ${count === 1 ? 'path' : 'paths'} from the start to an outcome`,
  );
  return lines;
}
