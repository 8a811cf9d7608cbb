/**
 * The scenario chart: a pack's decision tree (or checklist) as a diagram, with the
 * debrief's right path and wrong turns, or the hint's "you are here". This module and what
 * it imports (React Flow and its CSS) form a chunk of their own, loaded when a chart is
 * first shown (LazyScenarioChart.tsx); dagre is only in the layout worker's.
 */
import '@xyflow/react/dist/style.css';
import './scenario-chart.css';
import { useId, useMemo } from 'react';
import { useAppServices } from '../../../app/app-services';
import type { ScenarioChartProps } from './chart-props';
import { chartEdges, chartNodes, focusNodeIds } from './chart-elements';
import { hereMarks, pathMarks } from './path-marks';
import { chartOutline, pathSummary } from './path-summary';
import { useChartLayout } from './use-chart-layout';
import { ChartCanvas } from './ChartCanvas';
import { ChartLegend } from './ChartLegend';
import { ChartPathList } from './ChartPathList';

const NO_STEPS: readonly never[] = [];

/** Tall enough to read a path, short enough to leave the rest of the debrief in view. */
const MAX_HEIGHT = { debrief: 640, hint: 480 } as const;

// A default export: React.lazy loads a module's default export (LazyScenarioChart.tsx). The
// rest of the app imports the named LazyScenarioChart, never this module.
export default function ScenarioChart({ packId, packVersion, pack, mode, hiddenPath, decisions, currentNodeId, title }: ScenarioChartProps) {
  const { repositories } = useAppServices();
  const layoutState = useChartLayout(repositories.chartLayouts, { packId, packVersion, pack });
  const titleId = useId();
  const path = hiddenPath ?? NO_STEPS;
  const made = decisions ?? NO_STEPS;

  const marks = useMemo(
    () => (mode === 'debrief' ? pathMarks(pack, path, made) : hereMarks(pack, currentNodeId)),
    [mode, pack, path, made, currentNodeId],
  );
  const lines = useMemo(
    () => (mode === 'debrief' ? pathSummary(pack, path, made) : chartOutline(pack, currentNodeId)),
    [mode, pack, path, made, currentNodeId],
  );
  const layout = layoutState.status === 'ready' ? layoutState.layout : undefined;
  const nodes = useMemo(() => (layout ? chartNodes(pack, layout, marks, mode) : []), [pack, layout, marks, mode]);
  const edges = useMemo(() => (layout ? chartEdges(pack, layout, marks) : []), [pack, layout, marks]);
  const focus = useMemo(() => focusNodeIds(pack, marks, path), [pack, marks, path]);

  return (
    <figure className={`scenario-chart is-${mode}`} aria-labelledby={titleId}>
      <figcaption id={titleId} className="scenario-chart-title">
        {title}
      </figcaption>
      {mode === 'debrief' && <ChartLegend kind={pack.kind} />}
      {layoutState.status === 'loading' && (
        <p className="chart-status" role="status">
          Drawing the chart…
        </p>
      )}
      {layoutState.status === 'failed' && (
        <p className="error-line" role="alert">
          The chart could not be drawn ({layoutState.message}). The list below says the same in words.
        </p>
      )}
      {layout && (
        <ChartCanvas nodes={nodes} edges={edges} width={layout.width} height={layout.height} focus={focus} label={`${title}: chart`} maxHeight={MAX_HEIGHT[mode]} />
      )}
      <ChartPathList title={title} lines={lines} />
    </figure>
  );
}
