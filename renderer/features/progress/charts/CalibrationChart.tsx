import { Group } from '@visx/group';
import { scaleLinear, scaleSqrt } from '@visx/scale';
import type { PersonCalibration } from '../../../../shared/progress/metrics';
import type { ProgressReport } from '../../../../shared/progress/progress-report';
import { figure, percent } from '../format';
import { ChartTable } from './HiddenTable';

const SIZE = 260;
const PAD = { left: 40, right: 20, top: 12, bottom: 36 };

function overUnder(person: PersonCalibration): string {
  if (person.overconfidence === null) return 'no confidence stated before a simulation yet';
  if (Math.abs(person.overconfidence) < 0.05) return 'about as sure as your results warrant';
  return person.overconfidence > 0 ? `over-confident by ${percent(person.overconfidence)}` : `under-confident by ${percent(-person.overconfidence)}`;
}

/**
 * The reliability diagram: stated or predicted recall against what happened, the diagonal
 * being perfect. Circles are the scheduler's predictions (by tenths, sized by reviews),
 * squares the person's confidence before simulations (by fifths).
 */
export function CalibrationChart({ person, scheduler }: { person: PersonCalibration; scheduler: ProgressReport['scheduler'] }) {
  const inner = SIZE - PAD.left - PAD.right;
  const innerHeight = SIZE - PAD.top - PAD.bottom;
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, inner] });
  const y = scaleLinear<number>({ domain: [0, 1], range: [innerHeight, 0] });
  const maxN = Math.max(1, ...scheduler.reliability.map((p) => p.n), ...person.bins.map((b) => b.n));
  const radius = scaleSqrt<number>({ domain: [0, maxN], range: [2, 9] });
  const ticks = [0, 0.5, 1];
  return (
    <div className="calibration">
      <figure className="progress-figure calibration-figure">
        <svg className="progress-chart calibration-chart" viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true" focusable="false">
          <Group left={PAD.left} top={PAD.top}>
            {ticks.map((tick) => (
              <g key={tick}>
                <line className="chart-grid" x1={0} x2={inner} y1={y(tick)} y2={y(tick)} />
                <text className="chart-label" x={-6} y={y(tick) + 4} textAnchor="end">
                  {tick * 100}%
                </text>
                <text className="chart-label" x={x(tick)} y={innerHeight + 16} textAnchor="middle">
                  {tick * 100}%
                </text>
              </g>
            ))}
            <line className="chart-diagonal" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} />
            {scheduler.reliability.map((point) => (
              <circle key={`s${point.predicted}`} className="chart-dot" cx={x(point.predicted)} cy={y(point.actual)} r={radius(point.n)} />
            ))}
            {person.bins
              .filter((bin) => bin.n > 0)
              .map((bin) => {
                const r = radius(bin.n);
                return <rect key={`p${bin.from}`} className="chart-dot chart-dot-second" x={x(bin.confidence) - r} y={y(bin.resolved) - r} width={r * 2} height={r * 2} />;
              })}
            <text className="chart-label" x={inner / 2} y={innerHeight + 32} textAnchor="middle">
              Predicted or stated
            </text>
          </Group>
        </svg>
        <figcaption className="field-hint">
          <span className="legend-swatch legend-dot" aria-hidden="true" /> the scheduler's predicted recall, <span className="legend-swatch legend-square" aria-hidden="true" /> your confidence; up is what
          happened. On the diagonal is perfect.
        </figcaption>
      </figure>
      <dl className="info-list calibration-figures">
        <div>
          <dt>Your confidence before simulations</dt>
          <dd>
            Brier {figure(person.brier)} over {person.n} · {overUnder(person)}
          </dd>
        </div>
        <div>
          <dt>The scheduler's predicted recall</dt>
          <dd>
            log loss {figure(scheduler.logLoss, 3)}, RMSE(bins) {figure(scheduler.rmseBins, 3)} over {scheduler.reviews} reviews in the last year · predicted {percent(scheduler.predicted)}, happened {percent(scheduler.actual)}
          </dd>
        </div>
      </dl>
      <ChartTable
        caption="Predicted or stated recall against what happened"
        columns={['Of', 'Predicted or stated', 'Happened', 'Count']}
        rows={[
          ...scheduler.reliability.map((p) => ['The scheduler', percent(p.predicted), percent(p.actual), p.n]),
          ...person.bins.filter((b) => b.n > 0).map((b) => ['You', percent(b.confidence), percent(b.resolved), b.n]),
        ]}
      />
    </div>
  );
}
