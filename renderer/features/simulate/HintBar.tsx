import { useAppServices } from '../../app/app-services';
import type { HintKind } from '../../../shared/model';
import { SCAFFOLDS } from '../../../shared/simulate/levels';
import { availableHints } from '../../../shared/simulate/run';
import type { ActiveRun } from '../../state/simulate/simulate-types';

const HINT_LABELS: Record<HintKind, string> = { options: 'Show options', chart: 'Show the chart', why: 'Show why' };

/** The hint buttons, with what each costs; `h` opens the first one. */
export function HintBar({ run }: { run: ActiveRun }) {
  const { simulateStore } = useAppServices();
  const offered = availableHints(run.state);
  const cost = Math.round(SCAFFOLDS[run.scenario.level].hintCost * 100);
  if (offered.length === 0 && run.state.hints.length === 0) return null;
  return (
    <div className="hint-bar">
      {offered.length > 0 ? (
        <>
          <span className="hint-cost">Hints ({cost} % of this step’s point each; <kbd>H</kbd> opens the first):</span>
          {offered.map((kind) => (
            <button key={kind} type="button" className="button button-small" onClick={() => simulateStore.getState().hint(kind)}>
              {HINT_LABELS[kind]}
            </button>
          ))}
        </>
      ) : null}
      {run.state.hints.includes('why') ? (
        <p className="hint-why">
          <span className="decision-label">Why it matters</span> {run.scenario.steps[run.state.step]?.why}
        </p>
      ) : null}
    </div>
  );
}
