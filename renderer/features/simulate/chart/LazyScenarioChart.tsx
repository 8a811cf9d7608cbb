/**
 * The scenario chart as the Simulate screen mounts it: React Flow, its CSS and the chart's
 * code load the first time a chart is shown, not with the app.
 */
import { Component, lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import type { ScenarioChartProps } from './chart-props';

const ScenarioChart = lazy(() => import('./ScenarioChart'));

/** A chart chunk that fails to load costs the chart, not the screen around it. */
class ChartLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <p className="error-line">The chart could not be shown.</p> : this.props.children;
  }
}

export function LazyScenarioChart(props: ScenarioChartProps) {
  return (
    <ChartLoadBoundary>
      <Suspense
        fallback={
          <p className="chart-status" role="status">
            Drawing the chart…
          </p>
        }
      >
        <ScenarioChart {...props} />
      </Suspense>
    </ChartLoadBoundary>
  );
}
