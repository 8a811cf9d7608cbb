/**
 * The fault specs' way to crash the app: Chromium started by hand on a persistent profile
 * (chromium-process.ts), in a process group of its own, with the app open; `killHard` sends
 * SIGKILL to the whole group (browser, renderers, the storage service) — no shutdown, no
 * flush — and waits until the browser process is gone. Relaunch with `openApp({ userDataDir })`
 * on the same profile: the web build is served from the same origin for the whole test
 * process, so the app finds its database again.
 */
import type { Page } from 'playwright-core';
import type { Launched } from './chromium-process';
import { launchChromium } from './chromium-process';
import { waitForApp, webOrigin } from './fixture';

export { isRunning, killHard } from './chromium-process';

export interface KillableApp extends Launched {
  page: Page;
  /** Uncaught page errors seen so far. */
  problems: string[];
}

/** Chromium on `profile`, connected over CDP, with the app open at `hash`. */
export async function launchKillable(profile: string, hash = '#/library'): Promise<KillableApp> {
  const launched = await launchChromium(profile);
  const context = launched.browser.contexts()[0] ?? (await launched.browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${await webOrigin()}/index.html${hash}`);
  await waitForApp(page);
  return { ...launched, page, problems };
}
