import { memo, useState } from 'react';
import type { DecisionRecord, PackSource } from '../../../shared/model';
import type { RunState } from '../../../shared/simulate/run';
import type { Observation, Scenario } from '../../../shared/simulate/scenario-types';
import { ItemText } from './ItemText';

/** Steps shown done before the first decision that are listed; the rest are summed up in one line until asked for. */
const SHOWN_STEPS_LISTED = 12;

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

/** One step of the timeline. Memoised: a decision re-renders the run, not every step before it. */
const TimelineEntry = memo(function TimelineEntry({
  pack,
  scenario,
  index,
  decision,
  observed,
}: {
  pack: PackSource;
  scenario: Scenario;
  index: number;
  decision: DecisionRecord | undefined;
  /** What was observed after this step, when it is history (not the prompt's). */
  observed: Observation | undefined;
}) {
  const step = scenario.steps[index];
  if (!step) return null;
  if (!decision) {
    return (
      <li className="timeline-entry timeline-shown">
        <span className="timeline-mark" aria-hidden="true">✓</span>
        <span>
          <span className="visually-hidden">Done: </span>
          <ItemText pack={pack} id={step.answer} />
        </span>
      </li>
    );
  }
  return (
    <li className={`timeline-entry ${decision.correct ? 'timeline-right' : 'timeline-wrong'}`}>
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
              {decision.chosen !== undefined ? (
                <>
                  You chose <ItemText pack={pack} id={decision.chosen} />
                </>
              ) : (
                <>You recalled “{decision.typed}”</>
              )}
            </span>{' '}
            — right: <ItemText pack={pack} id={step.answer} />
          </>
        )}
        {observed ? (
          <span className="timeline-observed">
            {' '}
            Observed: <ObservationText observation={observed} />
          </span>
        ) : null}
      </span>
    </li>
  );
});

/**
 * The situation so far, as a timeline: where it started, each decision made (right, or
 * wrong and corrected) with what was observed after it; for checklists the steps shown done
 * (a long run of them summed up in one line until asked for). What is observed where the
 * person stands now is the prompt's, not repeated here.
 */
export function SituationTimeline({ run, pack }: { run: RunState; pack: PackSource }) {
  const { scenario } = run;
  const [allShown, setAllShown] = useState(false);
  const byStep = new Map(run.decisions.map((decision) => [decision.step, decision]));
  const firstDecision = scenario.steps.findIndex((step) => step.blank !== false);
  const hidden = allShown || firstDecision <= SHOWN_STEPS_LISTED ? 0 : firstDecision - SHOWN_STEPS_LISTED;
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
      {hidden > 0 ? (
        <li className="timeline-entry timeline-shown">
          <span className="timeline-mark" aria-hidden="true">✓</span>
          <span>
            {hidden} steps done before these.{' '}
            <button type="button" className="button button-small" onClick={() => setAllShown(true)}>
              Show them
            </button>
          </span>
        </li>
      ) : null}
      {scenario.steps.slice(hidden, run.step).map((_, offset) => {
        const index = hidden + offset;
        const next = scenario.steps[index + 1];
        const observed = scenario.kind === 'tree' && index + 1 < run.step ? next?.observation : undefined;
        return <TimelineEntry key={index} pack={pack} scenario={scenario} index={index} decision={byStep.get(index)} observed={observed} />;
      })}
    </ol>
  );
}
