import { useId, useState } from 'react';
import type { SummaryLine } from './path-summary';

/**
 * The chart as an ordered list: always there for screen readers (visually hidden), and
 * shown on request for anyone who would rather read than look at the diagram.
 */
export function ChartPathList({ title, lines }: { title: string; lines: readonly SummaryLine[] }) {
  const [shown, setShown] = useState(false);
  const listId = useId();
  return (
    <div className="chart-list-block">
      <button type="button" className="button button-small" aria-expanded={shown} aria-controls={listId} onClick={() => setShown((was) => !was)}>
        {shown ? 'Hide the list' : 'Show as a list'}
      </button>
      <ol id={listId} className={shown ? 'chart-list' : 'chart-list visually-hidden'} aria-label={`${title}, as a list`}>
        {lines.map((line) => (
          <li key={line.key} className={[line.verdict ? `is-${line.verdict}` : '', line.here ? 'is-here' : ''].join(' ').trim() || undefined}>
            {line.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
