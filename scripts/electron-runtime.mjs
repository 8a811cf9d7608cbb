// @ts-check
/**
 * Finds the Electron runtime (the binary the `electron` npm package downloads after install),
 * and fetches it when it is missing: what `require('electron')` does, but quietly. That
 * require runs node_modules/electron/install.js with inherited output and, offline, prints a
 * stack trace; here its output is kept and summed up in one line.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ ok: true, executable: string } | { ok: false, reason: string }} ElectronRuntime
 */

/**
 * The installed Electron binary under `packageDir` (node_modules/electron), or undefined.
 * Reads path.txt the way the package's own index.js does, without downloading anything.
 * @param {string} packageDir
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined}
 */
export function installedElectronExecutable(packageDir, env = process.env) {
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  // An override folder (a runtime installed by other means) needs no path.txt: `electron` is the default name.
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return undefined;
  const executable = path.join(override ?? path.join(packageDir, 'dist'), relative || 'electron');
  return existsSync(executable) ? executable : undefined;
}

/**
 * One readable line from an installer's output: the last error line, without the stack
 * frames under it (install.js prints `err.stack`).
 * @param {string} output
 * @returns {string}
 */
export function summarizeInstallerOutput(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^at\s/.test(line));
  const errorLine = [...lines].reverse().find((line) => /error|failed|ENOTFOUND|ECONN|EAI_AGAIN/i.test(line));
  return errorLine ?? lines.at(-1) ?? 'no output';
}

/**
 * @typedef {(installer: string, options: { cwd: string, timeoutMs: number }) => Promise<{ code: number | null, output: string }>} RunInstaller
 */

/**
 * Runs `node install.js` with its output captured.
 * @type {RunInstaller}
 */
export function runInstaller(installer, { cwd, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: null, output: `${output}\n${error.message}` }));
    child.on('close', (code, signal) =>
      resolve({ code, output: signal ? `${output}\nthe download was stopped after ${timeoutMs / 60_000} minutes` : output }),
    );
  });
}

/**
 * The Electron runtime under `packageDir`, downloading it first when it is missing (unless
 * `fetch` is false). Never throws: a missing runtime is an answer, with the reason.
 * @param {object} options
 * @param {string} options.packageDir node_modules/electron
 * @param {boolean} [options.fetch] try the download when the binary is missing (default true)
 * @param {RunInstaller} [options.run]
 * @param {NodeJS.ProcessEnv} [options.env]
 * @param {(line: string) => void} [options.log]
 * @returns {Promise<ElectronRuntime>}
 */
export async function findElectronRuntime({ packageDir, fetch = true, run = runInstaller, env = process.env, log = () => {} }) {
  const installed = installedElectronExecutable(packageDir, env);
  if (installed) return { ok: true, executable: installed };
  const installer = path.join(packageDir, 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: 'the electron package is not installed (node_modules/electron is missing)' };
  if (!fetch) return { ok: false, reason: 'it has not been downloaded' };
  log("Downloading Electron's runtime (about 100 MB, once)…");
  // Generous: 100 MB on a slow line; a network that swallows requests should not hang `npm start`.
  const result = await run(installer, { cwd: packageDir, timeoutMs: 10 * 60_000 });
  const fetched = installedElectronExecutable(packageDir, env);
  if (result.code === 0 && fetched) return { ok: true, executable: fetched };
  return { ok: false, reason: `downloading it failed (${summarizeInstallerOutput(result.output)})` };
}
