import { useId } from 'react';
import type { MouseEvent } from 'react';
import type { ListReading } from '../../../shared/model';
import type { ImportSession } from '../../state/library/import-session';
import { confirmable } from '../../state/library/import-session';
import { formatBytes } from '../../platform/format-bytes';
import { Icon } from '../../app/ui/Icon';
import { FilePreviewCard, StatusBadge } from './FilePreviewCard';
import { ImportProgress } from './ImportProgress';
import { ModalDialog } from './ModalDialog';
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
 * The import preview, as a modal dialog: every file of the session, what it
 * becomes and what is wrong with it, and the one place to confirm (all, or file
 * by file) or cancel. Escape cancels: nothing that was not confirmed is written.
 * Focus starts on the title, so the summary is read first, and goes back to the
 * control that started the import (or `returnFocusTo`) when the review closes.
 * The parent keys it by session: a new import is a new review.
 */
export function ImportReview({
  session,
  onConfirm,
  onCancel,
  returnFocusTo,
  onReadList,
}: {
  session: ImportSession;
  onConfirm: (which: number | 'all') => void;
  onCancel: () => void;
  returnFocusTo?: () => HTMLElement | null | undefined;
  /** Reads a list of a file (by the file's key) as steps or notes. */
  onReadList: (fileKey: string, listKey: string, reading: ListReading) => void;
}) {
  const summaryId = useId();
  const ready = confirmable(session.files).length;
  const busy = session.stage !== 'review';
  const several = session.files.length > 1;
  const confirmLabel = ready <= 1 ? 'Import' : `Import ${ready} packs`;

  return (
    <ModalDialog
      title={several ? `Review the import of ${session.files.length} files` : 'Review the import'}
      onClose={onCancel}
      className="import-review"
      describedBy={summaryId}
      busy={busy}
      focusTitle
      returnFocusTo={returnFocusTo}
    >
      <p id={summaryId} className="muted import-review-summary" role="status">
        {summaryLine(session)}
      </p>

      {session.progress ? <ImportProgress progress={session.progress} /> : null}

      <div className="import-review-body">
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
            .filter(({ file }) => (several ? file.status !== 'refused' : true))
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
      </div>

      <div className="modal-actions import-review-actions">
        <button type="button" className="button" onClick={onCancel} disabled={session.stage === 'writing'}>
          {ready === 0 && !busy ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className="button button-primary" onClick={() => onConfirm('all')} disabled={busy || ready === 0}>
          <Icon name="import" size={18} />
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
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
