// @vitest-environment happy-dom
/**
 * The Progress screen over the real Progress store and a fake-indexeddb Kata database with
 * real imports, answers and simulations: the empty state, each pack's level and evidence, the
 * charts' tables, the weekly self-rating saved beside the measure, a target with its
 * projection, "Practise these" for exactly the weakest cards, and the report for a mentor.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseImportFile } from '../../../shared/import/parse-file';
import { planImport } from '../../../shared/library/plan-import';
import { answerCard } from '../../../shared/schedule/review';
import { makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { AppServicesContext } from '../../../renderer/app/app-services';
import type { AppServices } from '../../../renderer/app/app-services';
import { ProgressScreen } from '../../../renderer/features/progress/ProgressScreen';
import { requestFromHash } from '../../../renderer/features/practice/use-practice-request';
import type { Platform } from '../../../renderer/platform/platform';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import type { Repositories } from '../../../renderer/storage/index';
import { createProgressStore } from '../../../renderer/state/progress/progress-store';
import type { ProgressStore } from '../../../renderer/state/progress/progress-store';
import { makeAttempt, openTestDb } from '../storage/test-db';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SAMPLES = path.resolve(import.meta.dirname, '../../../resources/samples');
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1, 10);
const settings = normalizeSchedulerSettings({ dayStartHour: 4 });
const scheduler = makeScheduler(settings);

let db: KataDb;
let repos: Repositories;
let store: ProgressStore;
let container: HTMLElement;
let root: Root;
let saved: { name: string; text: string }[];
const clock = T0 + 40 * DAY;

async function importSample(file: string): Promise<string> {
  const parsed = parseImportFile(file, readFileSync(path.join(SAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(file);
  const plan = planImport(parsed.pack, null, T0);
  await repos.packs.savePackImport(plan.pack, plan.items, plan.cards);
  return plan.pack.id;
}

async function practise(packId: string): Promise<void> {
  const cards = await repos.cards.byPack(packId);
  for (let day = 0; day < 30; day += 3) {
    for (const card of cards.slice(0, 5)) {
      await repos.events.answerStored(card.id, (stored) => answerCard(scheduler, stored, 3, T0 + day * DAY, { id: `${card.id}@${day}`, durationMs: 4_000, grader: 'self' }));
    }
  }
}

async function simulate(packId: string, id: string, at: number): Promise<void> {
  await repos.attempts.add(makeAttempt(packId, id, at - 60_000, { level: 3, confidence: 0.8 }));
  await repos.attempts.finish(id, { finishedAt: at, correct: true, withinTime: true, score: 100 });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function render(): Promise<void> {
  const platform = {
    kind: 'browser',
    supportsFolders: false,
    saveTextFile: vi.fn(async (name: string, text: string) => {
      saved.push({ name, text });
      return { saved: true };
    }),
  } as unknown as Platform;
  const services = { platform, repositories: repos, progressStore: store } as unknown as AppServices;
  await act(async () =>
    root.render(
      <AppServicesContext.Provider value={services}>
        <ProgressScreen />
      </AppServicesContext.Provider>,
    ),
  );
  await vi.waitFor(() => expect(container.querySelector('[role="status"]')?.textContent ?? '').not.toMatch(/Reading your progress/), { timeout: 5_000 });
  await settle();
}

function button(name: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? '')));
  if (!found) throw new Error(`no button ${String(name)} in: ${container.textContent}`);
  return found;
}

async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
  await settle();
}

async function type(input: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    const proto = input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

function card(title: string): HTMLElement {
  const found = [...container.querySelectorAll<HTMLElement>('article.pack-progress')].find((a) => a.querySelector('h3')?.textContent === title);
  if (!found) throw new Error(`no pack card ${title}`);
  return found;
}

beforeEach(async () => {
  db = await openTestDb('progress-screen');
  repos = createRepositories(db);
  saved = [];
  let ids = 0;
  store = createProgressStore(repos, {
    settings: () => settings,
    now: () => clock,
    timezoneOffsetMinutes: () => 0,
    newId: () => `r${(ids += 1)}`,
    rebuildRollups: async () => {
      throw new Error('no rebuild expected');
    },
  });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  db.close();
});

describe('the Progress screen', () => {
  test('says there is nothing to show before any practice, with the ladder explained', async () => {
    await importSample('feature-drift-response.yaml');
    await render();
    expect(container.textContent).toContain('No progress to show yet');
    expect(container.querySelectorAll('.ladder li')).toHaveLength(5);
    expect(container.querySelector('article.pack-progress')).toBeNull();
    expect(container.textContent).not.toContain('Export Markdown');
  });

  test("shows each pack's level, evidence and charts from real practice, every chart with its table", async () => {
    const tree = await importSample('feature-drift-response.yaml');
    const checklist = await importSample('data-quality-checklist.md');
    await practise(checklist);
    for (const [i, daysAgo] of [3, 2, 1].entries()) await simulate(tree, `s${i}`, clock - daysAgo * DAY);
    await render();

    const report = store.getState().report!;
    const treePack = report.packs.find((p) => p.packId === tree)!;
    const treeCard = card(treePack.title);
    expect(treeCard.querySelector('.level-badge')?.textContent).toBe(`Level ${treePack.placement.level} · ${treePack.placement.name}`);
    expect(treeCard.textContent).toContain(treePack.placement.why);
    expect(treeCard.textContent).toContain(treePack.placement.next!);
    expect(treeCard.textContent).toContain('Could I do this alone tonight?');
    expect(treeCard.textContent).toContain(treePack.tonight.evidence[0]!);
    expect(treeCard.textContent).toMatch(/Paths walked: \d+ of \d+/);
    expect(treeCard.textContent).toContain('3 finished · 3 of the last 3 unaided and in time');
    // Level over time: the drawing is hidden, its table readable.
    expect(treeCard.querySelector('svg.level-chart')?.getAttribute('aria-hidden')).toBe('true');
    expect(treeCard.querySelector('.visually-hidden table caption')?.textContent).toBe(`Level over time: ${treePack.title}`);

    // The calendar: one square per day of the last year, practised days in the month table.
    const heat = container.querySelector('svg.heatmap')!;
    expect(heat.querySelectorAll('rect.heat')).toHaveLength(365);
    expect(heat.querySelectorAll('rect.heat:not(.heat-0)').length).toBe(report.calendar.filter((d) => d.answers > 0).length);
    expect(container.textContent).toContain(`${report.streak} ${report.streak === 1 ? 'day' : 'days'} in a row`);
    // The forecast follows the first paint (index counts over every card).
    await vi.waitFor(() => expect(container.querySelector('svg.forecast-chart')).not.toBeNull(), { timeout: 5_000 });
    const captions = [...container.querySelectorAll('caption')].map((c) => c.textContent);
    expect(captions).toEqual(
      expect.arrayContaining([
        'Days practised and answers, month by month',
        'Cards due on each of the next 30 days',
        'Drills',
        'Simulations',
        'Answers and minutes on each of the last 30 days',
        'Automaticity week by week',
        'Predicted or stated recall against what happened',
      ]),
    );
    const monthTable = [...container.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Days practised and answers, month by month')!;
    const answers = [...monthTable.querySelectorAll('tbody tr')].reduce((sum, row) => sum + Number(row.querySelectorAll('td')[1]?.textContent), 0);
    expect(answers).toBe(report.calendar.reduce((sum, d) => sum + d.answers, 0));
    const retention = [...container.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Drills')!;
    expect([...retention.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Today', 'Yesterday', 'Last week', 'Last month', 'Last year']);
    expect(container.textContent).toContain(`Brier ${report.person.brier!.toFixed(2)} over 3`);
  });

  test('asks for the weekly self-rating, saves it with its note, and shows it beside the measure', async () => {
    const checklist = await importSample('data-quality-checklist.md');
    await practise(checklist);
    await render();
    const title = store.getState().report!.packs.find((p) => p.packId === checklist)!.title;
    let pack = card(title);
    expect(pack.textContent).toContain('Your weekly check: where would you put yourself?');
    const save = [...pack.querySelectorAll('button')].find((b) => b.textContent === 'Save my rating')!;
    expect(save.disabled).toBe(true);
    const assisted = [...pack.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === '3')!;
    await click(assisted);
    await type(pack.querySelector<HTMLInputElement>('.self-rating input.text-input')!, 'Fine with the list beside me');
    expect(save.disabled).toBe(false);
    await click(save);
    await vi.waitFor(async () => expect(await repos.assessments.all()).toHaveLength(1));
    expect((await repos.assessments.all())[0]).toMatchObject({ packId: checklist, level: 3, note: 'Fine with the list beside me', at: clock });
    // The prompt closes once the store has read the report again.
    await vi.waitFor(() => expect(card(title).querySelector('.self-rating-prompt')).toBeNull(), { timeout: 5_000 });
    pack = card(title);
    expect(pack.querySelector('.self-rating-line')?.textContent).toContain('3 Assisted');
    const levelTable = pack.querySelector('.level-figure table')!;
    expect(levelTable.textContent).toContain('Your rating');
    expect(levelTable.textContent).toContain('Fine with the list beside me');
  });

  test('sets a target, refusing a date in the past, and says when there is not enough to project', async () => {
    const tree = await importSample('feature-drift-response.yaml');
    await simulate(tree, 's1', clock - DAY);
    await render();
    const title = store.getState().report!.packs[0]!.title;
    await click([...card(title).querySelectorAll('button')].find((b) => b.textContent?.startsWith('Set a target'))!);
    const date = card(title).querySelector<HTMLInputElement>('input[type="date"]')!;
    await type(date, '2020-01-01');
    await click(button('Save the target'));
    expect(card(title).textContent).toContain('Choose a date after today.');
    expect(await repos.settings.get('progress.targets', {})).toEqual({});
    await type(date, '2026-12-31');
    await type(card(title).querySelector<HTMLSelectElement>('select')!, '4');
    await click(button('Save the target'));
    await vi.waitFor(() => expect(card(title).querySelector('.target-form')).toBeNull(), { timeout: 5_000 });
    expect(store.getState().report!.packs[0]!.target).toMatchObject({ level: 4 });
    expect(card(title).querySelector('.target')?.textContent).toMatch(/4 Independent by 31 December\. Not enough practice yet to project\./);
  });

  test('"Practise these" starts a drill session of exactly the weakest cards', async () => {
    const checklist = await importSample('data-quality-checklist.md');
    await practise(checklist);
    await render();
    await vi.waitFor(() => expect(container.querySelector('.weakest-list')).not.toBeNull(), { timeout: 5_000 });
    const weakest = store.getState().weakest!;
    const link = [...container.querySelectorAll('a')].find((a) => a.textContent?.startsWith('Practise these'))!;
    expect(requestFromHash(link.getAttribute('href')!)).toEqual({ mode: 'cards', ids: weakest.map((item) => item.cardId) });
    expect(container.querySelectorAll('.weakest-list li')).toHaveLength(weakest.length);
  });

  test('exports the report for a mentor as Markdown and CSV through the platform, and prints in the browser', async () => {
    const checklist = await importSample('data-quality-checklist.md');
    await practise(checklist);
    await render();
    const title = store.getState().report!.packs[0]!.title;
    await click(button('Export Markdown'));
    await click(button('Export CSV'));
    await vi.waitFor(() => expect(container.textContent).toContain('The CSV report is saved.'));
    expect(saved.map((s) => s.name)).toEqual(['kata-progress-2026-11-10.md', 'kata-progress-2026-11-10.csv']);
    expect(saved[0]!.text).toMatch(/^# Kata progress report/);
    expect(saved[0]!.text).toContain(`### ${title}`);
    expect(saved[1]!.text.split('\n')[0]).toMatch(/^pack_id,title,kind,level/);
    expect(container.textContent).toContain('The CSV report is saved.');
    // happy-dom has no print dialog: the button hands over to the browser's own.
    const print = vi.fn();
    (window as { print: () => void }).print = print;
    await click(button('Print'));
    expect(print).toHaveBeenCalledOnce();
    expect(container.textContent).not.toContain('Save as PDF');
  });
});
