import { useEffect, useId, useRef, useState } from 'react';
import type { PackRecord } from '../../../../shared/model';
import { Icon } from '../../../app/ui/Icon';
import { formatBytes } from '../../../platform/format-bytes';
import type { ImportFile } from '../../../platform/platform';
import { describeCounts, FOLDER_FILE_STATUS_LABELS } from './folder-status';
import type { FolderFileView } from './folder-status';
import { useLibraryFolders } from './use-library-folders';
import type { FolderEntry, LibraryFoldersView } from './use-library-folders';
import '../../../styles/folders.css';

export interface FoldersPanelProps {
  packs: PackRecord[];
  onImport(files: ImportFile[]): void;
}

/** What the browser build shows instead of the feature. */
export const FOLDERS_UNAVAILABLE_NOTE =
  "Library folders are available in the desktop app: Kata then watches a folder such as your team's runbook repository and offers re-imports when files change.";

/**
 * Library folders: the folders the person chose to watch, their importable files,
 * and whether each is imported, up to date or changed. Paths and names are shown as
 * text, never as HTML.
 */
export function FoldersPanel({ packs, onImport }: FoldersPanelProps) {
  const view = useLibraryFolders({ packs, onImport });
  const headingId = useId();

  if (!view.supported) {
    return (
      <section className="panel folders-panel" aria-labelledby={headingId}>
        <h2 id={headingId}>Library folders</h2>
        <p className="muted">{FOLDERS_UNAVAILABLE_NOTE}</p>
      </section>
    );
  }

  return (
    <section className="panel folders-panel" aria-labelledby={headingId}>
      <div className="folders-header">
        <div>
          <h2 id={headingId}>Library folders</h2>
          <p className="muted">
            Kata lists the checklists and decision trees in these folders, notices when a file changes, and offers to
            re-import it. Files are read on this computer; nothing leaves it.
          </p>
        </div>
        <button type="button" className="button" onClick={view.addFolder} disabled={view.adding}>
          <Icon name="library" size={18} />
          {view.adding ? 'Choosing a folder…' : 'Add folder…'}
        </button>
      </div>
      <p className="status-line" role="status">
        {view.status}
      </p>
      {view.error ? (
        <p className="error-line" role="alert">
          {view.error}
        </p>
      ) : null}
      {view.loading ? (
        <p className="muted">Loading your library folders…</p>
      ) : view.folders.length === 0 ? (
        <p className="muted">No folders yet. Add one, such as your team&apos;s runbook repository.</p>
      ) : (
        <ul className="folder-list">
          {view.folders.map((entry) => (
            <FolderItem key={entry.folder.id} entry={entry} view={view} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FolderItem({ entry, view }: { entry: FolderEntry; view: LibraryFoldersView }) {
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const { folder, counts } = entry;
  const busy = view.importingFolderId === folder.id;

  // Keyboard users land on the choice they just opened, and back on "Remove…" when they cancel.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      removeRef.current?.focus();
    }
  }, [confirming]);

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };

  return (
    <li className="folder-item">
      <section aria-labelledby={headingId}>
        <div className="folder-item-header">
          <div className="folder-title">
            <h3 id={headingId}>{folder.name}</h3>
            <span className="folder-path mono">{folder.path}</span>
          </div>
          {confirming ? (
            <div
              className="folder-confirm"
              role="group"
              aria-label={`Remove ${folder.name}?`}
              onKeyDown={(event) => {
                if (event.key === 'Escape') cancel();
              }}
            >
              <span>Remove {folder.name} from Kata? Its files stay where they are.</span>
              <button
                ref={confirmRef}
                type="button"
                className="button button-small"
                onClick={() => {
                  setConfirming(false);
                  view.removeFolder(folder.id);
                }}
              >
                Remove folder
              </button>
              <button type="button" className="button button-small" onClick={cancel}>
                Keep it
              </button>
            </div>
          ) : (
            <button
              ref={removeRef}
              type="button"
              className="button button-small"
              aria-label={`Remove folder ${folder.name}`}
              onClick={() => setConfirming(true)}
            >
              Remove…
            </button>
          )}
        </div>

        {entry.error ? (
          <p className="error-line">{entry.error}</p>
        ) : entry.files === null ? (
          <p className="muted">{entry.scanning ? 'Looking for importable files…' : 'Not listed yet.'}</p>
        ) : (
          <>
            <p className="folder-summary">
              {describeCounts(entry.files.length, counts)}
              {entry.truncated ? ' Kata lists only the first files of a folder this large.' : ''}
              {entry.scanning ? <span className="muted"> Checking for changes…</span> : null}
            </p>
            {counts['not-imported'] > 0 || counts.changed > 0 ? (
              <div className="actions">
                {counts['not-imported'] > 0 ? (
                  <button
                    type="button"
                    className="button button-primary button-small"
                    disabled={busy}
                    onClick={() => view.importAll(folder.id, 'not-imported')}
                  >
                    Import all new ({counts['not-imported']})
                  </button>
                ) : null}
                {counts.changed > 0 ? (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    onClick={() => view.importAll(folder.id, 'changed')}
                  >
                    Review all changed ({counts.changed})
                  </button>
                ) : null}
              </div>
            ) : null}
            {entry.files.length > 0 ? (
              <FolderFiles folderId={folder.id} folderName={folder.name} files={entry.files} busy={busy} view={view} />
            ) : null}
          </>
        )}
      </section>
    </li>
  );
}

function FolderFiles({
  folderId,
  folderName,
  files,
  busy,
  view,
}: {
  folderId: string;
  folderName: string;
  files: FolderFileView[];
  busy: boolean;
  view: LibraryFoldersView;
}) {
  return (
    <table className="data-table folder-files">
      <caption className="visually-hidden">Importable files in {folderName}</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col" className="numeric">
            Size
          </th>
          <th scope="col">Status</th>
          <th scope="col" className="row-actions">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map(({ file, status }) => (
          <tr key={file.relativePath} className={`folder-file folder-file-${status}`}>
            <th scope="row" className="folder-file-path">
              {file.relativePath}
            </th>
            <td className="numeric">{formatBytes(file.bytes)}</td>
            <td>
              <span className={`file-status file-status-${status}`}>
                {status === 'changed' || status === 'unreadable' ? <Icon name="warning" size={16} /> : null}
                {FOLDER_FILE_STATUS_LABELS[status]}
              </span>
              {file.error !== undefined ? <span className="file-status-reason">{file.error}</span> : null}
            </td>
            <td className="row-actions">
              {status === 'not-imported' ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  aria-label={`Import ${file.relativePath}`}
                  onClick={() => view.importFile(folderId, file)}
                >
                  Import
                </button>
              ) : status === 'changed' ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  aria-label={`Review changes to ${file.relativePath}`}
                  onClick={() => view.importFile(folderId, file)}
                >
                  Review changes
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
