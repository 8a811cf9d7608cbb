import { useId } from 'react';
import type { CheckProgress, DriftedCard } from './check-protocol';
import { fieldLabel, formatCount, formatField } from './drift-format';
import { useCheckCollection } from './use-check-collection';

/** Drifted cards shown in the table; all of them are counted and repaired. */
const SHOWN_ROWS = 50;

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function ProgressLine({ progress, label }: { progress?: CheckProgress; label: string }) {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const text =
    progress?.phase === 'repair'
      ? `Repaired ${formatCount(done)} of ${plural(total, 'card', 'cards')}…`
      : progress
        ? `Checked ${formatCount(done)} of ${plural(total, 'card', 'cards')} · ${plural(progress.events, 'answer', 'answers')} replayed · ${formatCount(progress.drifted)} differ so far`
        : 'Starting…';
  return (
    <div className="check-progress">
      <progress aria-label={label} max={Math.max(total, 1)} value={progress ? done : undefined} />
      <p className="status-line" aria-live="polite">
        {text}
      </p>
    </div>
  );
}

function DriftTable({ drifted, total }: { drifted: DriftedCard[]; total: number }) {
  const shown = drifted.slice(0, SHOWN_ROWS);
  return (
    <div className="drift-table-wrap">
      <table className="data-table drift-table">
        <caption className="visually-hidden">Cards whose stored schedule differs from their answers</caption>
        <thead>
          <tr>
            <th scope="col">Card</th>
            <th scope="col">Pack</th>
            <th scope="col">Field</th>
            <th scope="col">Stored</th>
            <th scope="col">From answers</th>
          </tr>
        </thead>
        {/* One body per card, one row per differing field, so stored and expected values line up. */}
        {shown.map((card) => (
          <tbody key={card.cardId}>
            {card.fields.map((field, index) => (
              <tr key={field}>
                {index === 0 ? (
                  <>
                    <td rowSpan={card.fields.length}>
                      <span className="drift-card-text">{card.itemText ?? card.itemKey}</span>
                      <span className="drift-card-kind">{card.kind}</span>
                    </td>
                    <td rowSpan={card.fields.length}>{card.packTitle}</td>
                  </>
                ) : null}
                <td className="drift-field">{fieldLabel(field)}</td>
                <td className="drift-value mono">{formatField(field, card.stored)}</td>
                <td className="drift-value mono">{formatField(field, card.expected)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {total > shown.length ? (
        <p className="muted">
          {plural(total - shown.length, 'more card differs', 'more cards differ')}; Repair fixes them all.
        </p>
      ) : null}
    </div>
  );
}

/**
 * Check collection: replays every card's answers through FSRS (in a worker) and
 * lists the cards whose stored schedule differs; Repair rewrites them.
 */
export function CheckCollectionSection() {
  const headingId = useId();
  const { phase, progress, report, repairResult, cancelled, error, check, repair, cancel } = useCheckCollection();
  const running = phase === 'checking' || phase === 'repairing';
  const driftCount = report?.driftedIds.length ?? 0;

  return (
    <section className="panel check-collection" aria-labelledby={headingId}>
      <h2 id={headingId}>Check collection</h2>
      <p className="muted">
        Every answer you give is kept; a card&apos;s schedule is worked out from them. The check replays each card&apos;s
        answers through FSRS and lists any card whose stored schedule differs.
      </p>
      <p className="field-hint">
        Each answer is replayed with the scheduling settings in force when you gave it: changing retention, maximum
        interval, fuzz or steps later does not count as a difference. A difference means a stored schedule no longer
        matches your answers; Repair rewrites it from them.
      </p>
      <div className="actions">
        {running ? (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={() => void check()}>
            {report ? 'Check again' : 'Check collection'}
          </button>
        )}
        {!running && phase === 'checked' && driftCount > 0 ? (
          <button type="button" className="button" onClick={() => void repair()}>
            Repair {plural(driftCount, 'card', 'cards')}
          </button>
        ) : null}
      </div>
      {running ? (
        <ProgressLine progress={progress} label={phase === 'repairing' ? 'Repair progress' : 'Check progress'} />
      ) : null}
      <div role="status" className="check-result">
        {phase === 'checked' && report ? (
          report.cards === 0 ? (
            <p>Your collection has no cards yet: there is nothing to check.</p>
          ) : driftCount === 0 ? (
            <p className="check-ok">
              All {plural(report.cards, 'card matches', 'cards match')} {plural(report.events, 'answer', 'answers')}.
              {report.orphanEvents > 0 ? ` ${plural(report.orphanEvents, 'answer belongs', 'answers belong')} to cards that no longer exist.` : ''}
            </p>
          ) : (
            <p>
              {plural(driftCount, 'card differs', 'cards differ')} from {driftCount === 1 ? 'its' : 'their'} answers (of{' '}
              {plural(report.cards, 'card', 'cards')} and {plural(report.events, 'answer', 'answers')} checked).
            </p>
          )
        ) : null}
        {phase === 'repaired' && repairResult ? (
          <p className="check-ok">
            Repaired {plural(repairResult.repaired, 'card', 'cards')}. Check again to confirm the collection matches.
          </p>
        ) : null}
        {phase === 'cancelled' ? (
          <p>
            {cancelled === 'repair'
              ? `Repair cancelled after ${plural(progress?.done ?? 0, 'card', 'cards')}; the cards repaired so far keep their new schedule.`
              : `Check cancelled after ${plural(progress?.done ?? 0, 'card', 'cards')}.`}
          </p>
        ) : null}
      </div>
      {error ? (
        <p className="error-line" role="alert">
          {error}
        </p>
      ) : null}
      {report && driftCount > 0 && (phase === 'checked' || phase === 'repairing') ? (
        <DriftTable drifted={report.drifted} total={driftCount} />
      ) : null}
    </section>
  );
}
