import { useId, useState } from 'react';
import type { NumberRange } from '../../state/settings/settings-definition';

interface NumberSettingProps {
  label: string;
  hint: string;
  value: number;
  range: NumberRange;
  onSave: (value: number) => void;
}

function parseWhole(text: string, range: NumberRange): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= range.min && value <= range.max ? value : undefined;
}

/**
 * A whole-number setting. Every valid keystroke is saved at once; while the
 * field holds something invalid (empty, out of range) it says so and saves
 * nothing, and leaving the field puts the saved value back.
 */
export function NumberSetting({ label, hint, value, range, onSave }: NumberSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const invalid = draft !== undefined && parseWhole(draft, range) === undefined;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={range.min}
        max={range.max}
        step={range.step}
        value={draft ?? String(value)}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setDraft(event.target.value);
          const parsed = parseWhole(event.target.value, range);
          if (parsed !== undefined && parsed !== value) onSave(parsed);
        }}
        onBlur={() => setDraft(undefined)}
      />
      <p id={`${id}-hint`} className={invalid ? 'field-hint field-hint-error' : 'field-hint'}>
        {invalid ? `Enter a whole number from ${range.min} to ${range.max}; ${value} is kept until then.` : hint}
      </p>
    </div>
  );
}
