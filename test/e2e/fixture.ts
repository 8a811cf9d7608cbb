/**
 * The one fixture that opens the app for end-to-end specs: the web build in
 * Chromium always, and the Electron app too where an Electron runtime is
 * installed. Specs run against each of `targets` with `describe.each(targets)`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { installedElectronExecutable } from '../../scripts/electron-runtime.mjs';
import type { StaticServer } from '../../scripts/static-server.mjs';
import { APP_SECURITY_HEADERS, startStaticServer } from '../../scripts/static-server.mjs';

export type TargetKind = 'chromium' | 'electron';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST_RENDERER = path.join(REPO_ROOT, 'dist', 'renderer');
export const ELECTRON_MAIN = path.join(REPO_ROOT, 'dist', 'electron', 'main.cjs');
export const CHROMIUM_PATH = process.env.KATA_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every Chromium launch here needs (this machine's closed network, no sandbox as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Where the Electron binary is, or undefined when none is installed. Never downloads it:
 * requiring the `electron` package would try to, which cannot work on this machine.
 */
export function electronExecutablePath(): string | undefined {
  return installedElectronExecutable(path.join(REPO_ROOT, 'node_modules', 'electron'));
}

export function electronRuntimeAvailable(): boolean {
  return electronExecutablePath() !== undefined;
}

export const ELECTRON_SKIPPED_MESSAGE =
  'Electron e2e did not run: no Electron runtime installed (node_modules/electron/dist missing; it cannot be downloaded on this machine)';

/** What the specs run against: Chromium always, Electron when its runtime is installed. */
export const targets: TargetKind[] = electronRuntimeAvailable() ? ['chromium', 'electron'] : ['chromium'];

export interface OpenAppOptions {
  target?: TargetKind;
  colorScheme?: 'light' | 'dark';
  /** Reuse a profile (to see what a restart keeps); the caller then owns and removes it. */
  userDataDir?: string;
  viewport?: { width: number; height: number };
  /** Screen to open, e.g. `#/settings`. */
  hash?: string;
  /**
   * Installs Playwright's clock at this epoch time (ms) before the app loads, so the
   * page's Date.now starts there and runs on in real time (`page.clock.fastForward`
   * jumps it ahead). Chromium only.
   */
  clockAt?: number;
  /**
   * Runs on the browser context before the app's first request (Chromium only): to record or
   * route every request, or add an init script, from the very start.
   */
  beforeLoad?: (context: BrowserContext) => Promise<void>;
  /**
   * Runs on a page of the app's origin that is not the app (its favicon), before the app
   * loads: to put a database there as another version of Kata left it. Chromium only.
   */
  beforeApp?: (page: Page) => Promise<void>;
}

export interface OpenedApp {
  page: Page;
  kind: TargetKind;
  userDataDir: string;
  /** Console errors and uncaught page errors seen so far, in order. */
  problems: string[];
  /** Go to a screen by its hash and wait until its heading shows. */
  goto(hash: string): Promise<void>;
  close(): Promise<void>;
}

let server: Promise<StaticServer> | undefined;

/**
 * The origin the web build is served from; the same for every app opened by this test process
 * (IndexedDB is per origin, port included, so reopening the app finds its data). Served with
 * the app's own headers (CSP, COOP/COEP), as `npm start` serves it.
 */
export function webOrigin(): Promise<string> {
  server ??= startStaticServer(DIST_RENDERER, { headers: APP_SECURITY_HEADERS, appOnly: true, unref: true });
  return server.then((s) => s.origin);
}

export async function makeProfileDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'kata-e2e-'));
}

function watchProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/** Waits until the app has booted and shows a screen. */
export async function waitForApp(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
}

export async function openApp(options: OpenAppOptions = {}): Promise<OpenedApp> {
  const kind = options.target ?? 'chromium';
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await makeProfileDir());
  const problems: string[] = [];
  const viewport = options.viewport ?? { width: 1280, height: 800 };

  let page: Page;
  let shutdown: () => Promise<void>;

  if (kind === 'chromium') {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      colorScheme: options.colorScheme ?? 'light',
      viewport,
    });
    if (options.clockAt !== undefined) await context.clock.install({ time: options.clockAt });
    await options.beforeLoad?.(context);
    page = context.pages()[0] ?? (await context.newPage());
    if (options.beforeApp) {
      // Watched only from the app on: the browser asks this page for a /favicon.ico that is not there.
      await page.goto(`${await webOrigin()}/favicon.svg`);
      await options.beforeApp(page);
    }
    watchProblems(page, problems);
    await page.goto(`${await webOrigin()}/index.html${options.hash ?? ''}`);
    shutdown = () => context.close();
  } else {
    const executablePath = electronExecutablePath();
    if (!executablePath) throw new Error(ELECTRON_SKIPPED_MESSAGE);
    // Electron's first window loads before the test could install a clock in it.
    if (options.clockAt !== undefined) throw new Error('openApp: clockAt is supported for the chromium target only');
    if (options.beforeLoad) throw new Error('openApp: beforeLoad is supported for the chromium target only');
    if (options.beforeApp) throw new Error('openApp: beforeApp is supported for the chromium target only');
    const isRoot = process.getuid?.() === 0;
    const app = await _electron.launch({
      executablePath,
      cwd: REPO_ROOT,
      args: [ELECTRON_MAIN, `--user-data-dir=${userDataDir}`, ...(isRoot ? ['--no-sandbox'] : [])],
      // KATA_USER_DATA_DIR lets electron/main.ts keep each test's data apart from the person's own.
      env: { ...process.env, KATA_USER_DATA_DIR: userDataDir, KATA_E2E: '1' },
      colorScheme: options.colorScheme ?? 'light',
    });
    page = await app.firstWindow();
    watchProblems(page, problems);
    await page.setViewportSize(viewport);
    if (options.hash) await page.evaluate((hash) => (window.location.hash = hash), options.hash);
    shutdown = () => app.close();
  }

  await waitForApp(page);
  return {
    page,
    kind,
    userDataDir,
    problems,
    async goto(hash) {
      await page.evaluate((target) => (window.location.hash = target), hash);
      await page.waitForFunction((target) => window.location.hash === target, hash);
      await waitForApp(page);
    },
    async close() {
      await shutdown();
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
