import { useId, useState } from 'react';
import { useAppServices } from '../../app/app-services';
import type { LadderLevel } from '../../../shared/progress/ladder';
import { INDEPENDENCE_LADDER } from './independence-ladder';
import './self-rating.css';

/**
 * The person's own rating of a pack's level, Observe to Can teach, with an optional note:
 * asked weekly on the Progress screen and after a simulation, so their judgement can be set
 * beside the measured level. Saved through the Progress store; says so once saved.
 */
export function SelfRatingForm({ packId, question, onSaved, onCancel }: { packId: string; question: string; onSaved?: () => void; onCancel?: () => void }) {
  const { progressStore } = useAppServices();
  const [level, setLevel] = useState<LadderLevel | null>(null);
  const [note, setNote] = useState('');
  const [state, setState] = useState<'editing' | 'saving' | 'saved' | 'failed'>('editing');
  const id = useId();
  if (state === 'saved') {
    return (
      <p className="status-line self-rating-saved" role="status">
        Your rating is saved: {level}, {INDEPENDENCE_LADDER.find((rung) => rung.level === level)?.name}.
      </p>
    );
  }
  return (
    <form
      className="self-rating"
      onSubmit={(event) => {
        event.preventDefault();
        if (level === null) return;
        setState('saving');
        progressStore
          .getState()
          .rate(packId, level, note)
          .then(() => {
            setState('saved');
            onSaved?.();
          })
          .catch(() => setState('failed'));
      }}
    >
      <fieldset>
        <legend>{question}</legend>
        <div className="self-rating-levels">
          {INDEPENDENCE_LADDER.map((rung) => (
            <label key={rung.level} className="self-rating-level">
              <input type="radio" name={`${id}-level`} value={rung.level} checked={level === rung.level} onChange={() => setLevel(rung.level)} />
              <span>
                {rung.level} {rung.name}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {state === 'failed' ? (
        <p className="field-hint field-hint-error" role="alert">
          Your rating could not be saved. Try again.
        </p>
      ) : null}
      <div className="self-rating-row">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input id={`${id}-note`} className="text-input" value={note} maxLength={300} onChange={(event) => setNote(event.target.value)} />
        <button type="submit" className="button button-primary" disabled={level === null || state === 'saving'}>
          Save my rating
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Not now
          </button>
        ) : null}
      </div>
    </form>
  );
}
