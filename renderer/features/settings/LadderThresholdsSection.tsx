import { useEffect, useId, useState } from 'react';
import { useAppServices } from '../../app/app-services';
import type { LadderThresholds } from '../../../shared/progress/ladder';
import { DEFAULT_THRESHOLDS } from '../../../shared/progress/ladder';
import { THRESHOLDS_KEY, thresholdsOf } from '../../state/progress/progress-data';
import type { ThresholdField } from './ladder-threshold-fields';
import { THRESHOLD_FIELDS, displayValue, parseThreshold, unitText } from './ladder-threshold-fields';

type Drafts = Partial<Record<keyof LadderThresholds, string>>;

function ThresholdInput({ field, value, onChange, error }: { field: ThresholdField; value: string; onChange: (text: string) => void; error: string | undefined }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="text"
        inputMode={field.unit === 'brier' ? 'decimal' : 'numeric'}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className={error ? 'field-hint field-hint-error' : 'field-hint'}>
        {error ?? unitText(field)}
      </p>
    </div>
  );
}

/**
 * The independence ladder's thresholds (practice.md, "Competency"): each rung's conditions,
 * typed and checked here and saved all at once through the Progress store, which measures
 * every pack again with them. Nothing is saved while a field is refused.
 */
export function LadderThresholdsSection() {
  const { repositories, progressStore } = useAppServices();
  const [saved, setSaved] = useState<LadderThresholds | null>(null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    void repositories.settings.get<unknown>(THRESHOLDS_KEY, {}).then((stored) => live && setSaved(thresholdsOf(stored)));
    return () => {
      live = false;
    };
  }, [repositories]);

  if (!saved) return null;
  const text = (field: ThresholdField): string => drafts[field.key] ?? displayValue(field, saved[field.key]);
  const errors = new Map(THRESHOLD_FIELDS.map((field) => [field.key, parseThreshold(field, text(field))] as const));
  const invalid = [...errors.values()].some((parsed) => 'error' in parsed);
  const changed = Object.keys(drafts).length > 0;

  const save = (next: LadderThresholds, done: string) => {
    setMessage('Saving…');
    progressStore
      .getState()
      .setThresholds(next)
      .then(
        () => {
          setSaved(next);
          setDrafts({});
          setMessage(done);
        },
        (error: unknown) => setMessage(`The thresholds could not be saved: ${error instanceof Error ? error.message : String(error)}`),
      );
  };

  return (
    <section className="panel" aria-labelledby="ladder-thresholds-heading">
      <h2 id="ladder-thresholds-heading">Independence ladder</h2>
      <p className="muted">What each level asks of a pack before Progress places it there (and sets a simulation's scaffold). Every level needs the ones below it.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (invalid) return;
          const next = { ...saved };
          for (const field of THRESHOLD_FIELDS) {
            const parsed = errors.get(field.key);
            if (parsed && 'value' in parsed) next[field.key] = parsed.value;
          }
          save(next, 'Thresholds saved; your packs are measured with them.');
        }}
      >
        {(['Guided', 'Assisted', 'Independent', 'Can teach'] as const).map((rung) => (
          <fieldset key={rung} className="threshold-rung">
            <legend>{rung}</legend>
            <div className="field-grid">
              {THRESHOLD_FIELDS.filter((field) => field.rung === rung).map((field) => {
                const parsed = errors.get(field.key);
                return (
                  <ThresholdInput
                    key={field.key}
                    field={field}
                    value={text(field)}
                    error={parsed && 'error' in parsed ? parsed.error : undefined}
                    onChange={(value) => setDrafts((current) => ({ ...current, [field.key]: value }))}
                  />
                );
              })}
            </div>
          </fieldset>
        ))}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={invalid || !changed}>
            Save thresholds
          </button>
          <button type="button" className="button" onClick={() => save({ ...DEFAULT_THRESHOLDS }, 'Back to the default thresholds.')}>
            Restore defaults
          </button>
        </div>
        <p className="status-line" role="status">
          {invalid ? 'Correct the fields marked before saving.' : message}
        </p>
      </form>
    </section>
  );
}
