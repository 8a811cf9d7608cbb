import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import type { WeekAutomaticity } from '../../../../shared/progress/activity';
import { dayMonth, figure, seconds } from '../format';
import { ChartTable } from './HiddenTable';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 44, right: 44, top: 12, bottom: 26 };
/** Weeks drawn: half a year is enough to see a trend, and keeps the labels readable. */
const WEEKS = 26;

/**
 * Median time of correct drill answers per week (solid, seconds on the left) and its
 * coefficient of variation (dashed, on the right): automatization lowers both, the CV most.
 */
export function AutomaticityChart({ weeks }: { weeks: readonly WeekAutomaticity[] }) {
  const shown = weeks.filter((week) => week.medianMs !== null).slice(-WEEKS);
  if (shown.length === 0) return <p className="muted">No correct drill answers yet to time.</p>;
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const firstWeek = shown[0]!.week;
  const lastWeek = shown.at(-1)!.week;
  const x = scaleLinear<number>({ domain: [firstWeek, Math.max(lastWeek, firstWeek + 1)], range: [0, innerWidth] });
  const ms = scaleLinear<number>({ domain: [0, Math.max(1000, ...shown.map((w) => w.medianMs ?? 0))], range: [innerHeight, 0], nice: true });
  const cv = scaleLinear<number>({ domain: [0, Math.max(0.5, ...shown.map((w) => w.cv ?? 0))], range: [innerHeight, 0], nice: true });
  const first = shown[0]!;
  const last = shown.at(-1)!;
  const label = (week: number): string => `week of ${dayMonth(week * 7)}`;
  return (
    <figure className="progress-figure">
      <svg className="progress-chart automaticity-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <Group left={PAD.left} top={PAD.top}>
          {ms.ticks(3).map((tick) => (
            <g key={tick}>
              <line className="chart-grid" x1={0} x2={innerWidth} y1={ms(tick)} y2={ms(tick)} />
              <text className="chart-label" x={-6} y={ms(tick) + 4} textAnchor="end">
                {(tick / 1000).toFixed(tick % 1000 === 0 ? 0 : 1)} s
              </text>
            </g>
          ))}
          {cv.ticks(3).map((tick) => (
            <text key={tick} className="chart-label" x={innerWidth + 6} y={cv(tick) + 4}>
              {tick.toFixed(1)}
            </text>
          ))}
          {[firstWeek, lastWeek].map((week) => (
            <text key={week} className="chart-label" x={x(week)} y={innerHeight + 18} textAnchor={week === firstWeek ? 'start' : 'end'}>
              {dayMonth(week * 7)}
            </text>
          ))}
          <LinePath className="chart-line" data={shown} x={(w) => x(w.week)} y={(w) => ms(w.medianMs ?? 0)} />
          <LinePath className="chart-line chart-line-second" data={shown.filter((w) => w.cv !== null)} x={(w) => x(w.week)} y={(w) => cv(w.cv ?? 0)} />
        </Group>
      </svg>
      <figcaption className="field-hint">
        <span className="legend-swatch legend-line" aria-hidden="true" /> Median time of right answers (left axis), <span className="legend-swatch legend-dashed" aria-hidden="true" /> its
        coefficient of variation (right axis), per week: from {seconds(first.medianMs)} (CV {figure(first.cv)}) {label(first.week)} to {seconds(last.medianMs)} (CV {figure(last.cv)}) {label(last.week)}.
      </figcaption>
      <ChartTable
        caption="Automaticity week by week"
        columns={['Week', 'Median time', 'Coefficient of variation', 'Right answers timed']}
        rows={shown.map((w) => [label(w.week), seconds(w.medianMs), figure(w.cv), w.samples])}
      />
    </figure>
  );
}
