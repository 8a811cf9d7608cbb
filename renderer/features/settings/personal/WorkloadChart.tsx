import { useId } from 'react';
import type { WorkloadPoint } from '../../../../shared/schedule/personal/workload';

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  return (steps.find((step) => step * magnitude >= value) ?? 10) * magnitude;
}

function perDay(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

/**
 * Expected reviews per day (mean over the next 30 days) against desired retention: a drawn SVG
 * line with the chosen retention marked, and the same numbers as a table for screen readers
 * (the drawing is hidden from them: the table says everything it does, in order).
 */
export function WorkloadChart({ points, chosen }: { points: readonly WorkloadPoint[]; chosen: number }) {
  const captionId = useId();
  if (points.length === 0) return null;
  const max = niceMax(Math.max(...points.map((p) => p.perDayMean)));
  const first = points[0]!.retention;
  const last = points[points.length - 1]!.retention;
  const x = (r: number): number => PAD.left + ((r - first) / Math.max(last - first, 1e-9)) * (WIDTH - PAD.left - PAD.right);
  const y = (n: number): number => HEIGHT - PAD.bottom - (n / max) * (HEIGHT - PAD.top - PAD.bottom);
  const line = points.map((p) => `${x(p.retention).toFixed(1)},${y(p.perDayMean).toFixed(1)}`).join(' ');
  const marked = points.find((p) => Math.abs(p.retention - chosen) < 0.005);
  const ticks = [0, max / 2, max];

  return (
    <figure className="workload-figure">
      <svg className="workload-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="workload-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text className="workload-label" x={PAD.left - 8} y={y(tick) + 4} textAnchor="end">
              {perDay(tick)}
            </text>
          </g>
        ))}
        {points
          .filter((_, i) => i % 3 === 0 || i === points.length - 1)
          .map((p) => (
            <text key={p.retention} className="workload-label" x={x(p.retention)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle">
              {p.retention.toFixed(2)}
            </text>
          ))}
        <text className="workload-label" x={(PAD.left + WIDTH - PAD.right) / 2} y={HEIGHT - 4} textAnchor="middle">
          Desired retention
        </text>
        <polyline className="workload-line" points={line} />
        {marked ? (
          <g>
            <line className="workload-marker" x1={x(marked.retention)} x2={x(marked.retention)} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
            <circle className="workload-point" cx={x(marked.retention)} cy={y(marked.perDayMean)} r={5} />
          </g>
        ) : null}
      </svg>
      <figcaption id={captionId} className="field-hint">
        Expected reviews per day over the next 30 days, for each desired retention
        {marked ? `; at ${marked.retention.toFixed(2)}, about ${perDay(marked.perDayMean)} a day` : ''}.
      </figcaption>
      {/* A table box ignores the 1px size of .visually-hidden (it grows to its content), so a block wraps it. */}
      <div className="visually-hidden">
      <table aria-describedby={captionId}>
        <caption>Expected reviews per day for each desired retention</caption>
        <thead>
          <tr>
            <th scope="col">Desired retention</th>
            <th scope="col">Reviews per day (mean of 30 days)</th>
            <th scope="col">Reviews on the busiest day</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.retention}>
              <th scope="row">{p.retention.toFixed(2)}</th>
              <td>{perDay(p.perDayMean)}</td>
              <td>{perDay(Math.max(...p.perDay))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
