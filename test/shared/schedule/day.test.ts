import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, studyDayEnd, studyDayIndex, studyDayStart } from '../../../shared/schedule/day';

const utc = (iso: string): number => Date.parse(iso);

describe('study day', () => {
  it('starts at dayStartHour local time in UTC', () => {
    expect(studyDayStart(utc('2024-03-10T12:00:00Z'), 4, 0)).toBe(utc('2024-03-10T04:00:00Z'));
    expect(studyDayEnd(utc('2024-03-10T12:00:00Z'), 4, 0)).toBe(utc('2024-03-11T04:00:00Z'));
  });

  it('counts a review before dayStartHour for the day before', () => {
    expect(studyDayStart(utc('2024-03-10T03:59:59.999Z'), 4, 0)).toBe(utc('2024-03-09T04:00:00Z'));
    expect(studyDayStart(utc('2024-03-10T04:00:00Z'), 4, 0)).toBe(utc('2024-03-10T04:00:00Z'));
  });

  it('follows the time zone east of UTC (UTC+2: offset -120)', () => {
    // 01:30Z is 03:30 local: still the previous study day, which began at 04:00 local = 02:00Z.
    expect(studyDayStart(utc('2024-03-10T01:30:00Z'), 4, -120)).toBe(utc('2024-03-09T02:00:00Z'));
    // 02:30Z is 04:30 local: a new day.
    expect(studyDayStart(utc('2024-03-10T02:30:00Z'), 4, -120)).toBe(utc('2024-03-10T02:00:00Z'));
  });

  it('follows the time zone west of UTC (UTC-5: offset 300)', () => {
    // 08:00Z is 03:00 local on the 10th: the day began at 04:00 local on the 9th = 09:00Z.
    expect(studyDayStart(utc('2024-03-10T08:00:00Z'), 4, 300)).toBe(utc('2024-03-09T09:00:00Z'));
    expect(studyDayStart(utc('2024-03-10T09:00:00Z'), 4, 300)).toBe(utc('2024-03-10T09:00:00Z'));
  });

  it('handles midnight starts and half-hour zones (India, UTC+5:30)', () => {
    expect(studyDayStart(utc('2024-03-10T18:29:00Z'), 0, -330)).toBe(utc('2024-03-09T18:30:00Z'));
    expect(studyDayStart(utc('2024-03-10T18:30:00Z'), 0, -330)).toBe(utc('2024-03-10T18:30:00Z'));
  });

  it('always contains now, lasts a day, and numbers consecutive days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: -14 * 60, max: 12 * 60 }),
        (now, hour, offset) => {
          const start = studyDayStart(now, hour, offset);
          expect(start).toBeLessThanOrEqual(now);
          expect(now).toBeLessThan(studyDayEnd(now, hour, offset));
          expect(studyDayEnd(now, hour, offset) - start).toBe(DAY_MS);
          expect(studyDayStart(start, hour, offset)).toBe(start);
          expect(studyDayIndex(start + DAY_MS, hour, offset)).toBe(studyDayIndex(now, hour, offset) + 1);
          // The local hour at the start is the day-start hour.
          const local = new Date(start - offset * 60_000);
          expect(local.getUTCHours() * 60 + local.getUTCMinutes()).toBe(hour * 60);
        },
      ),
    );
  });
});
