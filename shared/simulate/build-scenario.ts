/**
 * Drawing a scenario from a pack: pure and seeded, so the same pack, seed, level and
 * memory state always give the same scenario, and a stored attempt (its seed and hidden
 * path) rebuilds exactly the steps it was walked with.
 *
 * Two random streams come from the seed: one draws the hidden path (it depends on
 * memory), the other the options (it depends only on the seed and the path), so
 * rebuilding an attempt needs no memory snapshot.
 */
import type { ItemSource, PackSource } from '../model';
import { createRandom } from '../random';
import type { Random } from '../random';
import { memoryTimeLimitMs } from '../drills/memory-limit';
import { pushTo } from '../group-by';
import type { Level, Observation, Scenario, ScenarioStep } from './scenario-types';
import { SCAFFOLDS } from './levels';
import type { GraphEdge, ScenarioGraph } from './scenario-graph';
import { scenarioGraph } from './scenario-graph';
import type { MemoryView } from './memory-view';
import { cardWeakness, emptyMemory, staleness } from './memory-view';
import { drawHiddenEdges } from './draw-path';
import { pickOptions } from './options';
import { decisionCardId, stepCardId } from './decision-cards';

/** Time allowed per decision when a pack sets no `time_limit`. */
export const DEFAULT_DECISION_MS = 30_000;
/** Checklists with at most this many steps are performed whole; longer ones a section at a time. */
export const WHOLE_CHECKLIST_STEPS = 12;

export interface ScenarioInput {
  packId: string;
  pack: PackSource;
  seed: number;
  level: Level;
  memory?: MemoryView;
  /** Checklists: perform this section, or `all` for the whole checklist; drawn when absent. */
  section?: string;
}

/** Why a pack cannot be walked, or null when it can. */
export function notWalkable(pack: PackSource): string | null {
  if (pack.kind === 'qa') return 'A pack of questions and answers has no path to walk: simulations need a decision tree or a checklist.';
  if (pack.items.length === 0) return 'This pack has no items to walk.';
  if (pack.kind === 'tree') {
    const graph = scenarioGraph(pack);
    if (!graph || (graph.outgoing.get(graph.rootId)?.length ?? 0) === 0) return 'This tree has no decision to make: its start has no way onward.';
    if (graph.distance.get(graph.rootId) === Infinity) return 'No outcome can be reached from the start of this tree.';
  }
  return null;
}

/** An item's rationale, when it has one that is not blank. */
function reasonOf(item: ItemSource): string | undefined {
  return item.rationale?.trim() || undefined;
}

/** Two independent streams from one seed (see the file comment). */
function streams(seed: number): { path: Random; options: Random } {
  return { path: createRandom(seed), options: createRandom((seed ^ 0x9e3779b9) >>> 0) };
}

/** The scenario `input` asks for. Throws for a pack that cannot be walked (check notWalkable first). */
export function drawScenario(input: ScenarioInput): Scenario {
  const reason = notWalkable(input.pack);
  if (reason) throw new Error(reason);
  const memory = input.memory ?? emptyMemory();
  const random = streams(input.seed);
  if (input.pack.kind === 'tree') {
    const graph = scenarioGraph(input.pack) as ScenarioGraph;
    const edges = drawHiddenEdges(input.packId, graph, memory, random.path);
    return treeScenario(input, graph, [graph.rootId, ...edges.map((edge) => edge.to)], random.options);
  }
  const section = input.section ?? drawSection(input.packId, input.pack, memory, random.path);
  return checklistScenario(input, section === 'all' ? undefined : section, random.options);
}

/** The scenario of a stored attempt: the same steps it was walked with, from its seed and hidden path. */
export function rebuildScenario(input: Omit<ScenarioInput, 'memory'>, hiddenPath: readonly string[]): Scenario {
  const random = streams(input.seed);
  if (input.pack.kind === 'tree') {
    const graph = scenarioGraph(input.pack);
    if (!graph) throw new Error('This tree can no longer be walked.');
    return treeScenario(input, graph, [...hiddenPath], random.options);
  }
  return checklistScenario(input, input.section === 'all' ? undefined : input.section, random.options);
}

function limitFor(input: Pick<ScenarioInput, 'pack' | 'level'>, decisions: number, share = 1): number {
  const base = input.pack.meta.timeLimitMs && input.pack.meta.timeLimitMs > 0 ? input.pack.meta.timeLimitMs * share : decisions * DEFAULT_DECISION_MS;
  return Math.round((base * SCAFFOLDS[input.level].timeFactor) / 1000) * 1000;
}

/** The edge from `from` to `to` that the hidden path took (the first such edge). */
function edgeBetween(graph: ScenarioGraph, from: string, to: string): GraphEdge | undefined {
  return graph.outgoing.get(from)?.find((edge) => edge.to === to);
}

function observationAt(item: ItemSource, taken: GraphEdge | undefined): Observation | undefined {
  const observation: Observation = {};
  if (item.kind === 'decision' && taken?.label) observation.label = taken.label;
  if (item.observe?.length) observation.observe = [...item.observe];
  const feedback = taken?.label ? item.answerFeedback?.[taken.label] : undefined;
  if (feedback) observation.feedback = feedback;
  return Object.keys(observation).length > 0 ? observation : undefined;
}

function treeScenario(input: Omit<ScenarioInput, 'memory'>, graph: ScenarioGraph, path: string[], random: Random): Scenario {
  const scaffold = SCAFFOLDS[input.level];
  const items = [...graph.items.values()];
  const exclude = new Set([graph.rootId]);
  const steps: ScenarioStep[] = [];
  for (let i = 0; i + 1 < path.length; i += 1) {
    const at = graph.items.get(path[i] as string) as ItemSource;
    const answer = graph.items.get(path[i + 1] as string) as ItemSource;
    const edge = edgeBetween(graph, at.id, answer.id);
    const near = (graph.outgoing.get(at.id) ?? []).map((e) => graph.items.get(e.to) as ItemSource);
    const options = pickOptions({ answer, at, near, pool: items, exclude }, random);
    const step: ScenarioStep = { at: at.id, answer: answer.id };
    const why = reasonOf(at) ?? reasonOf(answer);
    if (why) step.why = why;
    const observation = observationAt(at, edge);
    if (observation) step.observation = observation;
    const cardId = edge ? decisionCardId(input.packId, at, edge) : undefined;
    if (cardId) step.cardId = cardId;
    if (options.length >= 2) {
      if (scaffold.options) step.options = options;
      else step.hintOptions = options;
    }
    steps.push(step);
  }
  const outcome = path[path.length - 1] as string;
  return {
    packId: input.packId,
    kind: 'tree',
    seed: input.seed,
    level: input.level,
    hiddenPath: path,
    steps,
    outcome,
    timeLimitMs: limitFor(input, steps.length),
  };
}

/** The checklist's steps in reading order, grouped by section ('' for none). */
function stepsBySection(pack: PackSource): Map<string, ItemSource[]> {
  const groups = new Map<string, ItemSource[]>();
  for (const item of [...pack.items].sort((a, b) => a.order - b.order)) pushTo(groups, item.sectionId ?? '', item);
  return groups;
}

/**
 * The section a checklist scenario performs: the whole checklist when it is short or has
 * no sections, else a section drawn toward weak steps and sections not walked lately.
 */
function drawSection(packId: string, pack: PackSource, memory: MemoryView, random: Random): string {
  const groups = stepsBySection(pack);
  const sections = pack.sections.filter((section) => (groups.get(section.id)?.length ?? 0) > 0);
  if (pack.items.length <= WHOLE_CHECKLIST_STEPS || sections.length <= 1) return 'all';
  const weights = sections.map((section) => {
    const steps = groups.get(section.id) as ItemSource[];
    const weak = steps.reduce((sum, step) => sum + cardWeakness(memory, stepCardId(packId, step)), 0) / steps.length;
    return (1 + 2 * weak) * (1 + 1.5 * staleness(memory, `§${section.id}`));
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  let r = random.next() * total;
  for (let i = 0; i < sections.length; i += 1) {
    r -= weights[i] as number;
    if (r < 0) return (sections[i] as { id: string }).id;
  }
  return (sections[sections.length - 1] as { id: string }).id;
}

function checklistScenario(input: Omit<ScenarioInput, 'memory'>, sectionId: string | undefined, random: Random): Scenario {
  const scaffold = SCAFFOLDS[input.level];
  const groups = stepsBySection(input.pack);
  const all = [...input.pack.items].sort((a, b) => a.order - b.order);
  const performed = sectionId === undefined ? all : (groups.get(sectionId) ?? []);
  if (performed.length === 0) throw new Error(`The section "${sectionId}" has no steps.`);
  // Backward fading: the last steps are blanked first, so a higher level's blanks include a lower one's.
  const blanked = Math.max(1, Math.ceil(performed.length * scaffold.blankShare));
  const firstBlank = performed.length - blanked;
  const memoryItems = all.filter((item) => item.memory).length;
  const steps = performed.map((item, index): ScenarioStep => {
    const step: ScenarioStep = { answer: item.id, blank: index >= firstBlank, cardId: stepCardId(input.packId, item) };
    const previous = performed[index - 1];
    if (previous) step.at = previous.id;
    if (item.memory) step.memoryLimitMs = memoryTimeLimitMs(input.pack, memoryItems);
    const why = reasonOf(item);
    if (why) step.why = why;
    if (step.blank) {
      const near = performed.slice(Math.max(0, index - 2), index + 4);
      const options = pickOptions({ answer: item, at: previous, near, pool: all }, random);
      if (options.length >= 2) {
        if (scaffold.options && !item.memory) step.options = options;
        else step.hintOptions = options;
      }
    }
    return step;
  });
  const share = sectionId === undefined ? 1 : performed.length / all.length;
  const scenario: Scenario = {
    packId: input.packId,
    kind: 'checklist',
    seed: input.seed,
    level: input.level,
    hiddenPath: performed.map((item) => item.id),
    steps,
    timeLimitMs: limitFor(input, blanked, share),
  };
  if (sectionId !== undefined) scenario.sectionId = sectionId;
  return scenario;
}
