#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: builds what changed, then opens the desktop app. Where the desktop app cannot
 * run (no Electron runtime and no way to download it, or no display to show a window on), it
 * serves the browser build on 127.0.0.1 instead and opens it in the default browser, so
 * `npm start` always ends with Kata open. `npm run web` (`--web`) goes straight to the browser.
 *
 * `start()` decides and takes every effect as a parameter (test/scripts/start.test.ts);
 * the bottom of this file wires the real ones.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_BUILD, RENDERER_BUILD, buildStaleTargets } from './build-freshness.mjs';
import { findElectronRuntime } from './electron-runtime.mjs';
import { openInBrowser } from './open-browser.mjs';
import { APP_SECURITY_HEADERS, startStaticServer } from './static-server.mjs';

/** @typedef {import('./build-freshness.mjs').BuildTarget} BuildTarget */
/** @typedef {import('./electron-runtime.mjs').ElectronRuntime} ElectronRuntime */
/** @typedef {import('./static-server.mjs').StaticServer} StaticServer */

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The browser build's port: fixed, because IndexedDB (the library) belongs to an origin, port included. */
export const WEB_PORT = 5174;

/**
 * @typedef {object} StartEffects
 * @property {() => Promise<ElectronRuntime>} findRuntime
 * @property {(targets: BuildTarget[]) => Promise<void>} ensureBuilt builds the targets that are not current
 * @property {(executable: string) => Promise<number>} runElectron resolves to the exit code; rejects when it cannot start
 * @property {() => Promise<StaticServer>} serveWeb serves dist/renderer
 * @property {(url: string) => Promise<{ opened: true } | { opened: false, reason: string }>} openBrowser
 * @property {() => Promise<void>} untilStopped resolves when the person stops the server (Ctrl+C)
 * @property {(line: string) => void} log
 * @property {NodeJS.Platform} platform
 * @property {NodeJS.ProcessEnv} env
 */

/**
 * Why the desktop app cannot show a window here, or undefined when it can.
 * @param {NodeJS.Platform} platform
 * @param {NodeJS.ProcessEnv} env
 */
export function missingDisplay(platform, env) {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return 'there is no graphical display to open its window on ($DISPLAY is not set)';
}

/**
 * What `npm start` says when it serves the browser build instead: what failed, that the app
 * is fine, and (when the runtime is what is missing) how to get it.
 * @param {{ reason: string, runtimeMissing: boolean }} why
 * @returns {string[]}
 */
export function fallbackMessage({ reason, runtimeMissing }) {
  const lines = [
    runtimeMissing
      ? `Kata's desktop runtime (Electron) is not installed: ${reason}.`
      : `Kata's desktop app cannot start here: ${reason}.`,
    'Nothing is wrong with Kata: it opens in your browser instead, and keeps its library in that browser.',
  ];
  if (runtimeMissing) {
    lines.push(
      'For the desktop app, run `npm rebuild electron` (or `node node_modules/electron/install.js`) on a machine with internet access, then `npm start`.',
    );
  }
  return lines;
}

/**
 * @param {StartEffects} effects
 * @returns {Promise<number>} the exit code
 */
async function serveBrowserBuild(effects) {
  await effects.ensureBuilt([RENDERER_BUILD]);
  const server = await effects.serveWeb();
  if (server.fellBack) {
    effects.log(`Port ${WEB_PORT} is taken, so Kata uses port ${server.port}; a library kept at port ${WEB_PORT} does not show at this address.`);
  }
  const url = `${server.origin}/`;
  const opened = await effects.openBrowser(url);
  effects.log(opened.opened ? `Kata is open in your browser at ${url}` : `Kata is running at ${url} (open it in your browser; not opened automatically: ${opened.reason}).`);
  effects.log('Press Ctrl+C to stop it.');
  await effects.untilStopped();
  await server.close();
  return 0;
}

/**
 * @param {StartEffects} effects
 * @param {{ reason: string, runtimeMissing: boolean }} why
 */
function fallBackToBrowser(effects, why) {
  for (const line of fallbackMessage(why)) effects.log(line);
  return serveBrowserBuild(effects);
}

/**
 * Opens Kata: the desktop app where it can run, else the browser build.
 * @param {{ web?: boolean }} options `web`: skip the desktop app
 * @param {StartEffects} effects
 * @returns {Promise<number>} the exit code
 */
export async function start({ web = false }, effects) {
  if (web) return serveBrowserBuild(effects);
  const runtime = await effects.findRuntime();
  if (!runtime.ok) return fallBackToBrowser(effects, { reason: runtime.reason, runtimeMissing: true });
  const noDisplay = missingDisplay(effects.platform, effects.env);
  if (noDisplay) return fallBackToBrowser(effects, { reason: noDisplay, runtimeMissing: false });
  await effects.ensureBuilt([RENDERER_BUILD, ELECTRON_BUILD]);
  try {
    return await effects.runElectron(runtime.executable);
  } catch (error) {
    const reason = `Electron did not start (${error instanceof Error ? error.message : String(error)})`;
    return fallBackToBrowser(effects, { reason, runtimeMissing: false });
  }
}

/**
 * Serves the browser build at WEB_PORT (or a free port when it is taken) with the app's headers.
 * @param {string} distDir
 * @param {number} [port]
 */
export function serveWebBuild(distDir, port = WEB_PORT) {
  return startStaticServer(distDir, { port, fallbackToFreePort: true, headers: APP_SECURITY_HEADERS, appOnly: true });
}

/**
 * Runs Electron on the app as `electron .` did; Ctrl+C and kill reach it too.
 * @param {string} executable
 * @returns {Promise<number>}
 */
function runElectron(executable) {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, ['.'], { cwd: REPO_ROOT, stdio: 'inherit' });
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    const stopForwarding = () => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', (error) => {
      stopForwarding();
      reject(error);
    });
    child.once('exit', (code) => {
      stopForwarding();
      resolve(code ?? 1);
    });
  });
}

/** @returns {StartEffects} */
function realEffects() {
  const log = (/** @type {string} */ line) => console.log(line);
  return {
    findRuntime: () => findElectronRuntime({ packageDir: path.join(REPO_ROOT, 'node_modules', 'electron'), log }),
    ensureBuilt: (targets) =>
      buildStaleTargets(
        REPO_ROOT,
        targets,
        {
          renderer: async () => {
            const { build } = await import('vite');
            // Errors only: build warnings (chunk sizes, plugin timings) are for `npm run build`.
            await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'error' });
          },
          electron: async () => (await import('./build-electron.mjs')).buildElectron(),
        },
        log,
      ),
    runElectron,
    serveWeb: () => serveWebBuild(path.join(REPO_ROOT, 'dist', 'renderer')),
    openBrowser: (url) => openInBrowser(url),
    untilStopped: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
    log,
    platform: process.platform,
    env: process.env,
  };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== '--web')) {
    console.error('Usage: node scripts/start.mjs [--web]   (--web: serve the browser build, skip the desktop app)');
    process.exitCode = 2;
  } else {
    // vite.config.ts names its folders relative to the repository.
    process.chdir(REPO_ROOT);
    start({ web: args.includes('--web') }, realEffects()).then(
      (code) => (process.exitCode = code),
      (error) => {
        // The message says what stopped (a build error's message holds its file, line and code
        // frame); the stack would only point into this script or the bundler.
        console.error(`Kata did not start: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
  }
}
