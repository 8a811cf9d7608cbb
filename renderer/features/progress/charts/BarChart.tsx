import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 40, right: 8, top: 10, bottom: 26 };

export interface BarDatum {
  key: string | number;
  /** Under the bar, shown for every `labelEvery`-th bar. */
  label: string;
  value: number;
}

/** Bars of counts on a shared scale with three gridlines: the forecast and the daily load. */
export function BarChart({ data, labelEvery = 5, className = '' }: { data: readonly BarDatum[]; labelEvery?: number; className?: string }) {
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleBand<string>({ domain: data.map((d) => String(d.key)), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  // Counts: whole-number gridlines only.
  const ticks = y.ticks(Math.min(3, max)).filter(Number.isInteger);
  return (
    <svg className={`progress-chart ${className}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <Group left={PAD.left} top={PAD.top}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="chart-grid" x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} />
            <text className="chart-label" x={-6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const left = x(String(d.key)) ?? 0;
          const top = y(d.value);
          return (
            <g key={d.key}>
              <Bar className="chart-bar" x={left} y={top} width={x.bandwidth()} height={Math.max(0, innerHeight - top)} />
              {i % labelEvery === 0 ? (
                <text className="chart-label" x={left + x.bandwidth() / 2} y={innerHeight + 16} textAnchor="middle">
                  {d.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
