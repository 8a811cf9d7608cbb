import { useId } from 'react';
import { NUMBER_RANGES } from '../../state/settings/settings-definition';
import type { Settings } from '../../state/settings/settings-definition';
import { NumberSetting } from './NumberSetting';

type SaveSetting = <K extends keyof Settings>(key: K, value: Settings[K]) => void;

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

export function StudySettings({ values, onSave }: { values: Settings; onSave: SaveSetting }) {
  const retentionId = useId();
  const dayStartId = useId();
  const retention = NUMBER_RANGES.desiredRetention;
  const percent = Math.round(values.desiredRetention * 100);

  return (
    <>
      <div className="field">
        <label htmlFor={retentionId}>Desired retention</label>
        <div className="range-row">
          <input
            id={retentionId}
            type="range"
            min={retention.min}
            max={retention.max}
            step={retention.step}
            value={values.desiredRetention}
            aria-valuetext={`${percent} percent`}
            aria-describedby={`${retentionId}-hint`}
            onChange={(event) => onSave('desiredRetention', Number(event.target.value))}
          />
          <output htmlFor={retentionId} className="range-value">
            {percent}%
          </output>
        </div>
        <p id={`${retentionId}-hint`} className="field-hint">
          The chance that you still recall a card when it comes up. Higher means more reviews each day; 90% suits most
          people.
        </p>
      </div>
      <div className="field-grid">
        <NumberSetting
          label="New cards per day"
          hint="Cards you have not seen before, introduced each day."
          value={values.newCardsPerDay}
          range={NUMBER_RANGES.newCardsPerDay}
          onSave={(value) => onSave('newCardsPerDay', value)}
        />
        <NumberSetting
          label="Maximum reviews per day"
          hint="Reviews beyond this wait for the next day."
          value={values.maxReviewsPerDay}
          range={NUMBER_RANGES.maxReviewsPerDay}
          onSave={(value) => onSave('maxReviewsPerDay', value)}
        />
      </div>
      <div className="field">
        <label htmlFor={dayStartId}>Day starts at</label>
        <select
          id={dayStartId}
          value={values.dayStartHour}
          aria-describedby={`${dayStartId}-hint`}
          onChange={(event) => onSave('dayStartHour', Number(event.target.value))}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {formatHour(hour)}
            </option>
          ))}
        </select>
        <p id={`${dayStartId}-hint`} className="field-hint">
          Reviews done after midnight but before this hour count for the day before.
        </p>
      </div>
    </>
  );
}
