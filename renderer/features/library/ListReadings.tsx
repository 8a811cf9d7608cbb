import { useId } from 'react';
import type { ListReadingInfo } from '../../../shared/import/markdown/list-reading';
import type { ListReading } from '../../../shared/model';
import { plural } from './plan-summary';

const READINGS: readonly { reading: ListReading; label: string }[] = [
  { reading: 'steps', label: 'Steps' },
  { reading: 'notes', label: 'Notes' },
];

/**
 * How each list of a Markdown file reads — steps to drill, or notes of the step before —
 * with why, and a Steps / Notes choice per list (radio buttons: arrow keys move between
 * them). Kata keeps the choice with the pack and reads the file the same way next time.
 */
export function ListReadings({
  fileKey,
  lists,
  disabled,
  onRead,
}: {
  fileKey: string;
  lists: readonly ListReadingInfo[];
  disabled: boolean;
  onRead: (listKey: string, reading: ListReading) => void;
}) {
  const headingId = useId();
  const notes = lists.filter((list) => list.reading === 'notes').length;
  return (
    <section className="list-readings" aria-labelledby={headingId}>
      <h4 id={headingId}>How the lists read</h4>
      <p className="muted">
        {notes === 0
          ? `All ${plural(lists.length, 'list')} read as steps.`
          : `${plural(notes, 'list')} of ${lists.length} read as notes: kept with the step before, not drilled.`}{' '}
        Choose how each reads; Kata remembers it for this file.
      </p>
      <ul className="list-reading-list">
        {lists.map((list) => (
          <li key={list.key} className={`list-reading list-reading-${list.reading}`}>
            <div className="list-reading-text">
              <span className="list-reading-key">{list.key}</span>
              <span className="list-reading-meta">
                line {list.line} · {plural(list.items, 'item')} · {list.reason}
              </span>
              {list.preview.length > 0 ? <span className="list-reading-preview">{list.preview.join(' · ')}</span> : null}
            </div>
            <fieldset className="segmented list-reading-choice" disabled={disabled}>
              <legend className="visually-hidden">Read the list “{list.key}” as</legend>
              {READINGS.map(({ reading, label }) => (
                <label key={reading} className="segment">
                  <input
                    type="radio"
                    name={`${fileKey}:${list.key}`}
                    value={reading}
                    checked={list.reading === reading}
                    onChange={() => onRead(list.key, reading)}
                  />
                  <span>{label}</span>
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
    </section>
  );
}
