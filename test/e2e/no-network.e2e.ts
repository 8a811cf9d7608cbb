/**
 * Kata is offline (SECURITY.md): a whole session in real Chromium against the built app, as
 * `npm start` serves it, records every request the browser makes, from the first navigation
 * on, twice over: the context's `request` event (pages and their workers) and a `route('**')`
 * that sees each request before it leaves. Import (samples and files), practice, a simulation
 * to its debrief, Progress, Settings, an export of the collection and its restore: not one request goes anywhere but the app's own
 * origin, none sends anything (only GET), and no WebSocket opens.
 *
 * And the served app is the app alone: no bench page and no source map at its origin, and
 * none in the build.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { OpenedApp } from './fixture';
import { DIST_RENDERER, openApp, webOrigin } from './fixture';
import { chooseFiles, confirmAll } from './library-helpers';
import { gradeAndContinue, importSamples, respond, waitForNext } from './practice-helpers';
import { walkFromKeyboard } from './simulate-helpers';

interface Recorded {
  url: string;
  method: string;
  seenBy: 'request' | 'route' | 'websocket';
}

/** URLs that never leave the page's memory: inline images and saved files. */
const IN_MEMORY = /^(data|blob):/i;

/** Records every request and WebSocket of `context` into `log`, letting each go on unchanged. */
async function recordEverything(context: BrowserContext, log: Recorded[]): Promise<void> {
  context.on('request', (request) => log.push({ url: request.url(), method: request.method(), seenBy: 'request' }));
  await context.route('**', async (route) => {
    const request = route.request();
    log.push({ url: request.url(), method: request.method(), seenBy: 'route' });
    await route.continue();
  });
  context.on('page', (page) => page.on('websocket', (socket) => log.push({ url: socket.url(), method: 'WS', seenBy: 'websocket' })));
  for (const page of context.pages()) page.on('websocket', (socket) => log.push({ url: socket.url(), method: 'WS', seenBy: 'websocket' }));
}

/** Each request that is not a GET (or HEAD) to the app's own origin, or to memory. */
function leaving(log: readonly Recorded[], origin: string): Recorded[] {
  return log.filter((entry) => {
    if (IN_MEMORY.test(entry.url)) return false;
    let at: string;
    try {
      at = new URL(entry.url).origin;
    } catch {
      return true;
    }
    return at !== origin || (entry.method !== 'GET' && entry.method !== 'HEAD');
  });
}

const ROLLOUT = `# Rollout

## Before
- [ ] Confirm offline metrics beat the current model
- [ ] Freeze the feature schema
  > Why: a renamed feature is the commonest cause of training/serving skew.

## Ship
1. Shadow traffic for ==24 hours==
2. Ramp to 5%, then 50%, then 100%
`;

describe('no network (chromium)', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('a whole session sends no request anywhere but the app itself', async () => {
    const log: Recorded[] = [];
    const origin = await webOrigin();
    app = await openApp({ hash: '#/library', beforeLoad: (context) => recordEverything(context, log) });
    const { page } = app;

    // Import: samples (a checklist, a tree, cards) and a file of one's own.
    await importSamples(page, ['model-deployment-checklist.md', 'feature-drift-response.yaml', 'ml-metrics.csv']);
    await chooseFiles(page, [{ name: 'rollout.md', text: ROLLOUT }]);
    await confirmAll(page);
    await page.locator('.pack-panel .pack-title', { hasText: 'Rollout' }).waitFor();

    // Practise several cards of today's session.
    await app.goto('#/practice');
    await page.getByRole('heading', { name: "Today's practice" }).waitFor();
    await page.keyboard.press('Enter');
    let card = await waitForNext(page, -1);
    let practised = 0;
    for (; card && practised < 8; practised += 1) {
      await respond(page, card);
      card = await gradeAndContinue(page, card);
    }
    expect(practised).toBe(8);

    // Walk a simulation to its debrief.
    await app.goto('#/simulate');
    await page.locator('.scenario-list').waitFor();
    await page.getByRole('button', { name: /^Walk Feature drift alert/ }).first().click();
    await page.locator('.briefing').waitFor();
    await page.getByRole('button', { name: 'Start scenario' }).click();
    await page.locator('.run').waitFor();
    expect(await walkFromKeyboard(page, 0)).toBeGreaterThanOrEqual(1);
    await page.getByLabel(/how did that go/).fill('Fine');
    await page.keyboard.press('Enter');
    await page.locator('.decision-table').waitFor();

    // Progress and Settings.
    await app.goto('#/progress');
    await page.getByRole('heading', { name: 'The independence ladder' }).waitFor();
    await app.goto('#/settings');
    await page.getByRole('heading', { name: 'Backups', exact: true }).waitFor();

    // Export the whole collection to a file (a download in the browser build), then restore it.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export collection…' }).click();
    const exported = path.join(await mkdtemp(path.join(tmpdir(), 'kata-no-network-')), 'collection.kata.ndjson');
    await (await download).saveAs(exported);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from a file…' }).click();
    await (await chooser).setFiles(exported);
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Replace my collection with this one' }).click();
    // The app reloads on the restored collection: the packs are there again.
    await reloaded;
    await app.goto('#/library');
    await page.getByText('Feature drift alert').first().waitFor();
    await rm(path.dirname(exported), { recursive: true, force: true });

    // A reload starts the app again from its stored collection, under the same recording.
    await page.reload();
    await page.locator('main h1').first().waitFor();

    expect(app.problems).toEqual([]);
    // Both recorders saw the session (the page, its scripts and its workers' files)...
    const routed = log.filter((entry) => entry.seenBy === 'route');
    expect(routed.length).toBeGreaterThan(5);
    expect(log.filter((entry) => entry.seenBy === 'request').length).toBeGreaterThanOrEqual(routed.length);
    expect(log.some((entry) => entry.url.endsWith('.wasm') || entry.url.includes('worker'))).toBe(true);
    // ...and nothing left the app's own origin, nothing was sent, no socket opened.
    expect(leaving(log, origin)).toEqual([]);
    expect(log.filter((entry) => entry.seenBy === 'websocket')).toEqual([]);
  });

  test('the served app is the app alone: no bench page and no source maps, in the build or at its origin', async () => {
    const files = readdirSync(DIST_RENDERER, { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.map') || path.basename(file).startsWith('bench'))).toEqual([]);
    const origin = await webOrigin();
    const script = files.find((file) => file.endsWith('.js'));
    expect(script).toBeDefined();
    for (const probe of ['/bench.html', `/${script}.map`, '/assets/index.js.map']) {
      expect((await fetch(`${origin}${probe}`)).status, probe).toBe(404);
    }
    expect((await fetch(`${origin}/${script}`)).status).toBe(200);
  });
});
