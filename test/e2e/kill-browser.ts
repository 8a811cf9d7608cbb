/**
 * The fault specs' way to crash the app: Chromium is started by hand on a persistent
 * profile, in a process group of its own, so the test holds its PID; `killHard` sends
 * SIGKILL to the whole group (browser, renderers, the storage service) — no shutdown, no
 * flush — and waits until the browser process is gone. Relaunch with `openApp({ userDataDir })`
 * on the same profile: the web build is served from the same origin for the whole test
 * process, so the app finds its database again.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, waitForApp, webOrigin } from './fixture';

export interface KillableApp {
  process: ChildProcess;
  browser: Browser;
  page: Page;
  /** Uncaught page errors seen so far. */
  problems: string[];
}

/** Chromium on `profile` with a DevTools port, connected over CDP, with the app open at `hash`. */
export async function launchKillable(profile: string, hash = '#/library'): Promise<KillableApp> {
  const child = spawn(
    CHROMIUM_PATH,
    ['--headless=new', ...CHROMIUM_ARGS, '--no-default-browser-check', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    // Its own process group, so one kill reaches every Chromium process.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${await webOrigin()}/index.html${hash}`);
  await waitForApp(page);
  return { process: child, browser, page, problems };
}

/** Whether the browser process is still running. */
export function isRunning(app: KillableApp): boolean {
  return app.process.exitCode === null && app.process.signalCode === null;
}

/** SIGKILL to Chromium's whole process group, and wait until the browser process is gone. */
export async function killHard(app: KillableApp): Promise<void> {
  const { pid } = app.process;
  if (pid === undefined) throw new Error('Chromium has no PID');
  if (!isRunning(app)) return;
  const exited = new Promise<void>((resolve) => app.process.once('exit', () => resolve()));
  process.kill(-pid, 'SIGKILL');
  await exited;
}
