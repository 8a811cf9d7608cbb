import { formatBytes } from '../../platform/format-bytes';
import { usePlatform } from '../../app/app-services';
import { useStorageStatus } from './use-storage-status';

/** Whether the browser may evict the collection, and how much room it uses and has left. */
export function StorageSection() {
  const platform = usePlatform();
  const { status, error, askAgain } = useStorageStatus();
  const free = status?.usage !== undefined && status.quota !== undefined ? Math.max(0, status.quota - status.usage) : undefined;
  return (
    <section className="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {error ? <p className="error-line">Storage could not be read: {error}</p> : null}
      {status ? (
        <>
          <dl className="info-list">
            <div>
              <dt>Kept safe from clean-up</dt>
              <dd data-testid="storage-persisted">
                {status.persisted
                  ? platform.kind === 'electron'
                    ? 'Yes: your collection is in the app’s own data folder'
                    : 'Yes: the browser will not delete your collection to free space'
                  : 'No: when the disk runs low, the browser may delete your collection'}
              </dd>
            </div>
            {status.usage !== undefined ? (
              <div>
                <dt>Used</dt>
                <dd data-testid="storage-used">{formatBytes(status.usage)}</dd>
              </div>
            ) : null}
            {free !== undefined ? (
              <div>
                <dt>Free for Kata</dt>
                <dd data-testid="storage-free">{formatBytes(free)}</dd>
              </div>
            ) : null}
          </dl>
          {status.persisted ? null : (
            <div className="actions">
              <p className="muted">
                Browsers grant persistent storage to sites you use often or have installed; Kata asks at every start, and
                you can ask again here.
              </p>
              <button type="button" className="button" onClick={askAgain}>
                Ask for persistent storage
              </button>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
