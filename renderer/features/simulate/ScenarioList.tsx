import { useAppServices, useSimulate } from '../../app/app-services';
import { EmptyState } from '../../app/ui/EmptyState';
import type { ScenarioEntry } from '../../state/simulate/simulate-types';
import { levelName } from '../../../shared/simulate/levels';
import { whenWalked } from './format-duration';

/** Every pack that can be walked, with its coverage; today's rare incident first. */
export function ScenarioList({ now }: { now: number }) {
  const entries = useSimulate((state) => state.entries);
  const incident = useSimulate((state) => state.incident);
  if (entries.length === 0) {
    return (
      <EmptyState icon="simulate" title="No scenarios to walk yet">
        <p>Import a decision tree — a Mermaid flowchart or a Kata YAML tree — or a checklist, and its scenarios appear here.</p>
        <div className="actions">
          <a className="button button-primary" href="#/library">
            Go to the Library
          </a>
        </div>
      </EmptyState>
    );
  }
  const suggested = incident ? entries.find((entry) => entry.packId === incident.packId) : undefined;
  return (
    <>
      <section className="panel incident-card" aria-labelledby="incident-heading">
        <h2 id="incident-heading">Rare incident of the day</h2>
        {incident === undefined ? <p className="muted">Choosing today’s scenario…</p> : null}
        {incident === null ? <p className="muted">Nothing to suggest today.</p> : null}
        {incident && suggested ? (
          <div className="incident-body">
            <p className="incident-title">{suggested.title}</p>
            <p className="incident-reason">{incident.reason}</p>
            <div className="actions">
              <WalkButton entry={suggested} primary label={`Walk ${suggested.title}`} />
            </div>
          </div>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="scenarios-heading">
        <h2 id="scenarios-heading">Scenarios</h2>
        <ul className="scenario-list">
          {entries.map((entry) => (
            <ScenarioRow key={entry.packId} entry={entry} now={now} />
          ))}
        </ul>
      </section>
    </>
  );
}

/** "Walk", named with its pack for screen readers (the visible word starts the name). */
function WalkButton({ entry, primary = false, label }: { entry: ScenarioEntry; primary?: boolean; label: string }) {
  const { simulateStore } = useAppServices();
  return (
    <button type="button" className={`button${primary ? ' button-primary' : ''}`} onClick={() => void simulateStore.getState().brief(entry.packId)}>
      {label}
      {label === 'Walk' ? <span className="visually-hidden"> {entry.title}</span> : null}
    </button>
  );
}

function ScenarioRow({ entry, now }: { entry: ScenarioEntry; now: number }) {
  const { stats } = entry;
  const headingId = `scenario-${entry.packId}`;
  return (
    <li className="scenario-row" aria-labelledby={headingId}>
      <div className="scenario-main">
        <h3 id={headingId} className="scenario-title">
          {entry.title}
        </h3>
        <p className="scenario-meta">
          {[
            entry.kind === 'tree' ? 'Decision tree' : 'Checklist',
            entry.rarity,
            entry.criticality ? `${entry.criticality} criticality` : undefined,
            `last walked ${whenWalked(stats.lastWalkedAt, now)}${stats.bestScore !== undefined ? `, best ${stats.bestScore} / 100` : ''}`,
            entry.ladder ? `on the ladder: ${entry.ladder.name}` : undefined,
            `next at level ${entry.suggestedLevel}, ${levelName(entry.suggestedLevel)}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <CoverageLine entry={entry} />
      </div>
      <WalkButton entry={entry} label="Walk" />
    </li>
  );
}

/** "Paths walked: 2 of 5 · never reached: Restore from the replica, …" */
export function CoverageLine({ entry }: { entry: ScenarioEntry }) {
  if (entry.sections) {
    const { walked, total } = entry.sections;
    return <p className="coverage-line">{total > 0 ? `Sections performed: ${walked} of ${total}` : 'Not performed yet as a whole'}</p>;
  }
  const coverage = entry.coverage;
  if (!coverage) return null;
  const total = `${coverage.total}${coverage.truncated ? '+' : ''}`;
  const names = coverage.neverReached.slice(0, 3).map((id) => entry.outcomeTexts?.[id] ?? id);
  const more = coverage.neverReached.length - names.length;
  return (
    <p className="coverage-line">
      <span>
        Paths walked: {coverage.walked} of {total}
      </span>
      {coverage.neverReached.length > 0 ? (
        <span>
          {' · '}never reached: {names.join('; ')}
          {more > 0 ? ` and ${more} more` : ''}
        </span>
      ) : coverage.total > 0 ? (
        <span> · every outcome reached</span>
      ) : null}
    </p>
  );
}
