import { useEffect, useId, useRef, useState } from 'react';
import { useAppServices } from '../../app/app-services';
import type { ActiveRun } from '../../state/simulate/simulate-types';
import { optionsShown } from '../../../shared/simulate/run';
import { ItemText } from './ItemText';
import { ChoiceButtons } from '../../app/ui/ChoiceButtons';
import { ObservationText } from './SituationTimeline';
import { spokenDuration } from './format-duration';

/** The decision on screen: where the person stands, what they observe, and the options or the recall field. */
export function DecisionPrompt({ run }: { run: ActiveRun }) {
  const { scenario, state, pack } = run;
  const step = scenario.steps[state.step];
  const promptId = useId();
  if (!step) return null;
  const question =
    scenario.kind === 'tree' ? 'What do you check or do next?' : step.at === undefined ? 'What is the first step?' : 'What is the next step?';
  return (
    <section className="decision" aria-labelledby={promptId}>
      <div className="decision-situation">
        {scenario.kind === 'tree' ? (
          <p>
            <span className="decision-label">You are at</span> <ItemText pack={pack} id={step.at} />
          </p>
        ) : step.at !== undefined ? (
          <p>
            <span className="decision-label">Done so far, last</span> <ItemText pack={pack} id={step.at} />
          </p>
        ) : null}
        {step.observation ? (
          <p>
            <span className="decision-label">You observe</span> <ObservationText observation={step.observation} />
          </p>
        ) : null}
      </div>
      <h2 id={promptId} className="decision-question">
        {step.memoryLimitMs !== undefined ? `Memory item: ${question} Exact words, within ${spokenDuration(step.memoryLimitMs)}.` : question}
      </h2>
      {state.phase.name === 'deciding' && state.phase.mode === 'choice' ? <Options run={run} promptId={promptId} /> : null}
      {state.phase.name === 'deciding' && state.phase.mode === 'recall' ? <RecallField run={run} promptId={promptId} /> : null}
      {state.phase.name === 'confirming' ? <ConfirmRecall run={run} /> : null}
    </section>
  );
}

function Options({ run, promptId }: { run: ActiveRun; promptId: string }) {
  const { simulateStore } = useAppServices();
  const options = optionsShown(run.state) ?? [];
  return (
    <>
      <ChoiceButtons
        options={options.map((id) => ({ key: id, content: <ItemText pack={run.pack} id={id} /> }))}
        onChoose={(index) => void simulateStore.getState().choose(options[index] as string)}
        disabled={run.saving}
        describedBy={promptId}
        focusKey={run.state.step}
      />
      <p className="drill-hint">
        Press <kbd>1</kbd>–<kbd>{options.length}</kbd> to choose.
      </p>
    </>
  );
}

function RecallField({ run, promptId }: { run: ActiveRun; promptId: string }) {
  const { simulateStore } = useAppServices();
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  useEffect(() => inputRef.current?.focus(), [run.state.step]);
  return (
    <form
      className="recall-form"
      onSubmit={(event) => {
        event.preventDefault();
        void simulateStore.getState().recall(text);
      }}
    >
      <label htmlFor={inputId}>Your step, in your own words</label>
      <div className="recall-row">
        <input
          id={inputId}
          ref={inputRef}
          className="text-input"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={promptId}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          Check
        </button>
      </div>
      <p className="drill-hint">
        Enter checks. Empty means “I don’t know”. Press <kbd>Tab</kbd> to leave the field for the hints.
      </p>
    </form>
  );
}

function ConfirmRecall({ run }: { run: ActiveRun }) {
  const { simulateStore } = useAppServices();
  const yesRef = useRef<HTMLButtonElement>(null);
  useEffect(() => yesRef.current?.focus(), []);
  if (run.state.phase.name !== 'confirming') return null;
  const step = run.scenario.steps[run.state.step];
  const typed = run.state.phase.typed.trim();
  return (
    <div className="confirm-recall">
      <dl className="info-list">
        <div>
          <dt>You wrote</dt>
          <dd>{typed === '' ? <span className="muted">nothing</span> : typed}</dd>
        </div>
        <div>
          <dt>The step</dt>
          <dd>
            <ItemText pack={run.pack} id={step?.answer} />
          </dd>
        </div>
      </dl>
      <p>Was yours the same step?</p>
      <div className="actions">
        <button ref={yesRef} type="button" className="button button-primary" disabled={typed === ''} aria-keyshortcuts="Y" onClick={() => void simulateStore.getState().confirm(true)}>
          Yes, the same <kbd aria-hidden="true">Y</kbd>
        </button>
        <button type="button" className="button" aria-keyshortcuts="N" onClick={() => void simulateStore.getState().confirm(false)}>
          No <kbd aria-hidden="true">N</kbd>
        </button>
      </div>
    </div>
  );
}
