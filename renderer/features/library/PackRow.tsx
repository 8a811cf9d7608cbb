import type { PackRecord } from '../../../shared/model';
import { absoluteTime, relativeTime } from './format-time';
import { packKindLabel, plural } from './plan-summary';

export interface PackActions {
  onReimport: (pack: PackRecord) => void;
  onArchive: (pack: PackRecord) => void;
  onUnarchive: (pack: PackRecord) => void;
  onDelete: (pack: PackRecord) => void;
}

/** One pack of the library: what it is, where it came from, and what can be done with it. */
export function PackRow({ pack, now, actions }: { pack: PackRecord; now: number; actions: PackActions }) {
  const archived = pack.status === 'archived';
  const hidden = <span className="visually-hidden"> {pack.title}</span>;
  return (
    <li className={`pack-row${archived ? ' pack-row-archived' : ''}`}>
      <div className="pack-main">
        <div className="pack-heading">
          <h3 className="pack-title">{pack.title}</h3>
          <span className={`status-badge ${archived ? 'status-archived' : 'status-active'}`}>{archived ? 'Archived' : 'Active'}</span>
        </div>
        <p className="pack-source mono" title={pack.sourcePath ?? pack.sourceName}>
          {pack.sourceName}
        </p>
        <p className="pack-meta">
          <span>{packKindLabel(pack.kind)}</span>
          <span>{plural(pack.itemCount, 'item')}</span>
          <span>{plural(pack.cardCount, 'card')}</span>
          <span>
            Imported{' '}
            <time dateTime={new Date(pack.importedAt).toISOString()} title={absoluteTime(pack.importedAt)}>
              {relativeTime(pack.importedAt, now)}
            </time>
          </span>
        </p>
      </div>
      <div className="pack-actions">
        {archived ? null : (
          <a className="button button-primary button-small" href={`#/practice?pack=${encodeURIComponent(pack.id)}`}>
            Start practising{hidden}
          </a>
        )}
        <div className="pack-actions-secondary">
          <button type="button" className="button button-small" onClick={() => actions.onReimport(pack)}>
            Re-import…{hidden}
          </button>
          {archived ? (
            <button type="button" className="button button-small" onClick={() => actions.onUnarchive(pack)}>
              Unarchive{hidden}
            </button>
          ) : (
            <button type="button" className="button button-small" onClick={() => actions.onArchive(pack)}>
              Archive{hidden}
            </button>
          )}
          <button type="button" className="button button-small button-danger-quiet" onClick={() => actions.onDelete(pack)}>
            Delete…{hidden}
          </button>
        </div>
      </div>
    </li>
  );
}
