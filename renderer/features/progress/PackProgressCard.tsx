import { useId, useState } from 'react';
import type { PackProgress } from '../../../shared/progress/progress-report';
import type { PackCoverage } from '../../../shared/simulate/pack-coverage';
import { LADDER_NAMES } from '../../../shared/progress/ladder';
import { LevelChart } from './charts/LevelChart';
import { longDate, percent, plural } from './format';
import { SelfRatingForm } from './SelfRatingForm';
import { TargetForm } from './TargetForm';

const WEEK_MS = 7 * 86_400_000;

function coverageText(coverage: PackCoverage | undefined): string | null {
  if (!coverage) return null;
  if (coverage.kind === 'sections') return coverage.total > 0 ? `Sections performed: ${coverage.walked} of ${coverage.total}.` : null;
  const c = coverage.coverage;
  const never = c.neverReached.length;
  return `Paths walked: ${c.walked} of ${c.total}${c.truncated ? '+' : ''}${never > 0 ? `; ${plural(never, 'outcome')} never reached` : ''}.`;
}

/** Whether to ask for this week's self-rating: practised, and not rated in the last seven days. */
export function ratingDue(pack: PackProgress, now: number): boolean {
  const practised = pack.recall.studied > 0 || pack.simulations > 0;
  const last = pack.selfRating?.at;
  return practised && (last === undefined || now - last >= WEEK_MS);
}

/** One pack: its level and why, the next step, "alone tonight?", coverage, level over time, the self-rating and the target. */
export function PackProgressCard({ pack, coverage, now }: { pack: PackProgress; coverage: PackCoverage | undefined; now: number }) {
  const headingId = useId();
  const [rating, setRating] = useState<'prompt' | 'open' | 'closed'>(ratingDue(pack, now) ? 'prompt' : 'closed');
  const covered = coverageText(coverage);
  const self = pack.selfRating;
  return (
    <article className="panel pack-progress" aria-labelledby={headingId}>
      <header className="pack-progress-head">
        <h3 id={headingId}>{pack.title}</h3>
        <span className={`level-badge level-${pack.placement.level}`}>
          Level {pack.placement.level} · {pack.placement.name}
        </span>
      </header>
      <p>{pack.placement.why}</p>
      {pack.placement.next ? (
        <p className="next-step">
          <span className="progress-label">Next</span> {pack.placement.next}
        </p>
      ) : null}
      <div className={`tonight tonight-${pack.tonight.answer.replace(' ', '-')}`}>
        <p>
          <span className="progress-label">Could I do this alone tonight?</span> <strong>{pack.tonight.answer === 'not yet' ? 'Not yet' : pack.tonight.answer === 'yes' ? 'Yes' : 'Probably'}</strong>
        </p>
        <ul>
          {pack.tonight.evidence.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <dl className="info-list pack-figures">
        <div>
          <dt>Recall now</dt>
          <dd>
            {percent(pack.recall.studiedRetrievability)} of {plural(pack.recall.studied, 'studied card')} (of {pack.recall.cards})
          </dd>
        </div>
        <div>
          <dt>Drill accuracy</dt>
          <dd>
            {pack.accuracy.drill.answers === 0 ? 'No drill answers in the last weeks' : `${percent(pack.accuracy.drill.share)} of ${pack.accuracy.drill.answers} recent`}
          </dd>
        </div>
        <div>
          <dt>Simulations</dt>
          <dd>
            {pack.simulations} finished · {pack.independence.successes} of the last {pack.independence.recent} unaided and in time
          </dd>
        </div>
        {covered ? (
          <div>
            <dt>Coverage</dt>
            <dd>{covered}</dd>
          </div>
        ) : null}
      </dl>
      <h4>Level over time</h4>
      <LevelChart pack={pack} now={now} />
      <p className="self-rating-line" aria-live="polite">
        <span className="progress-label">Your own rating</span>{' '}
        {self ? `${self.level} ${LADDER_NAMES[self.level]}, on ${longDate(self.at, now)}${self.note ? ` (“${self.note}”)` : ''}.` : 'Not rated yet.'}{' '}
        {rating === 'closed' ? (
          <button type="button" className="button button-small no-print" onClick={() => setRating('open')}>
            Rate it now<span className="visually-hidden">: {pack.title}</span>
          </button>
        ) : null}
      </p>
      {rating !== 'closed' ? (
        <div className="self-rating-prompt no-print">
          {rating === 'prompt' ? <p className="muted">{self ? 'A week since your last rating:' : 'Your weekly check:'} where would you put yourself?</p> : null}
          <SelfRatingForm packId={pack.packId} question={`Your level on ${pack.title}`} onSaved={() => setRating('closed')} onCancel={() => setRating('closed')} />
        </div>
      ) : null}
      <TargetForm pack={pack} now={now} />
    </article>
  );
}
