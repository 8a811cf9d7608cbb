/**
 * A walk through every screen of the app and its states, shared by the checks
 * that must hold everywhere (layout, accessibility: screens-check.e2e.ts) and by
 * `npm run screenshots`, so the pictures show exactly what is checked.
 *
 * The walk starts on an empty Library and yields at each stop, once the screen
 * shows what the stop is named after: every screen empty, the Library's dialogs
 * and an import review, then the samples imported and every screen again, an
 * import review with a diff, errors and warnings, and in Practice the start
 * panel, each card kind asked and answered, and a session's summary; Progress with its
 * packs, a target being set and a rating saved, and again after a year of practice.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenedApp } from './fixture';
import { REPO_ROOT } from './fixture';
import { CORPUS_DIR, chooseFiles, confirmAll, reviewReady } from './library-helpers';
import type { CardOnScreen } from './practice-helpers';
import { seedYearOfPractice } from './personal-helpers';
import { gradeAndContinue, respond, waitForNext } from './practice-helpers';

const SAMPLES_DIR = path.join(REPO_ROOT, 'resources', 'samples');

/** Which pack shows which card kinds, and a right answer where one is typed. */
const PRACTICE_PACKS: readonly { id: string; kinds: string[]; typed?: Record<string, string> }[] = [
  { id: 'sample-model-deployment', kinds: ['next-step', 'cloze', 'why', 'sequence'], typed: { cloze: '0.005' } },
  { id: 'sample-inference-outage', kinds: ['memory'], typed: { memory: 'declare the incident in the on-call channel' } },
  { id: 'overfitting-diagnosis', kinds: ['branch', 'reverse'] },
  { id: 'ml-metrics', kinds: ['qa'] },
];

export interface TourStop {
  /** kebab-case, unique: also the screenshot's file name. */
  name: string;
  /** A modal dialog is open over the screen (a picture of the viewport shows it best). */
  dialog: boolean;
}

async function screen(app: OpenedApp, hash: string, heading?: string): Promise<void> {
  await app.goto(hash);
  if (heading) await app.page.getByRole('heading', { name: heading }).first().waitFor();
}

/** The runbook sample with one step added, one changed and one removed: a re-import diff. */
async function editedRunbook(): Promise<{ name: string; text: string }> {
  const original = await readFile(path.join(SAMPLES_DIR, 'inference-outage-runbook.md'), 'utf8');
  const text = original
    .replace('Switch traffic to the fallback model', 'Switch all traffic to the fallback model')
    .replace("- [ ] Check the feature store's freshness and error rate\n", '')
    .replace('## Recover\n', '## Recover\n- [ ] Confirm the fallback model is healthy before returning traffic\n');
  return { name: 'inference-outage-runbook.md', text };
}

async function corpusFile(name: string): Promise<{ name: string; text: string }> {
  return { name, text: await readFile(path.join(CORPUS_DIR, 'mermaid', name), 'utf8') };
}

/** Walks the app in `app` (opened on the Library, with an empty profile), stopping at every state. */
export async function* tourScreens(app: OpenedApp): AsyncGenerator<TourStop> {
  const { page } = app;
  const stop = (name: string, dialog = false): TourStop => ({ name, dialog });

  await screen(app, '#/library', 'Import a checklist or a flowchart');
  yield stop('library-empty');

  await page.getByRole('button', { name: 'Try a sample pack' }).first().click();
  const samples = page.getByRole('dialog', { name: 'Try a sample pack' });
  await samples.waitFor();
  yield stop('library-samples-dialog', true);
  await page.keyboard.press('Escape');
  await samples.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Paste text…' }).first().click();
  const paste = page.getByRole('dialog', { name: 'Paste text to import' });
  await paste.getByLabel('Name').fill('pager-triage');
  await paste.getByLabel('Format').selectOption('.mmd');
  await paste.getByLabel('Text').fill('flowchart TD\n  a{Customer impact?} -->|yes| b[Page the on-call]\n  a -->|no| c[Open a ticket]\n');
  yield stop('library-paste-dialog', true);
  await page.keyboard.press('Escape');
  await paste.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Preview this sample' }).click();
  await reviewReady(page);
  yield stop('library-empty-import-review', true);
  await page.keyboard.press('Escape');
  await page.locator('.import-review').waitFor({ state: 'detached' });

  await screen(app, '#/practice', 'Nothing to practise yet');
  yield stop('practice-empty');
  await screen(app, '#/simulate');
  yield stop('simulate-empty');
  await screen(app, '#/progress');
  yield stop('progress-empty');
  await screen(app, '#/settings');
  yield stop('settings-empty');

  // Every sample, with one archived and the archived list open.
  await screen(app, '#/library');
  await page.getByRole('button', { name: /^Preview all \d+ samples$/ }).click();
  await confirmAll(page);
  await page.getByRole('button', { name: 'Archive ML model debugging checklist' }).click();
  await page.locator('details.archived-panel summary').click();
  await page.locator('details.archived-panel[open] .pack-row').waitFor();
  yield stop('library-packs');

  await chooseFiles(page, [
    await editedRunbook(),
    await corpusFile('24-broken-parens-in-square-label.mmd'),
    await corpusFile('25-broken-fenced-mmd-file.mmd'),
    { name: 'duplicate-ids.md', text: '# Rollout\n\n## Before\n- [ ] Freeze the schema {#freeze}\n- [ ] Tell on-call {#freeze}\n' },
  ]);
  await reviewReady(page);
  yield stop('library-import-review', true);
  await page.keyboard.press('Escape');
  await page.locator('.import-review').waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Delete… Inference outage runbook' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete “Inference outage runbook”?' });
  await remove.getByLabel('Type delete to confirm').fill('dele');
  yield stop('library-delete-dialog', true);
  await page.keyboard.press('Escape');
  await remove.waitFor({ state: 'detached' });

  await screen(app, '#/practice', "Today's practice");
  yield stop('practice-start');
  yield* practiseEveryKind(app);

  await screen(app, '#/simulate');
  yield stop('simulate');
  yield* simulateScenarios(app);
  yield* progressStates(app);
  await screen(app, '#/settings');
  yield stop('settings');
  yield* personalScheduling(app);
  yield* progressAfterAYear(app);
}

/** Progress after the tour's practice: the packs with the weekly rating prompt, a target being set, a rating saved. */
async function* progressStates(app: OpenedApp): AsyncGenerator<TourStop> {
  const { page } = app;
  await screen(app, '#/progress', 'Your packs');
  await page.locator('.weakest-list, .progress-section .muted').first().waitFor();
  yield { name: 'progress', dialog: false };
  const pack = page.locator('article.pack-progress').first();
  await pack.getByRole('button', { name: /^Set a target/ }).click();
  await pack.locator('.target-form').waitFor();
  yield { name: 'progress-target-form', dialog: false };
  await pack.getByRole('button', { name: 'Cancel' }).click();
  const prompt = page.locator('.self-rating-prompt').first();
  await prompt.getByRole('radio', { name: '2 Guided' }).check();
  await prompt.getByRole('button', { name: 'Save my rating' }).click();
  // The rated pack's line says so (the next pack's prompt stays open).
  await page.locator('.self-rating-line', { hasText: '2 Guided' }).first().waitFor();
  yield { name: 'progress-rated', dialog: false };
}

/** Progress over the year of practice that Personal scheduling trained on (the rollups rebuilt first). */
async function* progressAfterAYear(app: OpenedApp): AsyncGenerator<TourStop> {
  const { page } = app;
  await screen(app, '#/progress', 'Your packs');
  await page.locator('svg.heatmap rect.heat:not(.heat-0)').nth(30).waitFor();
  yield { name: 'progress-year', dialog: false };
}

/** Settings' Personal scheduling after a year of practice: ready, training, the comparison, adopted. */
async function* personalScheduling(app: OpenedApp): AsyncGenerator<TourStop> {
  const { page } = app;
  await seedYearOfPractice(page);
  await page.reload();
  await screen(app, '#/settings');
  const section = page.locator('section.personal-scheduling');
  await section.getByText(/Enough to train/).waitFor();
  await section.locator('.workload-chart').waitFor();
  yield { name: 'settings-personal-ready', dialog: false };
  await section.getByRole('button', { name: /^Train/ }).click();
  await section.getByRole('progressbar', { name: 'Training progress' }).waitFor();
  yield { name: 'settings-personal-training', dialog: false };
  await section.locator('.personal-table').waitFor({ timeout: 120_000 });
  yield { name: 'settings-personal-result', dialog: false };
  const adopt = section.getByRole('button', { name: 'Adopt your parameters' });
  if ((await adopt.count()) > 0) {
    await adopt.click();
    await section.getByRole('button', { name: 'Go back to defaults' }).waitFor();
    yield { name: 'settings-personal-adopted', dialog: false };
  }
}

/** Each card kind once as a question and once answered, pack by pack, then a session's summary. */
async function* practiseEveryKind(app: OpenedApp): AsyncGenerator<TourStop> {
  const { page } = app;
  const seen = new Set<string>();
  for (const pack of PRACTICE_PACKS) {
    await app.goto(`#/practice?pack=${pack.id}`);
    await page.locator('.start-button').click();
    let card: CardOnScreen | null = await waitForNext(page, -1);
    for (let guard = 0; card && guard < 40 && !pack.kinds.every((kind) => seen.has(kind)); guard += 1) {
      const wanted = pack.kinds.includes(card.kind) && !seen.has(card.kind);
      if (wanted) yield { name: `practice-${card.kind}-question`, dialog: false };
      if (card.drill === 'sequence') await page.locator('.sequence-list[role="listbox"]').focus();
      await respond(page, card, pack.typed?.[card.drill] ?? 'not sure');
      if (wanted) {
        yield { name: `practice-${card.kind}-answer`, dialog: false };
        seen.add(card.kind);
      }
      card = await gradeAndContinue(page, card);
    }
    // Escape ends the session; the summary follows.
    if (card) await page.keyboard.press('Escape');
    await page.locator('.session-summary').waitFor();
  }
  const missing = PRACTICE_PACKS.flatMap((pack) => pack.kinds).filter((kind) => !seen.has(kind));
  if (missing.length > 0) throw new Error(`the tour never met these card kinds: ${missing.join(', ')}`);
  yield { name: 'practice-summary', dialog: false };
}

/** A tree walked at level 1 (options, a hint, a miss) to its debrief, and a checklist at level 4 (recall) left by Esc. */
async function* simulateScenarios(app: OpenedApp): AsyncGenerator<TourStop> {
  const { page } = app;
  const walk = async (title: string, level: string): Promise<void> => {
    await page.locator('.scenario-row', { hasText: title }).getByRole('button', { name: /^Walk/ }).click();
    await page.locator('.briefing').waitFor();
    await page.getByRole('radio', { name: new RegExp(`^${level} `) }).check();
  };
  await walk('Feature drift alert', '1');
  yield { name: 'simulate-briefing', dialog: false };
  await page.getByRole('button', { name: 'Start scenario' }).click();
  await page.locator('.choice-list button').first().waitFor();
  yield { name: 'simulate-run-choice', dialog: false };
  await page.getByRole('button', { name: 'Show the chart' }).click();
  await page.locator('.chart-hint').waitFor();
  yield { name: 'simulate-run-chart-hint', dialog: false };
  let first = true;
  while ((await page.locator('.debrief').count()) === 0) {
    await page.locator('.choice-list button').first().waitFor();
    await page.keyboard.press(first ? '2' : '1');
    await page.locator('.decision-feedback').waitFor();
    if (first) yield { name: 'simulate-feedback', dialog: false };
    first = false;
    await page.keyboard.press('Enter');
    await page.locator('.decision, .debrief').first().waitFor();
  }
  yield { name: 'simulate-debrief-reaction', dialog: false };
  await page.getByLabel(/how did that go/).fill('Slower than I wanted at the first check');
  await page.keyboard.press('Enter');
  await page.locator('.decision-table').waitFor();
  yield { name: 'simulate-debrief', dialog: false };
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await page.locator('.scenario-list').waitFor();
  await walk('Inference outage runbook', '4');
  await page.getByLabel('Part to perform').selectOption('all');
  await page.getByRole('button', { name: 'Start scenario' }).click();
  await page.locator('.recall-form input').waitFor();
  yield { name: 'simulate-run-recall', dialog: false };
  await page.locator('.recall-form input').fill('Declare the incident');
  await page.keyboard.press('Enter');
  await page.locator('.decision-feedback, .confirm-recall').first().waitFor();
  yield { name: 'simulate-recall-judged', dialog: false };
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Abandon this scenario?' }).waitFor();
  yield { name: 'simulate-abandon-dialog', dialog: true };
  await page.getByRole('button', { name: 'Abandon', exact: true }).click();
  await page.locator('.scenario-list').waitFor();
}

