import { useId, useState } from 'react';
import { useAppServices } from '../../app/app-services';
import type { LadderLevel } from '../../../shared/progress/ladder';
import { LADDER_NAMES } from '../../../shared/progress/ladder';
import type { PackProgress } from '../../../shared/progress/progress-report';
import { dateInputValue, longDate, parseDateInput } from './format';

const DAY_MS = 86_400_000;

/** The projection in words: "at this pace: 12 January", or why there is no date. */
export function projectionSentence(pack: PackProgress, now: number): string {
  const p = pack.projection;
  const target = LADDER_NAMES[pack.target?.level ?? 4];
  if (p.kind === 'reached') return `${target} reached on ${longDate(p.since, now)}.`;
  if (p.kind === 'date') return `${target} at this pace: ${longDate(p.at, now)}.`;
  return p.reason;
}

/**
 * A pack's target (a level by a date; internalization is planned in 6–12 weeks, so the date
 * offered first is eight weeks on) and the projection from its trend.
 */
export function TargetForm({ pack, now }: { pack: PackProgress; now: number }) {
  const { progressStore } = useAppServices();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [level, setLevel] = useState<LadderLevel>(pack.target?.level ?? (Math.min(5, Math.max(4, pack.placement.level + 1)) as LadderLevel));
  const [date, setDate] = useState(dateInputValue(pack.target?.by ?? now + 56 * DAY_MS));
  const [error, setError] = useState<string | null>(null);
  const target = pack.target;
  const late = target && pack.projection.kind === 'date' && pack.projection.at > target.by;

  return (
    <div className="target">
      <p>
        <span className="progress-label">Target</span>{' '}
        {target ? `${target.level} ${LADDER_NAMES[target.level]} by ${longDate(target.by, now)}. ` : 'None set. '}
        <span className="projection">{projectionSentence(pack, now)}</span>
        {late ? <span className="field-hint-error"> Later than your target.</span> : null}
      </p>
      {editing ? (
        <form
          className="target-form"
          onSubmit={(event) => {
            event.preventDefault();
            const by = parseDateInput(date);
            if (by === null) return setError('Enter a date.');
            if (by <= now) return setError('Choose a date after today.');
            setError(null);
            void progressStore
              .getState()
              .setTarget(pack.packId, { level, by })
              .then(() => setEditing(false));
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-level`}>Level to reach</label>
            <select id={`${id}-level`} value={level} onChange={(event) => setLevel(Number(event.target.value) as LadderLevel)}>
              {([2, 3, 4, 5] as const).map((l) => (
                <option key={l} value={l}>
                  {l} {LADDER_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>By</label>
            <input id={`${id}-date`} type="date" value={date} aria-invalid={error ? true : undefined} aria-describedby={`${id}-error`} onChange={(event) => setDate(event.target.value)} />
          </div>
          <p id={`${id}-error`} className="field-hint field-hint-error">
            {error}
          </p>
          <div className="actions">
            <button type="submit" className="button button-primary">
              Save the target
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            {target ? (
              <button type="button" className="button" onClick={() => void progressStore.getState().setTarget(pack.packId, null).then(() => setEditing(false))}>
                Remove the target
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <button type="button" className="button button-small no-print" onClick={() => setEditing(true)}>
          {target ? 'Change the target' : 'Set a target'}
          <span className="visually-hidden"> for {pack.title}</span>
        </button>
      )}
    </div>
  );
}
