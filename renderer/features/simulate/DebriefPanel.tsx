import { useEffect, useId, useRef, useState } from 'react';
import { useAppServices, useSimulate } from '../../app/app-services';
import { levelName } from '../../../shared/simulate/levels';
import { DecisionTable, MissedWhys } from './DecisionTable';
import { ItemText } from './ItemText';
import { ScenarioOutline } from './ScenarioOutline';
import { LazyScenarioChart } from './chart/LazyScenarioChart';
import { clockFace } from './format-duration';
import { SelfRatingForm } from '../progress/SelfRatingForm';

/**
 * The debrief, in the order simulation debriefs are run in medicine (gather, analyse,
 * summarise: AHA's GAS, PEARLS): first the person's own one-line reaction, then the path
 * taken against the right one, the time per decision and the why of every miss, then one
 * take-away saved with the attempt, and the person's own rating of their level on the pack
 * (set beside the measured level on the Progress screen).
 */
export function DebriefPanel() {
  const debrief = useSimulate((state) => state.debrief);
  const [skipped, setSkipped] = useState(false);
  if (!debrief) return null;
  const { attempt, result, scenario, pack } = debrief;
  const analysed = skipped || attempt.reaction !== undefined;
  const right = attempt.decisions.filter((d) => d.correct).length;
  return (
    <section className="debrief" aria-labelledby="debrief-heading">
      <h2 id="debrief-heading">Debrief: {debrief.title}</h2>
      {debrief.packChanged ? <p className="status-line">This pack was re-imported since this walk: the chart may have changed.</p> : null}
      <ReactionStep key={attempt.id} reaction={attempt.reaction} onSkip={() => setSkipped(true)} />
      {debrief.saveError ? (
        <p className="error-line" role="alert">
          {debrief.saveError}
        </p>
      ) : null}
      {analysed ? (
        <>
          <section className="panel" aria-labelledby="debrief-analysis">
            <h3 id="debrief-analysis">What happened</h3>
            <dl className="info-list debrief-facts">
              <div>
                <dt>Score</dt>
                <dd>
                  <strong>{result.score}</strong> of 100
                </dd>
              </div>
              <div>
                <dt>Decisions</dt>
                <dd>
                  {right} of {attempt.decisions.length} right{result.hintsUsed > 0 ? `, ${result.hintsUsed} ${result.hintsUsed === 1 ? 'hint' : 'hints'}` : ', no hints'}
                </dd>
              </div>
              <div>
                <dt>Time</dt>
                <dd>
                  {clockFace(result.elapsedMs)} of {clockFace(attempt.timeLimitMs)} — {result.withinTime ? 'within the limit' : 'over the limit'}
                </dd>
              </div>
              <div>
                <dt>Level</dt>
                <dd>
                  {attempt.level}, {levelName(attempt.level)}
                  {attempt.confidence !== undefined ? ` · you said you were ${Math.round(attempt.confidence * 100)} % sure` : ''}
                </dd>
              </div>
              {scenario.outcome ? (
                <div>
                  <dt>Outcome</dt>
                  <dd>
                    <ItemText pack={pack} id={scenario.outcome} />
                    {attempt.outcomeKind === 'fail' ? ' (a failed outcome: the rare bad case)' : ''}
                  </dd>
                </div>
              ) : null}
            </dl>
            <LazyScenarioChart
              packId={attempt.packId}
              packVersion={debrief.packVersion}
              pack={pack}
              mode="debrief"
              hiddenPath={attempt.hiddenPath}
              decisions={attempt.decisions}
              title="Your path beside the right one"
            />
            <h4>Decision by decision, with the time each took</h4>
            <DecisionTable pack={pack} scenario={scenario} decisions={attempt.decisions} />
            <h4>Why the missed steps matter</h4>
            <MissedWhys pack={pack} scenario={scenario} decisions={attempt.decisions} />
            <details className="debrief-outline">
              <summary>The whole {pack.kind === 'tree' ? 'chart' : 'checklist'} as text</summary>
              <ScenarioOutline pack={pack} />
            </details>
          </section>
          <TakeAwayStep key={`${attempt.id}-takeaway`} reflection={attempt.reflection} />
          <section className="panel debrief-step" aria-label="Your own level">
            <SelfRatingForm key={`${attempt.id}-rating`} packId={attempt.packId} question={`After this run: your level on ${debrief.title}?`} />
          </section>
        </>
      ) : null}
      <DebriefActions />
    </section>
  );
}

function ReactionStep({ reaction, onSkip }: { reaction: string | undefined; onSkip: () => void }) {
  const { simulateStore } = useAppServices();
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    if (reaction === undefined) inputRef.current?.focus();
  }, [reaction]);
  if (reaction !== undefined) {
    return (
      <p className="debrief-reaction">
        <span className="decision-label">Your first reaction</span> {reaction || <span className="muted">(none)</span>}
      </p>
    );
  }
  return (
    <form
      className="panel debrief-step"
      onSubmit={(event) => {
        event.preventDefault();
        void simulateStore.getState().saveReaction(text);
      }}
    >
      <label htmlFor={id}>First, in one line: how did that go?</label>
      <div className="recall-row">
        <input id={id} ref={inputRef} className="text-input" value={text} maxLength={300} onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button button-primary">
          Save and see the analysis
        </button>
        <button type="button" className="button" onClick={onSkip}>
          Skip
        </button>
      </div>
    </form>
  );
}

function TakeAwayStep({ reflection }: { reflection: string | undefined }) {
  const { simulateStore } = useAppServices();
  const [text, setText] = useState(reflection ?? '');
  const id = useId();
  const saved = reflection !== undefined && reflection === text.trim();
  return (
    <form
      className="panel debrief-step"
      onSubmit={(event) => {
        event.preventDefault();
        void simulateStore.getState().saveReflection(text);
      }}
    >
      <label htmlFor={id}>One take-away for next time</label>
      <textarea id={id} className="text-input" rows={2} maxLength={500} value={text} onChange={(event) => setText(event.target.value)} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={text.trim() === '' || saved}>
          {saved ? 'Saved' : 'Save the take-away'}
        </button>
        {saved ? <span className="muted">Saved with this attempt.</span> : null}
      </div>
    </form>
  );
}

function DebriefActions() {
  const { simulateStore } = useAppServices();
  const store = simulateStore.getState();
  return (
    <div className="actions debrief-actions">
      <button type="button" className="button" onClick={() => void store.retry()}>
        Retry this scenario
      </button>
      <button type="button" className="button" onClick={() => void store.newScenario()}>
        New scenario
      </button>
      <button type="button" className="button" onClick={() => void store.backToList()}>
        Back to the list
      </button>
    </div>
  );
}
