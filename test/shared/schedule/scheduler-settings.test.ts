import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  makeScheduler,
  normalizeSchedulerSettings,
  parseSteps,
} from '../../../shared/schedule/scheduler-settings';

describe('scheduler settings', () => {
  it('defaults to practice.md’s values', () => {
    expect(normalizeSchedulerSettings()).toEqual({
      desiredRetention: 0.9,
      maximumIntervalDays: 36500,
      enableFuzz: true,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      newCardsPerDay: 20,
      maxReviewsPerDay: 200,
      dayStartHour: 4,
      gradingMode: 'graded',
      weights: null,
    });
  });

  it('clamps numbers into range and replaces invalid values by defaults', () => {
    const s = normalizeSchedulerSettings({
      desiredRetention: 0.5,
      maximumIntervalDays: 1e9,
      enableFuzz: 'yes',
      newCardsPerDay: -3,
      maxReviewsPerDay: 12.6,
      dayStartHour: 30,
      gradingMode: 'strict',
      learningSteps: ['1m', 'ten minutes'],
      relearningSteps: [],
    });
    expect(s).toEqual({
      ...DEFAULT_SCHEDULER_SETTINGS,
      desiredRetention: 0.7,
      maximumIntervalDays: 36500,
      newCardsPerDay: 0,
      maxReviewsPerDay: 13,
      dayStartHour: 23,
      relearningSteps: [],
    });
    expect(normalizeSchedulerSettings({ desiredRetention: 1, dayStartHour: Number.NaN }).desiredRetention).toBe(0.99);
    expect(normalizeSchedulerSettings({ dayStartHour: Number.NaN }).dayStartHour).toBe(4);
    expect(normalizeSchedulerSettings({ gradingMode: 'pass-fail' }).gradingMode).toBe('pass-fail');
  });

  it('accepts whole-number steps only', () => {
    expect(parseSteps(['1m', ' 10m', '2h', '1d'])).toEqual(['1m', '10m', '2h', '1d']);
    expect(parseSteps(['1.5m'])).toBeUndefined();
    expect(parseSteps(['0m'])).toBeUndefined();
    expect(parseSteps('1m')).toBeUndefined();
    expect(parseSteps(Array.from({ length: 11 }, () => '1m'))).toBeUndefined();
  });

  it('builds a ts-fsrs scheduler with these parameters and short-term steps on', () => {
    const p = makeScheduler({ desiredRetention: 0.85, enableFuzz: false, learningSteps: ['5m'], maximumIntervalDays: 365 }).parameters;
    expect(p).toMatchObject({
      request_retention: 0.85,
      maximum_interval: 365,
      enable_fuzz: false,
      enable_short_term: true,
      learning_steps: ['5m'],
      relearning_steps: ['10m'],
    });
    expect(makeScheduler({ desiredRetention: 3 }).parameters.request_retention).toBe(0.99);
  });
});
