import { levelName } from '../../../shared/simulate/levels';
import type { ActiveRun } from '../../state/simulate/simulate-types';
import { DecisionFeedback } from './DecisionFeedback';
import { DecisionPrompt } from './DecisionPrompt';
import { HintBar } from './HintBar';
import { RunClock } from './RunClock';
import { ScenarioOutline } from './ScenarioOutline';
import { SituationTimeline } from './SituationTimeline';
import { LazyScenarioChart } from './chart/LazyScenarioChart';

/** A run on screen: the clock, the situation so far, the decision (or its feedback), the hints. */
export function RunPanel({ run, now, onAbandon }: { run: ActiveRun; now: () => number; onAbandon: () => void }) {
  const { state, scenario } = run;
  const decisions = scenario.steps.filter((step) => step.blank !== false).length;
  // The decision on screen, counted among the steps that are decisions (a checklist's shown steps are not).
  const position = scenario.steps.slice(0, state.step + 1).filter((s) => s.blank !== false).length;
  const step = scenario.steps[state.step];
  return (
    <section className="run" aria-label={`Scenario: ${run.title}`}>
      <header className="run-header">
        <div>
          <p className="run-title">{run.title}</p>
          <p className="run-meta">
            Level {scenario.level}, {levelName(scenario.level)} · decision {position} of {decisions}
          </p>
        </div>
        <RunClock startedAt={state.startedAt} limitMs={scenario.timeLimitMs} now={now} />
      </header>
      <SituationTimeline run={state} pack={run.pack} />
      {state.phase.name === 'feedback' ? <DecisionFeedback run={run} /> : <DecisionPrompt run={run} />}
      {run.error && state.phase.name !== 'feedback' ? (
        <p className="error-line" role="alert">
          {run.error}
        </p>
      ) : null}
      {state.phase.name === 'deciding' ? <HintBar run={run} /> : null}
      {state.hints.includes('chart') && state.phase.name === 'deciding' ? (
        <section className="panel chart-hint" aria-label="The chart">
          <LazyScenarioChart
            packId={scenario.packId}
            packVersion={run.packVersion}
            pack={run.pack}
            mode="hint"
            currentNodeId={scenario.kind === 'tree' ? step?.at : undefined}
            title="The chart"
          />
          <details className="debrief-outline">
            <summary>The {scenario.kind === 'tree' ? 'chart' : 'checklist'} as an outline</summary>
            <ScenarioOutline pack={run.pack} hereId={scenario.kind === 'tree' ? step?.at : undefined} />
          </details>
        </section>
      ) : null}
      <div className="actions run-actions">
        <button type="button" className="button" onClick={onAbandon} aria-keyshortcuts="Escape">
          Abandon… <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </section>
  );
}
