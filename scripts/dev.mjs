// `npm run dev`: Vite's dev server for the renderer, esbuild in watch mode for the
// Node side, and Electron pointed at the dev server (KATA_DEV_URL). Electron restarts
// whenever main or preload is rebuilt; closing the Kata window ends the session.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { createServer } from 'vite';
import { electronEntries, esbuildOptions } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const HOST = '127.0.0.1';
const PORT = 5173;
const DEV_URL = `http://${HOST}:${PORT}/`;

/** The Electron binary, or null with the reason when the runtime is not installed. */
function findElectron() {
  try {
    // The `electron` package exports the binary's path (and tries to download it if missing).
    return { path: require('electron') };
  } catch (error) {
    return { path: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

const vite = await createServer({
  root,
  configFile: path.join(root, 'vite.config.ts'),
  server: { host: HOST, port: PORT, strictPort: true },
});
await vite.listen();
console.log(`dev: renderer at ${DEV_URL}`);

const electron = findElectron();
if (!electron.path) {
  console.error(
    [
      '',
      'dev: the Electron runtime is not installed and could not be downloaded.',
      `     (${electron.reason})`,
      '     The renderer still runs: open the URL above in Chromium, or install the runtime',
      '     with `npx install-electron` once you have network access, then re-run `npm run dev`.',
      '',
    ].join('\n'),
  );
}

let child = null;
let restarting = false;
let shuttingDown = false;
const contexts = [];

function startElectron() {
  if (!electron.path || shuttingDown) return;
  child = spawn(electron.path, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KATA_DEV_URL: DEV_URL },
  });
  child.on('exit', (code, signal) => {
    child = null;
    if (restarting) return;
    // The person closed Kata: end the whole dev session.
    console.log(`dev: electron exited (${signal ?? code}); stopping.`);
    void shutdown(code ?? 0);
  });
}

async function restartElectron() {
  if (!electron.path) return;
  if (child) {
    restarting = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    restarting = false;
  }
  console.log('dev: (re)starting electron');
  startElectron();
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  child?.kill('SIGTERM');
  await Promise.allSettled(contexts.map((context) => context.dispose()));
  await vite.close();
  process.exit(code);
}

// Rebuilds of main/preload arrive close together; restart once they have settled.
let restartTimer;
function scheduleRestart() {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => void restartElectron(), 150);
}

for (const entry of electronEntries) {
  const context = await esbuild.context({
    ...esbuildOptions(entry, { dev: true }),
    plugins: [
      {
        name: 'kata-restart-electron',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length > 0) {
              console.error(`dev: ${entry.name} failed to build; keeping the running app.`);
              return;
            }
            if (entry.restartsElectron !== false) scheduleRestart();
          });
        },
      },
    ],
  });
  contexts.push(context);
  await context.watch();
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
