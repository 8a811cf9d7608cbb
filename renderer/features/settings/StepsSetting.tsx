import { useId, useState } from 'react';
import type { StepList } from '../../state/settings/settings-definition';
import { formatSteps, parseStepText, sameSteps } from './step-text';

interface StepsSettingProps {
  label: string;
  hint: string;
  value: StepList;
  onSave: (steps: StepList) => void;
}

/**
 * Short-term steps typed as text (`1m 10m`). Each valid edit is saved at once.
 * While the text is not a valid list nothing is saved, and once the person
 * leaves the field (or presses Enter) an inline error says what is wrong; the
 * saved steps stay in force until the text is fixed. Errors are not shown
 * mid-word: `1m 1` is on its way to `1m 10m`, not a mistake yet.
 */
export function StepsSetting({ label, hint, value, onSave }: StepsSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [showError, setShowError] = useState(false);
  const parsed = draft === undefined ? undefined : parseStepText(draft);
  const error = parsed && !parsed.ok ? parsed.error : undefined;
  const visibleError = showError ? error : undefined;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="text-input steps-input"
        spellCheck={false}
        autoComplete="off"
        value={draft ?? formatSteps(value)}
        aria-invalid={visibleError ? true : undefined}
        aria-describedby={`${id}-hint`}
        aria-errormessage={visibleError ? `${id}-hint` : undefined}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const result = parseStepText(text);
          if (result.ok) {
            setShowError(false);
            if (!sameSteps(result.steps, value)) onSave(result.steps);
          }
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') setShowError(true);
        }}
        onBlur={() => {
          // A valid draft is saved already: show it as stored (`1m,10m` becomes `1m 10m`).
          if (!error) setDraft(undefined);
          setShowError(true);
        }}
      />
      <p id={`${id}-hint`} className={visibleError ? 'field-hint field-hint-error' : 'field-hint'} role={visibleError ? 'alert' : undefined}>
        {visibleError ? `${visibleError} Your saved steps (${formatSteps(value) || 'none'}) stay in force until then.` : hint}
      </p>
    </div>
  );
}
