import { describe, expect, it } from 'vitest';
import { formatSteps, parseStepText } from '../../../renderer/features/settings/step-text';
import { currentSchedulerSettings, toSchedulerSettings } from '../../../renderer/state/settings/scheduler-settings';
import { DEFAULT_SETTINGS, NUMBER_RANGES, normalizeSetting } from '../../../renderer/state/settings/settings-definition';
import { createSettingsStore } from '../../../renderer/state/settings/settings-store';
import { DEFAULT_SCHEDULER_SETTINGS, SCHEDULER_RANGES } from '../../../shared/schedule/scheduler-settings';

describe('scheduler settings in the settings definition', () => {
  it('defaults and ranges come from shared/schedule', () => {
    const { theme, ...scheduling } = DEFAULT_SETTINGS;
    expect(theme).toBe('system');
    expect(scheduling).toEqual(DEFAULT_SCHEDULER_SETTINGS);
    for (const key of ['desiredRetention', 'newCardsPerDay', 'maxReviewsPerDay', 'dayStartHour', 'maximumIntervalDays'] as const) {
      expect(NUMBER_RANGES[key]).toMatchObject(SCHEDULER_RANGES[key]);
    }
  });

  it('normalizes the new keys: interval clamped, fuzz boolean, steps parsed, grading mode one of two', () => {
    expect(normalizeSetting('maximumIntervalDays', 99_999)).toBe(36_500);
    expect(normalizeSetting('maximumIntervalDays', 0)).toBe(1);
    expect(normalizeSetting('maximumIntervalDays', 180.4)).toBe(180);
    expect(normalizeSetting('enableFuzz', false)).toBe(false);
    expect(normalizeSetting('enableFuzz', 'no')).toBeUndefined();
    expect(normalizeSetting('learningSteps', ['1m', ' 10m '])).toEqual(['1m', '10m']);
    expect(normalizeSetting('learningSteps', [])).toEqual([]);
    expect(normalizeSetting('relearningSteps', ['1.5m'])).toBeUndefined();
    expect(normalizeSetting('relearningSteps', '10m')).toBeUndefined();
    expect(normalizeSetting('gradingMode', 'pass-fail')).toBe('pass-fail');
    expect(normalizeSetting('gradingMode', 'strict')).toBeUndefined();
  });
});

describe('step text', () => {
  it('reads steps separated by spaces or commas, in any case', () => {
    expect(parseStepText('1m 10m')).toEqual({ ok: true, steps: ['1m', '10m'] });
    expect(parseStepText(' 1M,  1h ,2d ')).toEqual({ ok: true, steps: ['1m', '1h', '2d'] });
    expect(parseStepText('')).toEqual({ ok: true, steps: [] });
    expect(formatSteps(['1m', '10m'])).toBe('1m 10m');
  });

  it('says which part is wrong', () => {
    for (const text of ['1m 10', '1.5m', '0m', '10s', 'ten minutes']) {
      const result = parseStepText(text);
      expect(result.ok, text).toBe(false);
      expect(!result.ok && result.error).toMatch(/is not a step/);
    }
    expect(parseStepText('1m 10').ok === false && (parseStepText('1m 10') as { error: string }).error).toContain('“10”');
    const tooMany = parseStepText(Array.from({ length: 11 }, () => '1m').join(' '));
    expect(!tooMany.ok && tooMany.error).toMatch(/At most 10 steps/);
  });
});

describe('toSchedulerSettings', () => {
  it('turns the stored settings into complete SchedulerSettings', () => {
    expect(toSchedulerSettings(DEFAULT_SETTINGS)).toEqual(DEFAULT_SCHEDULER_SETTINGS);
    expect(
      toSchedulerSettings({ ...DEFAULT_SETTINGS, learningSteps: ['5m'], enableFuzz: false, gradingMode: 'pass-fail', maximumIntervalDays: 365 }),
    ).toMatchObject({ learningSteps: ['5m'], enableFuzz: false, gradingMode: 'pass-fail', maximumIntervalDays: 365 });
  });

  it('fills what is missing or invalid with the scheduler defaults', () => {
    expect(toSchedulerSettings({})).toEqual(DEFAULT_SCHEDULER_SETTINGS);
    expect(toSchedulerSettings({ desiredRetention: 2, learningSteps: ['x'] as never })).toMatchObject({
      desiredRetention: 0.99,
      learningSteps: DEFAULT_SCHEDULER_SETTINGS.learningSteps,
    });
  });

  it('reads the settings in force from the store', async () => {
    const stored = new Map<string, unknown>([['relearningSteps', ['1h']], ['maximumIntervalDays', 400]]);
    const store = createSettingsStore({
      get: async <T,>(key: string, fallback: T) => (stored.has(key) ? (stored.get(key) as T) : fallback),
      set: async (key, value) => void stored.set(key, value),
      setMany: async (entries) => {
        for (const [key, value] of Object.entries(entries)) stored.set(key, value);
      },
    });
    await store.getState().load();
    expect(currentSchedulerSettings(store)).toMatchObject({ relearningSteps: ['1h'], maximumIntervalDays: 400 });
    await store.getState().set('gradingMode', 'pass-fail');
    expect(stored.get('gradingMode')).toBe('pass-fail');
    expect(currentSchedulerSettings(store).gradingMode).toBe('pass-fail');
  });
});
