import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { curveStepAfter } from '@visx/curve';
import { LADDER_NAMES } from '../../../../shared/progress/ladder';
import type { LadderLevel } from '../../../../shared/progress/ladder';
import type { PackProgress } from '../../../../shared/progress/progress-report';
import { longDate } from '../format';
import { ChartTable } from './HiddenTable';

const WIDTH = 520;
const HEIGHT = 150;
const PAD = { left: 78, right: 10, top: 8, bottom: 22 };
const DAY_MS = 86_400_000;

/** The measured level (solid steps) beside the person's own ratings (squares), over time. */
export function LevelChart({ pack, now }: { pack: PackProgress; now: number }) {
  const measured = pack.levelHistory;
  const rated = pack.selfRatings;
  const times = [...measured.map((p) => p.at), ...rated.map((r) => r.at)];
  const from = Math.min(now - 14 * DAY_MS, ...times);
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = scaleLinear<number>({ domain: [from, now], range: [0, innerWidth] });
  const y = scaleLinear<number>({ domain: [1, 5], range: [innerHeight, 0] });
  const steps = [...measured, { at: now, level: measured.at(-1)?.level ?? 1 }];
  const rows = [
    ...measured.map((p) => ({ at: p.at, who: 'Measured', level: p.level as LadderLevel, note: '' })),
    ...rated.map((r) => ({ at: r.at, who: 'Your rating', level: r.level, note: r.note ?? '' })),
  ].sort((a, b) => a.at - b.at);
  return (
    <figure className="progress-figure level-figure">
      <svg className="progress-chart level-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <Group left={PAD.left} top={PAD.top}>
          {([1, 2, 3, 4, 5] as const).map((level) => (
            <g key={level}>
              <line className="chart-grid" x1={0} x2={innerWidth} y1={y(level)} y2={y(level)} />
              <text className="chart-label" x={-6} y={y(level) + 4} textAnchor="end">
                {LADDER_NAMES[level]}
              </text>
            </g>
          ))}
          <text className="chart-label" x={0} y={innerHeight + 16}>
            {longDate(from, now)}
          </text>
          <text className="chart-label" x={innerWidth} y={innerHeight + 16} textAnchor="end">
            today
          </text>
          <LinePath className="chart-line" data={steps} x={(p) => x(p.at)} y={(p) => y(p.level)} curve={curveStepAfter} />
          {rated.map((r) => (
            <rect key={r.id} className="chart-dot chart-dot-second" x={x(r.at) - 5} y={y(r.level) - 5} width={10} height={10} />
          ))}
        </Group>
      </svg>
      <figcaption className="field-hint">
        <span className="legend-swatch legend-line" aria-hidden="true" /> measured level, <span className="legend-swatch legend-square" aria-hidden="true" /> your own rating.
      </figcaption>
      <ChartTable
        caption={`Level over time: ${pack.title}`}
        columns={['Date', 'Who', 'Level', 'Note']}
        rows={rows.map((row) => [longDate(row.at, now), row.who, `${row.level} ${LADDER_NAMES[row.level]}`, row.note])}
      />
    </figure>
  );
}
