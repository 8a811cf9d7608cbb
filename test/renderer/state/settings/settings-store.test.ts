import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSetting } from '../../../../renderer/state/settings/settings-definition';
import type { SettingsPort } from '../../../../renderer/state/settings/settings-store';
import { SCHEDULER_HISTORY_KEY, createSettingsStore } from '../../../../renderer/state/settings/settings-store';
import { createRepositories, openKataDb } from '../../../../renderer/storage/index';

function memoryPort(initial: Record<string, unknown> = {}): SettingsPort & { stored: Map<string, unknown> } {
  const stored = new Map(Object.entries(initial));
  return {
    stored,
    async get<T>(key: string, fallback: T) {
      return stored.has(key) ? (stored.get(key) as T) : fallback;
    },
    async set(key: string, value: unknown) {
      stored.set(key, value);
    },
    async setMany(entries: Readonly<Record<string, unknown>>) {
      for (const [key, value] of Object.entries(entries)) stored.set(key, value);
    },
  };
}

describe('normalizeSetting', () => {
  test('accepts the three themes and nothing else', () => {
    expect(normalizeSetting('theme', 'dark')).toBe('dark');
    expect(normalizeSetting('theme', 'sepia')).toBeUndefined();
    expect(normalizeSetting('theme', 1)).toBeUndefined();
  });

  test('clamps numbers into range and snaps them to the step', () => {
    expect(normalizeSetting('desiredRetention', 0.5)).toBe(0.7);
    expect(normalizeSetting('desiredRetention', 1)).toBe(0.99);
    expect(normalizeSetting('desiredRetention', 0.8 + 0.1)).toBe(0.9);
    expect(normalizeSetting('newCardsPerDay', -3)).toBe(0);
    expect(normalizeSetting('newCardsPerDay', 12.4)).toBe(12);
    expect(normalizeSetting('dayStartHour', 30)).toBe(23);
  });

  test('refuses what is not a finite number', () => {
    expect(normalizeSetting('maxReviewsPerDay', '200')).toBeUndefined();
    expect(normalizeSetting('maxReviewsPerDay', Number.NaN)).toBeUndefined();
    expect(normalizeSetting('maxReviewsPerDay', Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('settings store', () => {
  test('starts with the defaults of the brief', async () => {
    const store = createSettingsStore(memoryPort());
    expect(store.getState().status).toBe('idle');
    await store.getState().load();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().values).toEqual({
      theme: 'system',
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      maxReviewsPerDay: 200,
      dayStartHour: 4,
      maximumIntervalDays: 36500,
      enableFuzz: true,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      gradingMode: 'graded',
      weights: null,
    });
  });

  test('records adopted FSRS parameters, and going back to the defaults, as eras of the scheduler history', async () => {
    let clock = 1_000;
    const store = createSettingsStore(memoryPort(), () => clock);
    await store.getState().load();
    const trained = Array.from({ length: 21 }, (_, i) => 0.1 + i / 10);
    expect(await store.getState().set('weights', trained)).toBe(true);
    clock = 2_000;
    expect(await store.getState().set('weights', null)).toBe(true);
    const eras = store.getState().schedulerHistory;
    expect(eras.map((era) => [era.from, era.parameters.weights])).toEqual([
      [0, null],
      [1_000, trained],
      [2_000, null],
    ]);
    // Not 21 finite numbers: refused, nothing recorded.
    expect(await store.getState().set('weights', [1, 2, 3])).toBe(false);
    expect(store.getState().schedulerHistory).toHaveLength(3);
  });

  test('loads stored values, and falls back to the default for one that no longer fits', async () => {
    const store = createSettingsStore(memoryPort({ theme: 'dark', newCardsPerDay: 7, dayStartHour: 'late' }));
    await store.getState().load();
    expect(store.getState().values).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', newCardsPerDay: 7 });
  });

  test('set shows the change at once and writes it to the repository', async () => {
    const port = memoryPort();
    const store = createSettingsStore(port, () => 42);
    await store.getState().load();
    const saving = store.getState().set('maxReviewsPerDay', 120);
    expect(store.getState().values.maxReviewsPerDay).toBe(120);
    expect(await saving).toBe(true);
    expect(port.stored.get('maxReviewsPerDay')).toBe(120);
    expect(store.getState().lastSaved).toEqual({ key: 'maxReviewsPerDay', at: 42 });
  });

  test('set stores the clamped value', async () => {
    const port = memoryPort();
    const store = createSettingsStore(port);
    await store.getState().set('desiredRetention', 0.999);
    expect(port.stored.get('desiredRetention')).toBe(0.99);
    expect(store.getState().values.desiredRetention).toBe(0.99);
  });

  test('an invalid value is refused and nothing is written', async () => {
    const port = memoryPort();
    const store = createSettingsStore(port);
    expect(await store.getState().set('theme', 'neon' as never)).toBe(false);
    expect(store.getState().saveError).toContain('neon');
    expect(port.stored.size).toBe(0);
    expect(store.getState().values.theme).toBe('system');
  });

  test('a failed write puts the previous value back and says why', async () => {
    const port = memoryPort();
    port.set = () => Promise.reject(new Error('QuotaExceededError'));
    const store = createSettingsStore(port);
    await store.getState().load();
    expect(await store.getState().set('newCardsPerDay', 50)).toBe(false);
    expect(store.getState().values.newCardsPerDay).toBe(20);
    expect(store.getState().saveError).toContain('QuotaExceededError');
  });

  test('a change of FSRS parameters stores its era with the setting in one write; other settings add none', async () => {
    const port = memoryPort();
    const writes: string[][] = [];
    const setMany = port.setMany.bind(port);
    port.setMany = async (entries) => {
      writes.push(Object.keys(entries).sort());
      await setMany(entries);
    };
    let clock = 1_000;
    const store = createSettingsStore(port, () => clock);
    await store.getState().load();
    await store.getState().set('newCardsPerDay', 5);
    expect(store.getState().schedulerHistory).toEqual([]);
    expect(port.stored.has(SCHEDULER_HISTORY_KEY)).toBe(false);

    clock = 2_000;
    await store.getState().set('desiredRetention', 0.85);
    expect(writes).toEqual([['desiredRetention', SCHEDULER_HISTORY_KEY]]);
    const history = store.getState().schedulerHistory;
    expect(history.map((era) => [era.from, era.parameters.desiredRetention])).toEqual([
      [0, 0.9],
      [2_000, 0.85],
    ]);
    expect(port.stored.get(SCHEDULER_HISTORY_KEY)).toEqual(history);

    // Read back by a new store.
    const again = createSettingsStore(port);
    await again.getState().load();
    expect(again.getState().schedulerHistory).toEqual(history);
  });

  test('a failed write of a parameter change puts the history back too', async () => {
    const port = memoryPort();
    port.setMany = () => Promise.reject(new Error('QuotaExceededError'));
    const store = createSettingsStore(port);
    await store.getState().load();
    expect(await store.getState().set('learningSteps', ['5m'])).toBe(false);
    expect(store.getState().schedulerHistory).toEqual([]);
    expect(store.getState().values.learningSteps).toEqual(DEFAULT_SETTINGS.learningSteps);
  });

  test('a failed read keeps the defaults and says so', async () => {
    const port = memoryPort();
    port.get = () => Promise.reject(new Error('database closed'));
    const store = createSettingsStore(port);
    await store.getState().load();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().values).toEqual(DEFAULT_SETTINGS);
    expect(store.getState().loadError).toContain('database closed');
  });

  test('with the real settings repository, a change survives a new store over the same database', async () => {
    const name = `kata-settings-store-${crypto.randomUUID()}`;
    const db = await openKataDb(name, { indexedDB, IDBKeyRange });
    await createSettingsStore(createRepositories(db).settings).getState().set('theme', 'light');
    db.close();

    const reopened = await openKataDb(name, { indexedDB, IDBKeyRange });
    try {
      const store = createSettingsStore(createRepositories(reopened).settings);
      await store.getState().load();
      expect(store.getState().values.theme).toBe('light');
      expect(await createRepositories(reopened).settings.all()).toEqual({ theme: 'light' });
    } finally {
      reopened.close();
    }
  });
});
