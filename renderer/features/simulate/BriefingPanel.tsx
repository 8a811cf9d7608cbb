import { useEffect, useId, useRef } from 'react';
import { useAppServices, useSimulate } from '../../app/app-services';
import { SCAFFOLDS } from '../../../shared/simulate/levels';
import { LEVELS } from '../../../shared/simulate/scenario-types';
import type { Level } from '../../../shared/simulate/scenario-types';
import { CoverageLine } from './ScenarioList';
import { clockFace } from './format-duration';

const LEVEL_HELP: Record<Level, string> = {
  1: 'Choose from options; the chart and the reasons are there if you need them.',
  2: 'Choose from options; hints cost more.',
  3: 'Recall each step yourself; options, chart and reasons are hints.',
  4: 'Recall unaided; only the reason is a hint. The clock is the pack’s own.',
  5: 'Recall unaided, no hints, a tighter clock.',
};

/** Before a run: the level, how sure the person is, and (checklists) which part to perform. */
export function BriefingPanel() {
  const { simulateStore } = useAppServices();
  const briefing = useSimulate((state) => state.briefing);
  const error = useSimulate((state) => state.error);
  const startRef = useRef<HTMLButtonElement>(null);
  const confidenceId = useId();
  useEffect(() => startRef.current?.focus(), []);
  if (!briefing) return null;
  const { entry, level, confidence } = briefing;
  const store = simulateStore.getState();
  const limit = entry.timeLimitMs ? Math.round(entry.timeLimitMs * SCAFFOLDS[level].timeFactor) : undefined;
  const percent = confidence === null ? 50 : Math.round(confidence * 100);

  return (
    <section className="panel briefing" aria-labelledby="briefing-heading">
      <h2 id="briefing-heading">{entry.title}</h2>
      <p className="muted">
        {entry.kind === 'tree'
          ? 'A situation unfolds: at each step, choose what you check or do next. What you observe is shown as you go.'
          : 'Perform the checklist in order, from memory. The last steps are yours to produce; the ones before are shown done.'}
        {limit ? ` Time limit: ${clockFace(limit)}.` : ''}
      </p>
      {entry.ladder ? (
        <p className="muted">
          On the independence ladder this pack stands at <strong>{entry.ladder.name}</strong>
          {entry.suggestedLevel > entry.ladder.level ? `: level ${entry.suggestedLevel} is the next rung’s practice.` : '.'}
        </p>
      ) : null}
      <CoverageLine entry={entry} />
      <form
        className="briefing-form"
        onSubmit={(event) => {
          event.preventDefault();
          void store.start();
        }}
      >
        <fieldset className="field">
          <legend>Level</legend>
          <div className="level-choices">
            {LEVELS.map((value) => (
              <label key={value} className={`level-choice${value === level ? ' level-choice-selected' : ''}`}>
                <input type="radio" name="level" value={value} checked={value === level} onChange={() => store.setLevel(value)} />
                <span className="level-name">
                  {value} {SCAFFOLDS[value].name}
                  {value === entry.suggestedLevel ? <span className="level-suggested"> (suggested)</span> : null}
                </span>
                <span className="level-help">{LEVEL_HELP[value]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {entry.kind === 'checklist' && briefing.sections.length > 1 ? (
          <div className="field">
            <label htmlFor="briefing-section">Part to perform</label>
            <select id="briefing-section" value={briefing.section} onChange={(event) => store.setSection(event.target.value)}>
              <option value="drawn">A section Kata picks (your weakest, or the one not done lately)</option>
              <option value="all">The whole checklist</option>
              {briefing.sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={confidenceId}>How sure are you that you can resolve this without help?</label>
          <div className="range-row">
            <input
              id={confidenceId}
              type="range"
              min={0}
              max={100}
              step={5}
              value={percent}
              aria-valuetext={confidence === null ? 'not said' : `${percent} %`}
              onChange={(event) => store.setConfidence(Number(event.target.value) / 100)}
            />
            <span className="range-value">{confidence === null ? '—' : `${percent} %`}</span>
          </div>
          <p className="field-hint">Said before you start, it shows later how well you judge your own readiness.</p>
        </div>
        {error ? (
          <p className="error-line" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button ref={startRef} type="submit" className="button button-primary">
            Start scenario
          </button>
          <button type="button" className="button" onClick={() => void store.backToList()}>
            Back to the list
          </button>
        </div>
      </form>
    </section>
  );
}
