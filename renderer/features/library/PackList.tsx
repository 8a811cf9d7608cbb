import type { PackRecord } from '../../../shared/model';
import type { PackActions } from './PackRow';
import { PackRow } from './PackRow';

/** The library's packs: active ones in a list, archived ones in a section that opens on demand. */
export function PackList({
  active,
  archived,
  now,
  actions,
}: {
  active: readonly PackRecord[];
  archived: readonly PackRecord[];
  now: number;
  actions: PackActions;
}) {
  return (
    <>
      <section className="panel pack-panel" aria-labelledby="packs-heading">
        <h2 id="packs-heading" tabIndex={-1}>
          Your packs <span className="heading-count">{active.length}</span>
        </h2>
        {active.length > 0 ? (
          <ul className="pack-list">
            {active.map((pack) => (
              <PackRow key={pack.id} pack={pack} now={now} actions={actions} />
            ))}
          </ul>
        ) : (
          <p className="muted">No active packs. Import a file, or unarchive a pack below.</p>
        )}
      </section>
      {archived.length > 0 ? (
        <details className="panel archived-panel">
          <summary>
            <h2>
              Archived packs <span className="heading-count">{archived.length}</span>
            </h2>
            <span className="muted">Hidden from practice; their history is kept.</span>
          </summary>
          <ul className="pack-list">
            {archived.map((pack) => (
              <PackRow key={pack.id} pack={pack} now={now} actions={actions} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
