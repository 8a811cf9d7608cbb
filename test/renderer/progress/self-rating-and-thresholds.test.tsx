// @vitest-environment happy-dom
/**
 * The self-rating form (as the simulation debrief shows it) and the ladder thresholds in
 * Settings, over the real Progress store and a fake-indexeddb database: a rating is saved
 * only with a level, thresholds only when every field is valid, shares typed as percentages.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../shared/progress/ladder';
import { AppServicesContext } from '../../../renderer/app/app-services';
import type { AppServices } from '../../../renderer/app/app-services';
import { SelfRatingForm } from '../../../renderer/features/progress/SelfRatingForm';
import { LadderThresholdsSection } from '../../../renderer/features/settings/LadderThresholdsSection';
import { THRESHOLD_FIELDS, displayValue, parseThreshold } from '../../../renderer/features/settings/ladder-threshold-fields';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import type { Repositories } from '../../../renderer/storage/index';
import { createProgressStore } from '../../../renderer/state/progress/progress-store';
import type { ProgressStore } from '../../../renderer/state/progress/progress-store';
import { normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { makePack, openTestDb } from '../storage/test-db';
import type { ReactNode } from 'react';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 10, 20, 12);
let db: KataDb;
let repos: Repositories;
let store: ProgressStore;
let container: HTMLElement;
let root: Root;

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function render(node: ReactNode): Promise<void> {
  const services = { repositories: repos, progressStore: store } as unknown as AppServices;
  await act(async () => root.render(<AppServicesContext.Provider value={services}>{node}</AppServicesContext.Provider>));
  await settle();
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const buttonNamed = (name: string): HTMLButtonElement => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!;
const inputLabelled = (label: string, nth = 0): HTMLInputElement => {
  const labels = [...container.querySelectorAll('label')].filter((l) => l.textContent === label);
  return container.querySelector<HTMLInputElement>(`#${CSS.escape(labels[nth]!.htmlFor)}`)!;
};

beforeEach(async () => {
  db = await openTestDb('self-rating');
  repos = createRepositories(db);
  await repos.packs.savePackImport(makePack('drift', { title: 'Feature drift alert' }), [], []);
  store = createProgressStore(repos, { settings: () => normalizeSchedulerSettings({}), now: () => NOW, newId: () => 'rating-1', rebuildRollups: async () => {} });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  db.close();
});

describe('the self-rating form', () => {
  test('saves the chosen level and the note for the pack, and says so', async () => {
    const onSaved = vi.fn();
    await render(<SelfRatingForm packId="drift" question="After this run: your level on Feature drift alert?" onSaved={onSaved} />);
    expect(container.querySelector('legend')?.textContent).toBe('After this run: your level on Feature drift alert?');
    expect([...container.querySelectorAll('label.self-rating-level')].map((l) => l.textContent)).toEqual(['1 Observe', '2 Guided', '3 Assisted', '4 Independent', '5 Can teach']);
    const save = buttonNamed('Save my rating');
    expect(save.disabled).toBe(true);
    await act(async () => container.querySelector<HTMLInputElement>('input[value="2"]')!.click());
    await type(inputLabelled('Note (optional)'), 'needed the options twice');
    await act(async () => save.click());
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce(), { timeout: 5_000 });
    await settle();
    expect(await repos.assessments.all()).toEqual([{ id: 'rating-1', packId: 'drift', at: NOW, level: 2, note: 'needed the options twice' }]);
    expect(container.textContent).toContain('Your rating is saved: 2, Guided.');
    expect(store.getState().report?.packs[0]?.selfRating?.level).toBe(2);
  });
});

describe('the ladder thresholds', () => {
  test('parse percentages, counts and a Brier score, refusing what is out of range', () => {
    const field = (key: string) => THRESHOLD_FIELDS.find((f) => f.key === key)!;
    expect(parseThreshold(field('independentRecall'), '90')).toEqual({ value: 0.9 });
    expect(displayValue(field('independentRecall'), 0.85)).toBe('85');
    expect(parseThreshold(field('independentRecall'), '101')).toEqual({ error: 'Enter a value from 0 to 100.' });
    expect(parseThreshold(field('independentSimulations'), '2.5')).toEqual({ error: 'Enter a whole number from 1 to 10.' });
    expect(parseThreshold(field('independentSimulations'), '')).toEqual({ error: 'Enter a whole number from 1 to 10.' });
    expect(parseThreshold(field('teachBrier'), '.2')).toEqual({ value: 0.2 });
    expect(parseThreshold(field('teachBrier'), '1.5')).toEqual({ error: 'Enter a value from 0 to 1.' });
    expect(THRESHOLD_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_THRESHOLDS).sort());
  });

  test('save nothing while a field is refused, then every field at once through the store', async () => {
    await render(<LadderThresholdsSection />);
    const unaided = inputLabelled('Recent simulations right, unaided and in time');
    expect(unaided.value).toBe('3');
    expect(inputLabelled('Recall of studied cards', 1).value).toBe('85');
    const save = buttonNamed('Save thresholds');
    expect(save.disabled).toBe(true);
    await type(unaided, '0');
    expect(unaided.getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toContain('Enter a value from 1 to 10.');
    expect(save.disabled).toBe(true);
    await type(unaided, '4');
    await type(inputLabelled('Recall of studied cards', 1), '90');
    expect(save.disabled).toBe(false);
    await act(async () => save.click());
    await vi.waitFor(() => expect(container.textContent).toContain('Thresholds saved'), { timeout: 5_000 });
    expect(await repos.settings.get('progress.thresholds', {})).toEqual({ ...DEFAULT_THRESHOLDS, independentSimulations: 4, independentRecall: 0.9 });
    expect(store.getState().report?.thresholds).toMatchObject({ independentSimulations: 4, independentRecall: 0.9 });
    expect(container.textContent).toContain('Thresholds saved');
    await act(async () => buttonNamed('Restore defaults').click());
    await vi.waitFor(() => expect(container.textContent).toContain('Back to the default thresholds.'), { timeout: 5_000 });
    expect(await repos.settings.get('progress.thresholds', {})).toEqual(DEFAULT_THRESHOLDS);
    expect(inputLabelled('Recent simulations right, unaided and in time').value).toBe('3');
  });
});
