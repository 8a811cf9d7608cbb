import { Group } from '@visx/group';
import { scaleThreshold } from '@visx/scale';
import type { DayActivity } from '../../../../shared/progress/activity';
import { dayDate, plural } from '../format';
import { ChartTable } from './HiddenTable';

const CELL = 11;
const GAP = 2;
const LEFT = 26;
const TOP = 16;

/** Months of the calendar with their practised days and answers (the table says what the squares do). */
function months(calendar: readonly DayActivity[]): { label: string; days: number; answers: number }[] {
  const byMonth = new Map<string, { label: string; days: number; answers: number }>();
  for (const day of calendar) {
    const date = dayDate(day.day);
    const key = `${date.getUTCFullYear()}-${date.getUTCMonth()}`;
    const month = byMonth.get(key) ?? { label: date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }), days: 0, answers: 0 };
    if (day.answers > 0) month.days += 1;
    month.answers += day.answers;
    byMonth.set(key, month);
  }
  return [...byMonth.values()];
}

/**
 * The review calendar of the last year: one square per study day, weeks as columns (Monday on
 * top), darker for more answers; the streak beside it. The shades are thresholds of the
 * person's own busiest days, so a light year still shows its pattern.
 */
export function ReviewHeatmap({ calendar, streak }: { calendar: readonly DayActivity[]; streak: number }) {
  const active = calendar.filter((day) => day.answers > 0);
  const sorted = active.map((day) => day.answers).sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 1;
  const shade = scaleThreshold<number, number>({ domain: [1, Math.max(2, at(0.25)), Math.max(3, at(0.5)), Math.max(4, at(0.75))], range: [0, 1, 2, 3, 4] });
  const first = calendar[0]?.day ?? 0;
  // Monday of the first week: 1 January 1970 (day 0) was a Thursday.
  const weekday = (day: number): number => (day + 3) % 7;
  const start = first - weekday(first);
  const weeks = Math.ceil((calendar.length + weekday(first)) / 7);
  const width = LEFT + weeks * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const column = (day: number): number => Math.floor((day - start) / 7);
  // A month's name needs about three columns: none starts in the last ones, where it would be cut.
  const monthLabels = calendar.filter((day) => dayDate(day.day).getUTCDate() === 1 && column(day.day) <= weeks - 3);

  return (
    <figure className="progress-figure">
      <p className="progress-streak">
        <strong>{plural(streak, 'day')}</strong> in a row · {plural(active.length, 'day')} practised in the last year
      </p>
      <div className="heatmap-frame">
        <svg className="progress-chart heatmap" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
          {monthLabels.map((day) => (
            <text key={day.day} className="chart-label" x={LEFT + Math.floor((day.day - start) / 7) * (CELL + GAP)} y={10}>
              {dayDate(day.day).toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })}
            </text>
          ))}
          {['Mon', 'Wed', 'Fri'].map((label, i) => (
            <text key={label} className="chart-label" x={0} y={TOP + (i * 2 + 1) * (CELL + GAP) - 2}>
              {label}
            </text>
          ))}
          <Group left={LEFT} top={TOP}>
            {calendar.map((day) => (
              <rect
                key={day.day}
                className={`heat heat-${shade(day.answers)}`}
                x={Math.floor((day.day - start) / 7) * (CELL + GAP)}
                y={weekday(day.day) * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={2}
              />
            ))}
          </Group>
        </svg>
      </div>
      <figcaption className="field-hint">Answers per day over the last year; the stronger the colour, the busier the day.</figcaption>
      <ChartTable
        caption="Days practised and answers, month by month"
        columns={['Month', 'Days practised', 'Answers']}
        rows={months(calendar).map((month) => [month.label, month.days, month.answers])}
      />
    </figure>
  );
}
