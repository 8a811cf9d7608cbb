import type { DayActivity } from '../../../../shared/progress/activity';
import { dayMonth, shortDay } from '../format';
import { BarChart } from './BarChart';
import { ChartTable } from './HiddenTable';

/** Minutes spent answering on each of the last 30 days, with the answers in the table. */
export function DailyLoadChart({ calendar }: { calendar: readonly DayActivity[] }) {
  const days = calendar.slice(-30);
  const minutes = days.reduce((sum, day) => sum + day.minutes, 0);
  const practised = days.filter((day) => day.answers > 0).length;
  return (
    <figure className="progress-figure">
      <BarChart className="load-chart" data={days.map((day) => ({ key: day.day, label: dayMonth(day.day), value: Math.round(day.minutes) }))} labelEvery={7} />
      <figcaption className="field-hint">
        Minutes answering per day over the last 30 days: {Math.round(minutes)} minutes on {practised} {practised === 1 ? 'day' : 'days'}
        {practised > 0 ? `, about ${Math.round(minutes / practised)} a day practised` : ''}.
      </figcaption>
      <ChartTable
        caption="Answers and minutes on each of the last 30 days"
        columns={['Day', 'Answers', 'Minutes']}
        rows={days.map((day) => [shortDay(day.day), day.answers, Math.round(day.minutes)])}
      />
    </figure>
  );
}
