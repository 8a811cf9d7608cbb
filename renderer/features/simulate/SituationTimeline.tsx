import type { PackSource } from '../../../shared/model';
import type { RunState } from '../../../shared/simulate/run';
import type { Observation } from '../../../shared/simulate/scenario-types';
import { ItemText } from './ItemText';

/** What is observed at a node: the answer taken, the YAML `observe` lines, the answer's feedback. */
export function ObservationText({ observation }: { observation: Observation | undefined }) {
  if (!observation) return null;
  return (
    <span className="observation">
      {observation.label ? <strong>{observation.label}</strong> : null}
      {observation.observe?.map((line) => (
        <span key={line} className="observation-line">
          {line}
        </span>
      ))}
      {observation.feedback ? <span className="observation-line">{observation.feedback}</span> : null}
    </span>
  );
}

/**
 * The situation so far, as a timeline: where it started, each decision made (right, or
 * wrong and corrected) with what was observed after it; for checklists the steps shown done.
 * What is observed where the person stands now is the prompt's, not repeated here.
 */
export function SituationTimeline({ run, pack }: { run: RunState; pack: PackSource }) {
  const { scenario } = run;
  const byStep = new Map(run.decisions.map((decision) => [decision.step, decision]));
  const entries = scenario.steps.slice(0, run.step).map((step, index) => {
    const decision = byStep.get(index);
    if (!decision) {
      return (
        <li key={index} className="timeline-entry timeline-shown">
          <span className="timeline-mark" aria-hidden="true">✓</span>
          <span>
            <span className="visually-hidden">Done: </span>
            <ItemText pack={pack} id={step.answer} />
          </span>
        </li>
      );
    }
    const next = scenario.steps[index + 1];
    return (
      <li key={index} className={`timeline-entry ${decision.correct ? 'timeline-right' : 'timeline-wrong'}`}>
        <span className="timeline-mark" aria-hidden="true">
          {decision.correct ? '✓' : '✗'}
        </span>
        <span>
          {decision.correct ? (
            <>
              <span className="visually-hidden">Right: </span>
              <ItemText pack={pack} id={step.answer} />
            </>
          ) : (
            <>
              <span className="timeline-wrong-choice">
                {decision.chosen !== undefined ? <>You chose <ItemText pack={pack} id={decision.chosen} /></> : <>You recalled “{decision.typed}”</>}
              </span>{' '}
              — right: <ItemText pack={pack} id={step.answer} />
            </>
          )}
          {scenario.kind === 'tree' && next?.observation && index + 1 < run.step ? (
            <span className="timeline-observed">
              {' '}
              Observed: <ObservationText observation={next.observation} />
            </span>
          ) : null}
        </span>
      </li>
    );
  });
  const first = scenario.steps[0];
  return (
    <ol className="timeline" aria-label="The situation so far">
      {scenario.kind === 'tree' && first?.at ? (
        <li className="timeline-entry timeline-start">
          <span className="timeline-mark" aria-hidden="true">●</span>
          <span>
            <ItemText pack={pack} id={first.at} />
            {first.observation && run.step > 0 ? (
              <span className="timeline-observed">
                {' '}
                Observed: <ObservationText observation={first.observation} />
              </span>
            ) : null}
          </span>
        </li>
      ) : null}
      {entries}
    </ol>
  );
}
