import { useId } from 'react';
import type { ListReading } from '../../../shared/model';
import type { FilePreview, FileStatus } from '../../state/library/import-session';
import { formatBytes } from '../../platform/format-bytes';
import { DiffView } from './DiffView';
import { IssueList } from './IssueList';
import { ListReadings } from './ListReadings';
import { describeCounts, drillCountsByKind, itemCountsByKind, packKindLabel, plural } from './plan-summary';

const STATUS_LABELS: Record<FileStatus, string> = {
  refused: 'Not read',
  invalid: 'Has errors',
  conflict: 'Same pack twice',
  ready: 'Ready to import',
  imported: 'Imported',
  failed: 'Not saved',
};

export function StatusBadge({ status }: { status: FileStatus }) {
  return <span className={`status-badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}

/**
 * One file of an import, before anything is written: what it becomes (title,
 * kind, items, drills, sections), its warnings and errors, and on re-import the
 * diff against the stored pack.
 */
export function FilePreviewCard({
  file,
  canConfirm,
  showConfirm,
  onConfirm,
  onReadList,
}: {
  file: FilePreview;
  canConfirm: boolean;
  showConfirm: boolean;
  onConfirm: () => void;
  /** Reads one list of the file as steps or notes (the file is previewed again). */
  onReadList: (listKey: string, reading: ListReading) => void;
}) {
  const headingId = useId();
  const plan = file.plan;
  const items = plan ? itemCountsByKind(plan) : [];
  const drills = plan ? drillCountsByKind(plan) : [];
  const reimport = file.previous !== undefined;
  const retry = file.status === 'failed' && plan !== undefined;

  return (
    <article className={`import-file import-file-${file.status}`} aria-labelledby={headingId} id={`import-${file.key}`}>
      <header className="import-file-header">
        <div>
          <h3 id={headingId}>{plan?.pack.title ?? file.fileName}</h3>
          <p className="import-file-meta">
            <span className="mono">{file.fileName}</span>
            {plan ? <span>{packKindLabel(plan.pack.kind)}</span> : null}
            <span>{formatBytes(file.bytes)}</span>
          </p>
          {plan ? (
            <p className="import-file-target">
              {reimport
                ? `Re-import of “${file.previous!.title}”${file.previous!.status === 'archived' ? ' (archived)' : ''}`
                : 'New pack'}
            </p>
          ) : null}
        </div>
        <StatusBadge status={file.status} />
      </header>

      {file.message ? (
        <p className={file.status === 'ready' || file.status === 'imported' ? 'notice-line' : 'error-line'} role={file.status === 'ready' ? 'status' : undefined}>
          {file.message}
        </p>
      ) : null}

      {file.status === 'invalid' ? (
        <p className="muted">A file with errors imports nothing. Fix it, then import it again.</p>
      ) : null}
      <IssueList issues={file.errors} text={file.text} tone="error" />

      {plan && file.status !== 'invalid' ? (
        <dl className="preview-facts">
          <div>
            <dt>Items</dt>
            <dd>{items.length > 0 ? describeCounts(items) : 'none'}</dd>
          </div>
          <div>
            <dt>Drills</dt>
            <dd>
              {drills.length > 0 ? (
                <ul className="count-chips" aria-label={`${plural(plan.specs.length, 'drill')} by kind`}>
                  {drills.map((entry) => (
                    <li key={entry.kind}>
                      <span className="count-chip-number">{entry.count.toLocaleString('en')}</span> {entry.label}
                    </li>
                  ))}
                </ul>
              ) : (
                'none'
              )}
            </dd>
          </div>
          {plan.pack.sections.length > 0 ? (
            <div>
              <dt>Sections</dt>
              <dd>
                <ol className="section-list">
                  {plan.pack.sections.map((section) => (
                    <li key={section.id}>{section.title}</li>
                  ))}
                </ol>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}

      <IssueList issues={file.warnings} text={file.text} tone="warning" />

      {file.lists && file.lists.length > 0 && file.status !== 'refused' && file.status !== 'imported' ? (
        <ListReadings fileKey={file.key} lists={file.lists} disabled={!canConfirm} onRead={onReadList} />
      ) : null}

      {plan?.diff && file.status !== 'invalid' ? <DiffView diff={plan.diff} /> : null}

      {showConfirm && (file.status === 'ready' || retry) ? (
        <footer className="import-file-actions">
          <button type="button" className="button button-small" onClick={onConfirm} disabled={!canConfirm}>
            {retry ? 'Try again' : reimport ? 'Apply this re-import' : 'Import this pack'}
            <span className="visually-hidden"> ({file.fileName})</span>
          </button>
        </footer>
      ) : null}
    </article>
  );
}
