import { formatBytes } from '../../platform/format-bytes';
import { useBackups } from './use-backups';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function BackupsSection() {
  const { backups, loading, busy, message, error, makeBackup, saveCopy } = useBackups();

  return (
    <section className="panel" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p className="muted">
        A backup is a snapshot kept with the app. For now it holds your settings; your packs and review history join it
        as they arrive.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void makeBackup()} disabled={busy}>
          {busy ? 'Making a backup…' : 'Make a backup now'}
        </button>
      </div>
      <p className="status-line" role="status">
        {message ?? ''}
      </p>
      {error ? (
        <p className="error-line" role="alert">
          {error}
        </p>
      ) : null}
      {loading ? null : backups.length === 0 ? (
        <p className="muted">No backups yet.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Made</th>
              <th scope="col" className="numeric">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.id}>
                <td className="mono">{backup.name}</td>
                <td>{dateTime.format(backup.createdAt)}</td>
                <td className="numeric">{formatBytes(backup.bytes)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Save a copy of ${backup.name}`}
                    onClick={() => void saveCopy(backup)}
                  >
                    Save a copy…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
