import { hashForRequest } from '../practice/use-practice-request';
import type { WeakItem } from '../../state/progress/progress-store';
import { percent } from './format';

/** The cards most likely forgotten now, and a drill session of exactly those. */
export function WeakestItems({ items }: { items: readonly WeakItem[] | undefined }) {
  if (items === undefined) return <p className="muted" role="status">Finding your weakest cards…</p>;
  if (items.length === 0) return <p className="muted">No studied card to review yet.</p>;
  return (
    <>
      <ol className="weakest-list">
        {items.map((item) => (
          <li key={item.cardId}>
            {/* Imported text, shown as text (never as HTML). */}
            <span className="weakest-text">{item.text}</span>
            <span className="muted">
              {item.packTitle} · {item.kind} · recall {percent(item.retrievability)}
            </span>
          </li>
        ))}
      </ol>
      <div className="actions no-print">
        <a className="button button-primary" href={hashForRequest({ mode: 'cards', ids: items.map((item) => item.cardId) })}>
          Practise these {items.length}
        </a>
      </div>
    </>
  );
}
