import { useId } from 'react';
import { useAppServices } from '../../../app/app-services';
import { MIN_TRAINING_ITEMS } from '../../../../shared/schedule/personal/optimizer';
import { WORKLOAD_RETENTIONS } from '../../../../shared/schedule/personal/workload';
import type { PersonalProgress } from './personal-protocol';
import type { PersonalReport } from './use-personal-scheduling';
import { usePersonalScheduling } from './use-personal-scheduling';
import { WorkloadChart } from './WorkloadChart';

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

function day(at: number): string {
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

const PHASE_TEXT: Record<PersonalProgress['phase'], string> = {
  reading: 'Reading your answers',
  training: 'Training on the earlier answers',
  evaluating: 'Testing both on the held-out answers',
  workload: 'Working out the workload',
};

function TrainingProgressLine({ progress }: { progress?: PersonalProgress }) {
  const known = progress !== undefined && progress.total > 0;
  const text = !progress
    ? 'Starting…'
    : progress.phase === 'reading'
      ? `${PHASE_TEXT.reading}: ${count(progress.done)} of ${plural(progress.total, 'card', 'cards')}…`
      : progress.phase === 'training' && known && progress.done > 0
        ? `${PHASE_TEXT.training}: ${Math.min(100, Math.round((progress.done / progress.total) * 100))} %…`
        : `${PHASE_TEXT[progress.phase]}…`;
  return (
    <div className="check-progress">
      <progress aria-label="Training progress" max={known ? progress.total : 1} value={known ? progress.done : undefined} />
      <p className="status-line" aria-live="polite">
        {text}
      </p>
    </div>
  );
}

function metric(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

function ComparisonTable({ report }: { report: PersonalReport }) {
  const { defaults, personal, heldOut, trainedOn, cut } = report.comparison;
  return (
    <div className="personal-table-wrap">
      <table className="data-table personal-table">
        <caption className="personal-caption">
          Trained on {plural(trainedOn, 'answer', 'answers')} before {day(cut)}; both tested on the {plural(heldOut, 'answer', 'answers')} since
          (lower is better).
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="numeric">
              FSRS defaults
            </th>
            <th scope="col" className="numeric">
              Your parameters
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Log loss</th>
            <td className="numeric mono">{metric(defaults.logLoss)}</td>
            <td className="numeric mono">{metric(personal.logLoss)}</td>
          </tr>
          <tr>
            <th scope="row">RMSE(bins)</th>
            <td className="numeric mono">{metric(defaults.rmseBins)}</td>
            <td className="numeric mono">{metric(personal.rmseBins)}</td>
          </tr>
          <tr>
            <th scope="row">Held-out answers</th>
            <td className="numeric mono">{count(defaults.reviews)}</td>
            <td className="numeric mono">{count(personal.reviews)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * Personal scheduling: FSRS's parameters trained on the person's own answers (in a worker),
 * tested against the defaults on the latest answers, adopted only when they did better, and
 * the workload each desired retention would ask for.
 */
export function PersonalSchedulingSection() {
  const headingId = useId();
  const retentionId = useId();
  const { settingsStore } = useAppServices();
  const { status, statusError, phase, progress, report, error, workload, weights, desiredRetention, train, cancel, adopt, keep, goBack } =
    usePersonalScheduling();
  const running = phase === 'training';
  const readiness = status?.readiness;
  const inForce = weights !== null;
  const reportInForce = report !== undefined && weights !== null && report.weights.every((w, i) => w === weights[i]);

  return (
    <section className="panel personal-scheduling" aria-labelledby={headingId}>
      <h2 id={headingId}>Personal scheduling</h2>
      <p className="muted">
        FSRS predicts when you will forget a card with 21 parameters. Its defaults were fitted to many people&apos;s reviews; Kata can
        fit them to your own answers, test them on your latest answers against the defaults, and use them only if they predict you
        better.
      </p>
      <p>
        {statusError
          ? `Your answers could not be counted: ${statusError}`
          : !status || !readiness
            ? 'Counting your answers…'
            : readiness.enough
              ? `${plural(status.answers, 'answer', 'answers')}, ${count(readiness.targets)} of them reviews FSRS can learn from. Enough to train: the earlier ${count(readiness.training)} train, the latest ${count(readiness.heldOut)} test.`
              : `${plural(status.answers, 'answer', 'answers')}, ${count(readiness.targets)} of them reviews FSRS can learn from. Not enough yet: training needs ${MIN_TRAINING_ITEMS} before the latest fifth, which is kept to test on.`}
      </p>
      <p className="field-hint">
        A review FSRS can learn from is a drill answer on a card answered on an earlier day. Answers in simulations stay in each
        card&apos;s history but are not trained or tested on: they are graded against the scenario&apos;s clock.
      </p>
      <p>
        Scheduling with: <strong>{inForce ? 'your own parameters' : 'FSRS’s default parameters'}</strong>.
      </p>
      <div className="actions">
        {running ? (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button button-primary" disabled={!readiness?.enough} onClick={() => void train()}>
            {report ? 'Train again' : 'Train'}
          </button>
        )}
        {!running && inForce ? (
          <button type="button" className="button" onClick={() => void goBack()}>
            Go back to defaults
          </button>
        ) : null}
      </div>
      {running ? <TrainingProgressLine progress={progress} /> : null}
      {phase === 'cancelled' ? <p role="status">Training cancelled; nothing was changed.</p> : null}
      {error ? (
        <p className="error-line" role="alert">
          {error}
        </p>
      ) : null}
      {report && !running ? (
        <div className="personal-result">
          <ComparisonTable report={report} />
          <p role="status" className={report.decision.adopt ? 'check-ok' : undefined}>
            {report.decision.sentence}
          </p>
          <p className="field-hint">
            Trained {day(report.trainedAt)} in {(report.durationMs / 1000).toFixed(1)} s
            {report.threads > 1 ? ` on ${report.threads} threads` : ''}.
            {reportInForce ? ' These parameters are in force.' : report.kept ? ' You kept the parameters in force.' : ''}
          </p>
          {!reportInForce && !report.kept ? (
            <div className="actions">
              {report.decision.adopt ? (
                <button type="button" className="button button-primary" onClick={() => void adopt()}>
                  Adopt your parameters
                </button>
              ) : null}
              <button type="button" className="button" onClick={() => void keep()}>
                {inForce ? 'Keep the parameters in force' : 'Keep defaults'}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="personal-workload">
        <h3>Workload for a desired retention</h3>
        <p className="field-hint">
          Your studied cards scheduled forward with the parameters in force: a higher retention means more reviews. New cards add to
          this.
        </p>
        <div className="field">
          <label htmlFor={retentionId}>Retention to schedule with</label>
          <select
            id={retentionId}
            value={WORKLOAD_RETENTIONS.includes(desiredRetention) ? String(desiredRetention) : ''}
            onChange={(event) => {
              if (event.target.value !== '') void settingsStore.getState().set('desiredRetention', Number(event.target.value));
            }}
          >
            {WORKLOAD_RETENTIONS.includes(desiredRetention) ? null : <option value="">{desiredRetention.toFixed(2)} (off the chart)</option>}
            {WORKLOAD_RETENTIONS.map((r) => (
              <option key={r} value={String(r)}>
                {r.toFixed(2)}
              </option>
            ))}
          </select>
        </div>
        {workload ? <WorkloadChart points={workload} chosen={desiredRetention} /> : <p className="muted">Working out the workload…</p>}
      </div>
    </section>
  );
}
