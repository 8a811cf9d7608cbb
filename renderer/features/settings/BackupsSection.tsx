/**
 * Settings › Collection and backups: export the whole collection to a file, restore one (checked
 * first, shown, confirmed; the current collection is backed up before it is replaced), and the
 * backups kept automatically, each of which can be restored or saved elsewhere.
 */
import { useRef } from 'react';
import { TABLE_ORDER } from '../../../shared/collection-export/tables';
import type { ExportTable } from '../../../shared/collection-export/tables';
import { formatBytes } from '../../platform/format-bytes';
import type { CollectionPhase } from './use-collection';
import { useCollection } from './use-collection';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const count = new Intl.NumberFormat();

const TABLE_WORDS: Record<ExportTable, string> = {
  settings: 'settings',
  packs: 'packs',
  items: 'items',
  cards: 'cards',
  events: 'answers',
  attempts: 'simulation attempts',
  assessments: 'self-assessments',
  levelHistory: 'recorded levels',
};

const LOCATION_WORDS = {
  'user-data': 'Backups are files in the app’s data folder (see App info).',
  'browser-files': 'Backups are kept in this browser’s private files for this site, apart from the collection itself. Clearing this site’s data deletes them too: export the collection to a file now and then.',
  'browser-database': 'This browser offers no private files, so backups are kept in its database beside the collection. Export the collection to a file now and then: it is the only copy that survives clearing this site’s data.',
} as const;

function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div className="check-progress">
      <progress aria-label={label} max={Math.max(total, 1)} value={total > 0 ? done : undefined} />
      <span>
        {total > 0 ? `${count.format(done)} of ${count.format(total)} records` : 'Starting…'}
      </span>
    </div>
  );
}

function PhaseView({ phase, onConfirm, onCancel }: { phase: CollectionPhase; onConfirm: () => void; onCancel: () => void }) {
  if (phase.kind === 'exporting') return <Progress label="Export progress" done={phase.done} total={phase.total} />;
  if (phase.kind === 'backing-up') return <Progress label="Backup progress" done={phase.done} total={phase.total} />;
  if (phase.kind === 'checking') return <p className="status-line">Checking {phase.label}… {count.format(phase.records)} records read.</p>;
  if (phase.kind === 'restoring') return <Progress label="Restore progress" done={phase.records} total={phase.total} />;
  if (phase.kind === 'restored') return <p className="status-line">{phase.label} was restored. Reloading…</p>;
  if (phase.kind !== 'confirm') return null;
  const { header, counts } = phase.summary;
  return (
    <div className="restore-confirm" role="group" aria-labelledby="restore-confirm-heading">
      <h3 id="restore-confirm-heading">Restore {phase.label}?</h3>
      <p>
        Exported {dateTime.format(Date.parse(header.createdAt))} by Kata {header.appVersion}. The file is whole and checked. It holds:
      </p>
      <ul>
        {TABLE_ORDER.map((table) => (
          <li key={table}>
            {count.format(counts[table])} {TABLE_WORDS[table]}
          </li>
        ))}
      </ul>
      <p>Your current collection is backed up first, then replaced by this one.</p>
      <div className="actions">
        <button type="button" className="button" onClick={onConfirm}>
          Replace my collection with this one
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function BackupsSection() {
  const state = useCollection();
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = state.phase.kind !== 'idle' && state.phase.kind !== 'confirm';

  return (
    <section className="panel" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Collection and backups</h2>
      <p className="muted">
        An export is your whole collection in one file — packs, cards, every answer and simulation, self-assessments and
        settings — to keep elsewhere, move to another machine, or read with <code>kata report</code>.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void state.exportToFile()} disabled={busy || !state.available}>
          Export collection…
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy || !state.available}>
          Restore from a file…
        </button>
        <button type="button" className="button" onClick={() => void state.backupNow()} disabled={busy || !state.available}>
          Make a backup now
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".ndjson,application/x-ndjson"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void state.checkFile(file);
          }}
        />
      </div>
      <PhaseView phase={state.phase} onConfirm={() => void state.confirmRestore()} onCancel={state.cancel} />
      <p className="status-line" role="status">
        {state.message ?? ''}
      </p>
      {state.error ? (
        <p className="error-line" role="alert">
          {state.error}
        </p>
      ) : null}
      <h3>Backups</h3>
      <p className="muted">
        Made when the app starts (if the last is a day old), every 30 minutes of practice, before a restore and before the
        database is upgraded; the recent ones are kept, then one a day for 12 days, one a week for 10 weeks and one a month
        for 9 months. {state.location ? LOCATION_WORDS[state.location] : ''}
      </p>
      {state.backups === null ? null : state.backups.length === 0 ? (
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
            {state.backups.map((backup) => (
              <tr key={backup.id}>
                <td className="mono">{backup.name}</td>
                <td>{dateTime.format(backup.createdAt)}</td>
                <td className="numeric">{formatBytes(backup.bytes)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Restore ${backup.name} from ${dateTime.format(backup.createdAt)}`}
                    disabled={busy || !state.available}
                    onClick={() => void state.checkBackup(backup)}
                  >
                    Restore…
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Save a copy of ${backup.name}`}
                    onClick={() => void state.saveCopy(backup)}
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
