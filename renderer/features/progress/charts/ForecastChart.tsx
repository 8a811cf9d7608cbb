import { dayMonth, shortDay } from '../format';
import { BarChart } from './BarChart';
import { ChartTable } from './HiddenTable';

/** Cards falling due on each of the next 30 days (today's count includes the overdue). */
export function ForecastChart({ forecast, today }: { forecast: readonly number[]; today: number }) {
  const total = forecast.reduce((a, b) => a + b, 0);
  const busiest = forecast.reduce((best, n, i) => (n > (forecast[best] ?? 0) ? i : best), 0);
  return (
    <figure className="progress-figure">
      <BarChart className="forecast-chart" data={forecast.map((value, i) => ({ key: i, label: i === 0 ? 'Today' : dayMonth(today + i), value }))} labelEvery={7} />
      <figcaption className="field-hint">
        {total === 0
          ? 'No cards fall due in the next 30 days.'
          : `${total} reviews due in the next 30 days, ${forecast[0] ?? 0} of them today (overdue included); the busiest day is ${busiest === 0 ? 'today' : shortDay(today + busiest)} with ${forecast[busiest]}.`}
      </figcaption>
      <ChartTable caption="Cards due on each of the next 30 days" columns={['Day', 'Cards due']} rows={forecast.map((n, i) => [i === 0 ? 'Today (and overdue)' : shortDay(today + i), n])} />
    </figure>
  );
}
