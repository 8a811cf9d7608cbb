/** What the Simulate screen hands the scenario chart (ScenarioChart, mounted through LazyScenarioChart). */
import type { DecisionRecord, PackSource } from '../../../../shared/model';

/**
 * `debrief`: the right path beside the one taken, decisions numbered and judged.
 * `hint`: the chart alone with where the person stands — no path marks, which would give
 * the answer away.
 */
export type ChartMode = 'hint' | 'debrief';

/**
 * Pass the store's objects as they are (a run's `pack`, an attempt's `hiddenPath` and
 * `decisions`): the chart redraws its marks when their identity changes, and lays out again
 * only for another `packId`/`packVersion`.
 */
export interface ScenarioChartProps {
  packId: string;
  /** The `importedAt` of `pack` as passed (its layout is cached under it). */
  packVersion: number;
  pack: PackSource;
  mode: ChartMode;
  /** Debrief: the attempt's hidden path (tree nodes root to outcome, or the checklist steps performed). */
  hiddenPath?: string[];
  /** Debrief: the attempt's decisions, in order. */
  decisions?: DecisionRecord[];
  /** Hint: the item the person stands on. */
  currentNodeId?: string;
  /** Names the chart (its caption, and the label of its list). */
  title: string;
}
