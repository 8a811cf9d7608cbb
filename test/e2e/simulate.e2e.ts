/**
 * Simulations from the keyboard only: from the Simulate screen through the debrief, for a
 * decision tree and for a checklist. Every decision is stored with its attempt and a
 * `simulation` review event; the take-away is still there after a reload; the console
 * stays clean.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReviewEvent, SimulationAttempt } from '../../shared/model';
import type { OpenedApp, TargetKind } from './fixture';
import { makeProfileDir, openApp, targets } from './fixture';
import { importSamples, readStore } from './practice-helpers';
import { walkFromKeyboard } from './simulate-helpers';
import { rm } from 'node:fs/promises';

/** Presses Tab until the focused element's text (visually hidden parts of its name included) matches `name`. */
async function tabTo(page: Page, name: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());
    if (name.test(text)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

describe.each(targets)('simulate (%s, keyboard only)', (target: TargetKind) => {
  let app: OpenedApp | undefined;
  let profile: string | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (profile) await rm(profile, { recursive: true, force: true });
    profile = undefined;
  });

  test('a tree at a low level and a checklist at a high level, through the debrief, kept after a reload', async () => {
    profile = await makeProfileDir();
    app = await openApp({ target, hash: '#/library', userDataDir: profile });
    const { page } = app;
    await importSamples(page, ['feature-drift-response.yaml', 'inference-outage-runbook.md', 'ml-metrics.csv']);

    // From here on: the keyboard only.
    await page.keyboard.press('Control+3');
    await page.locator('.scenario-list').waitFor();
    const rows = await page.locator('.scenario-row .scenario-title').allTextContents();
    expect(rows).toEqual(['Feature drift alert', 'Inference outage runbook']);
    await expect.poll(() => page.locator('.incident-card').textContent()).toMatch(/Rare in real life/);

    // The tree, at level 1 (options).
    await tabTo(page, /^Walk Feature drift alert/);
    await page.keyboard.press('Enter');
    await page.locator('.briefing').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Start scenario');
    await page.keyboard.press('Enter');
    await page.locator('.run').waitFor();
    expect(await page.locator('.run-clock').getAttribute('aria-label')).toMatch(/^Time: 0:0\d of 10:00/);
    const treeDecisions = await walkFromKeyboard(page, 0);
    expect(treeDecisions).toBeGreaterThanOrEqual(1);
    await page.getByLabel(/how did that go/).waitFor();
    await page.keyboard.type('Quicker than last time');
    await page.keyboard.press('Enter');
    await page.locator('.decision-table').waitFor();
    expect(await page.locator('.decision-table tbody tr').count()).toBe(treeDecisions);
    expect(await page.locator('.decision-table').textContent()).toMatch(/✗ missed|✓ right/);
    await page.getByLabel('One take-away for next time').focus();
    await page.keyboard.type('Look at the upstream change log first.');
    await tabTo(page, /^Save the take-away/);
    await page.keyboard.press('Enter');
    await page.locator('.debrief-step', { hasText: 'Saved with this attempt.' }).waitFor();

    // A reload comes back to the same debrief, take-away included.
    await page.reload();
    await page.locator('.debrief').waitFor();
    expect(await page.getByLabel('One take-away for next time').inputValue()).toBe('Look at the upstream change log first.');
    expect(await page.locator('.debrief-reaction').textContent()).toContain('Quicker than last time');

    // The checklist, whole, at level 4 (free recall).
    await tabTo(page, /^Back to the list/);
    await page.keyboard.press('Enter');
    await page.locator('.scenario-list').waitFor();
    await tabTo(page, /^Walk Inference outage runbook/);
    await page.keyboard.press('Enter');
    await page.locator('.briefing').waitFor();
    await page.getByRole('radio', { name: /^4 Independent/ }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Part to perform').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Part to perform').inputValue()).toBe('all');
    await tabTo(page, /^Start scenario/);
    await page.keyboard.press('Enter');
    await page.locator('.run').waitFor();
    const checklistDecisions = await walkFromKeyboard(page, 2);
    expect(checklistDecisions).toBe(10);
    await page.getByLabel(/how did that go/).waitFor();

    // Stored: two finished attempts with every decision, each decision a simulation event on its card.
    const attempts = await readStore<SimulationAttempt>(page, 'attempts');
    expect(attempts.map((a) => [a.kind, a.status, a.decisions.length]).sort()).toEqual([
      ['checklist', 'finished', 10],
      ['tree', 'finished', treeDecisions],
    ]);
    const events = await readStore<ReviewEvent>(page, 'events');
    expect(events).toHaveLength(treeDecisions + 10);
    expect(events.every((event) => event.source === 'simulation')).toBe(true);
    const checklist = attempts.find((a) => a.kind === 'checklist')!;
    expect(checklist.decisions[2]?.correct).toBe(false);
    expect(app.problems).toEqual([]);
  });
});
