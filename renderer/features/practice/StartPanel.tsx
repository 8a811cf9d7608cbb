import { useCallback, useEffect, useRef } from 'react';
import { useAppServices } from '../../app/app-services';
import { EmptyState } from '../../app/ui/EmptyState';
import type { Overview } from '../../state/practice/practice-session';
import { formatSeconds } from '../../../shared/schedule/auto-grade';
import { formatDue, plural } from './format';
import { hashForRequest } from './use-practice-request';
import type { PrimaryRef } from './use-primary-action';
import { usePrimaryAction } from './use-primary-action';

function titleOf(overview: Overview): string {
  switch (overview.request.mode) {
    case 'daily':
      return "Today's practice";
    case 'pack':
      return overview.pack ? `This pack now: ${overview.pack.title}` : 'This pack now';
    case 'weakest':
      return `Your ${overview.request.count} weakest cards`;
    case 'cards':
      return `These ${overview.request.ids.length} cards`;
  }
}

function leadOf(overview: Overview): string {
  switch (overview.request.mode) {
    case 'daily':
      return `Due reviews first (the ones closest to being forgotten), then new cards. Up to ${overview.newCardsPerDay} new cards and ${overview.maxReviewsPerDay} reviews a day.`;
    case 'pack':
      return 'Every card of this pack — due first, then new, then the rest — outside the daily limits.';
    case 'weakest':
      return 'The cards you have studied with the lowest chance of recall right now, outside the daily limits.';
    case 'cards':
      return 'The cards chosen on the Progress screen, in that order, outside the daily limits.';
  }
}

/** Before anything is imported: where practice comes from, and the daily limits. */
export function NothingToPractise({ newCards, reviews }: { newCards: number; reviews: number }) {
  return (
    <EmptyState icon="practice" title="Nothing to practise yet">
      <p>Import a checklist, then your daily drills appear here.</p>
      <p className="muted">
        Each day brings up to {newCards} new cards and {reviews} reviews. You can change both in <a href="#/settings">Settings</a>.
      </p>
      <div className="actions">
        <a className="button button-primary" href="#/library">
          Go to the Library
        </a>
      </div>
    </EmptyState>
  );
}

/** Before a session: what it holds, how long it should take, and the other sessions on offer. */
export function StartPanel({ overview, primary }: { overview: Overview; primary: PrimaryRef }) {
  const { practiceStore } = useAppServices();
  const startRef = useRef<HTMLButtonElement>(null);
  const start = useCallback(() => void practiceStore.getState().start(), [practiceStore]);
  usePrimaryAction(primary, overview.total > 0 ? start : null);
  const { request } = overview;
  const missingPack = request.mode === 'pack' && !overview.pack;

  useEffect(() => {
    // Only when nothing else has focus: after navigation the screen's heading keeps it (and Enter starts from there).
    if (document.activeElement === document.body) startRef.current?.focus();
  }, []);

  if (overview.perPack.length === 0) return <NothingToPractise newCards={overview.newCardsPerDay} reviews={overview.maxReviewsPerDay} />;

  return (
    <section className="panel start-panel" aria-labelledby="start-heading">
      <div className="panel-intro">
        <h2 id="start-heading">{titleOf(overview)}</h2>
        <p className="muted">{missingPack ? 'This pack is not among your active packs: it was deleted or archived.' : leadOf(overview)}</p>
      </div>

      <dl className="start-stats">
        <div>
          <dt>Due</dt>
          <dd>{overview.due}</dd>
        </div>
        <div>
          <dt>New</dt>
          <dd>{overview.fresh}</dd>
        </div>
        <div>
          <dt>Estimated time</dt>
          <dd>{overview.total === 0 ? '—' : `${overview.estimatedMinutes} min`}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd>{overview.streak === null ? '…' : plural(overview.streak, 'day')}</dd>
        </div>
      </dl>

      {overview.total > 0 ? (
        <>
          <p className="muted start-estimate">
            {overview.averageIsOwn
              ? `Estimated at your own average of ${formatSeconds(overview.averageMs)} per answer.`
              : `Estimated at ${formatSeconds(overview.averageMs)} per card until you have an average of your own.`}
          </p>
          <div className="actions">
            <button ref={startRef} type="button" className="button button-primary start-button" onClick={start}>
              Start: {plural(overview.total, 'card')} <kbd aria-hidden="true">Enter</kbd>
            </button>
          </div>
        </>
      ) : (
        <p className="start-done" role="status">
          {missingPack
            ? 'Nothing to practise here.'
            : overview.nextDue === null
              ? 'Nothing is due.'
              : `All done for now. The next card is due ${formatDue(overview.nextDue, overview.at)}.`}
        </p>
      )}

      {request.mode === 'daily' ? (
        <table className="data-table start-packs">
          <caption className="visually-hidden">Today's cards per pack</caption>
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col" className="numeric">
                Due
              </th>
              <th scope="col" className="numeric">
                New
              </th>
              <th scope="col" className="row-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.perPack.map((pack) => (
              <tr key={pack.packId}>
                <th scope="row">{pack.title}</th>
                <td className="numeric">{pack.due}</td>
                <td className="numeric">{pack.fresh}</td>
                <td className="row-actions">
                  {/* The visible words start the name (WCAG 2.5.3); the pack and its size follow for screen readers. */}
                  <a href={hashForRequest({ mode: 'pack', packId: pack.packId })}>
                    Practise now
                    <span className="visually-hidden">
                      : {pack.title} ({plural(pack.cards, 'card')})
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <nav className="start-other" aria-label="Other sessions">
        {request.mode !== 'daily' ? <a href={hashForRequest({ mode: 'daily' })}>Today's practice</a> : null}
        {request.mode !== 'weakest' ? (
          overview.hasStudied ? (
            <a href={hashForRequest({ mode: 'weakest', count: 20 })}>My 20 weakest cards</a>
          ) : (
            <span className="muted">My 20 weakest cards — after your first answers</span>
          )
        ) : null}
      </nav>
    </section>
  );
}
