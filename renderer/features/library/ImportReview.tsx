import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import type { ListReading } from '../../../shared/model';
import type { ImportSession } from '../../state/library/import-session';
import { confirmable } from '../../state/library/import-session';
import { formatBytes } from '../../platform/format-bytes';
import { Icon } from '../../app/ui/Icon';
import { FilePreviewCard, StatusBadge } from './FilePreviewCard';
import { ImportProgress } from './ImportProgress';
import { plural } from './plan-summary';
import './import-review.css';

function summaryLine(session: ImportSession): string {
  const { files } = session;
  if (session.stage === 'preparing') return 'Reading the files…';
  const ready = confirmable(files).length;
  const blocked = files.filter((file) => file.status === 'invalid' || file.status === 'refused' || file.status === 'conflict').length;
  const imported = files.filter((file) => file.status === 'imported').length;
  const parts: string[] = [];
  if (ready > 0) parts.push(`${plural(ready, 'file')} ready to import.`);
  if (blocked > 0) parts.push(`${plural(blocked, 'file')} cannot be imported as it is.`);
  if (imported > 0) parts.push(`${plural(imported, 'pack')} imported.`);
  parts.push('Nothing is saved until you confirm.');
  return parts.join(' ');
}

/**
 * The import preview: every file of the session, what it becomes and what is
 * wrong with it, and the one place to confirm (all, or file by file) or cancel.
 */
export function ImportReview({
  session,
  onConfirm,
  onCancel,
  onReadList,
}: {
  session: ImportSession;
  onConfirm: (which: number | 'all') => void;
  onCancel: () => void;
  /** Reads a list of a file (by the file's key) as steps or notes. */
  onReadList: (fileKey: string, listKey: string, reading: ListReading) => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ready = confirmable(session.files).length;
  const busy = session.stage !== 'review';
  const several = session.files.length > 1;

  // A new import puts focus on its preview, so keyboard and screen-reader users land on what just appeared.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: false });
  }, [session.id]);

  const confirmLabel = ready <= 1 ? 'Import' : `Import ${ready} packs`;

  return (
    <section className="panel import-review" aria-labelledby="import-review-heading" aria-busy={busy}>
      <header className="import-review-header">
        <div>
          <h2 id="import-review-heading" ref={headingRef} tabIndex={-1}>
            {several ? `Review the import of ${session.files.length} files` : 'Review the import'}
          </h2>
          <p className="muted">{summaryLine(session)}</p>
        </div>
        <div className="actions">
          <button type="button" className="button" onClick={onCancel} disabled={session.stage === 'writing'}>
            {ready === 0 && !busy ? 'Close' : 'Cancel'}
          </button>
          <button type="button" className="button button-primary" onClick={() => onConfirm('all')} disabled={busy || ready === 0}>
            <Icon name="import" size={18} />
            {confirmLabel}
          </button>
        </div>
      </header>

      {session.progress ? <ImportProgress progress={session.progress} /> : null}

      {several ? (
        <ul className="file-list" aria-label="Files in this import">
          {session.files.map((file) => (
            <li key={file.key} className={file.status === 'refused' ? 'file-refused' : 'file-ok'}>
              <Icon name={file.status === 'refused' || file.status === 'invalid' ? 'warning' : 'file'} />
              {file.status === 'refused' ? (
                <span className="file-name">{file.fileName}</span>
              ) : (
                <a className="file-name" href={`#import-${file.key}`} onClick={(event) => jumpTo(event, `import-${file.key}`)}>
                  {file.fileName}
                </a>
              )}
              <span className="file-size">
                {formatBytes(file.bytes)} <StatusBadge status={file.status} />
              </span>
              {file.status === 'refused' && file.message ? <span className="file-error">{file.message}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="import-files">
        {session.files
          .map((file, index) => ({ file, index }))
          .filter(({ file }) => several ? file.status !== 'refused' : true)
          .map(({ file, index }) => (
            <FilePreviewCard
              key={file.key}
              file={file}
              canConfirm={!busy}
              showConfirm={several}
              onConfirm={() => onConfirm(index)}
              onReadList={(listKey, reading) => onReadList(file.key, listKey, reading)}
            />
          ))}
      </div>
    </section>
  );
}

/** In-page jump without touching the hash: the hash is the router's. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  event.preventDefault();
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}
