import type { DayActivity } from '../../../../shared/progress/activity';
import { dayMonth, shortDay } from '../format';
import { BarChart } from './BarChart';

/** "12 minutes", "1.5 minutes" (short days need the decimal). */
function minuteText(minutes: number): string {
  const shown = minutes < 10 ? minutes.toFixed(1).replace(/\.0$/, '') : String(Math.round(minutes));
  return `${shown} ${shown === '1' ? 'minute' : 'minutes'}`;
}
import { ChartTable } from './HiddenTable';

/** Answers on each of the last 30 days (the bars), with the minutes spent in the caption and the table. */
export function DailyLoadChart({ calendar }: { calendar: readonly DayActivity[] }) {
  const days = calendar.slice(-30);
  const minutes = days.reduce((sum, day) => sum + day.minutes, 0);
  const practised = days.filter((day) => day.answers > 0).length;
  const answers = days.reduce((sum, day) => sum + day.answers, 0);
  return (
    <figure className="progress-figure">
      <BarChart className="load-chart" data={days.map((day) => ({ key: day.day, label: dayMonth(day.day), value: day.answers }))} labelEvery={7} />
      <figcaption className="field-hint">
        Answers per day over the last 30 days: {answers} on {practised} {practised === 1 ? 'day' : 'days'}, {minuteText(minutes)} in all
        {practised > 0 ? `, about ${minuteText(minutes / practised)} a day practised` : ''}.
      </figcaption>
      <ChartTable
        caption="Answers and minutes on each of the last 30 days"
        columns={['Day', 'Answers', 'Minutes']}
        rows={days.map((day) => [shortDay(day.day), day.answers, day.minutes < 10 ? day.minutes.toFixed(1) : Math.round(day.minutes)])}
      />
    </figure>
  );
}
