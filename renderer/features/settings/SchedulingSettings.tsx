import { useId } from 'react';
import type { GradingMode } from '../../../shared/schedule/scheduler-settings';
import { GRADING_MODES, NUMBER_RANGES } from '../../state/settings/settings-definition';
import type { Settings } from '../../state/settings/settings-definition';
import { NumberSetting } from './NumberSetting';
import { StepsSetting } from './StepsSetting';

type SaveSetting = <K extends keyof Settings>(key: K, value: Settings[K]) => void;

const GRADING_LABELS: Record<GradingMode, string> = { graded: 'Graded (1–4)', 'pass-fail': 'Pass / fail' };

/** Maximum interval, fuzz, short-term steps and grading mode: how FSRS schedules each answer. */
export function SchedulingSettings({ values, onSave }: { values: Settings; onSave: SaveSetting }) {
  const fuzzId = useId();
  const gradingHintId = useId();

  return (
    <>
      <NumberSetting
        label="Maximum interval (days)"
        hint="No card waits longer than this between reviews, however well you know it."
        value={values.maximumIntervalDays}
        range={NUMBER_RANGES.maximumIntervalDays}
        onSave={(value) => onSave('maximumIntervalDays', value)}
      />
      <div className="field">
        <div className="check-row">
          <input
            id={fuzzId}
            type="checkbox"
            checked={values.enableFuzz}
            aria-describedby={`${fuzzId}-hint`}
            onChange={(event) => onSave('enableFuzz', event.target.checked)}
          />
          <label htmlFor={fuzzId}>Spread due dates (fuzz)</label>
        </div>
        <p id={`${fuzzId}-hint`} className="field-hint">
          Moves longer intervals by a day or two so cards learnt together do not keep falling due on the same day.
        </p>
      </div>
      <div className="field-grid">
        <StepsSetting
          label="Learning steps"
          hint="Short waits before a new card's first real interval, e.g. 1m 10m (m, h or d). Empty skips them."
          value={values.learningSteps}
          onSave={(steps) => onSave('learningSteps', steps)}
        />
        <StepsSetting
          label="Relearning steps"
          hint="Short waits after you forget a card, e.g. 10m. Empty skips them."
          value={values.relearningSteps}
          onSave={(steps) => onSave('relearningSteps', steps)}
        />
      </div>
      <fieldset className="field segmented-field" aria-describedby={gradingHintId}>
        <legend>Grading</legend>
        <div className="segmented">
          {GRADING_MODES.map((mode) => (
            <label key={mode} className="segment">
              <input
                type="radio"
                name="grading-mode"
                value={mode}
                checked={values.gradingMode === mode}
                onChange={() => onSave('gradingMode', mode)}
              />
              <span>{GRADING_LABELS[mode]}</span>
            </label>
          ))}
        </div>
        <p id={gradingHintId} className="field-hint">
          Pass / fail grades only Again or Good, which FSRS handles well; graded also uses Hard and Easy, and automatic
          Hard/Easy (from your own usual speed) is a hypothesis, not a fact: pass / fail is the safe choice.
        </p>
      </fieldset>
    </>
  );
}
