import type { RetentionRow } from '../../../shared/progress/retention-table';
import { percent } from './format';

function Cell({ counts }: { counts: RetentionRow['young'] }) {
  return (
    <td>
      <span className="retention-share">{percent(counts.retention)}</span>{' '}
      <span className="muted">
        {counts.pass} / {counts.fail}
      </span>
    </td>
  );
}

/**
 * Anki's "true retention": the first answer of each card each day, cards in review only,
 * young (interval under 21 days) and mature apart; one table per source.
 */
export function RetentionTable({ caption, rows }: { caption: string; rows: readonly RetentionRow[] }) {
  return (
    <table className="data-table progress-table retention-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Young (under 21 days)</th>
          <th scope="col">Mature</th>
          <th scope="col">All</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.period}>
            <th scope="row">{row.label}</th>
            <Cell counts={row.young} />
            <Cell counts={row.mature} />
            <Cell counts={row.total} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
