import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunInstaller } from '../../scripts/electron-runtime.mjs';
import { findElectronRuntime, installedElectronExecutable, summarizeInstallerOutput } from '../../scripts/electron-runtime.mjs';

/** What node_modules/electron/install.js prints when the download cannot reach the network. */
const OFFLINE_OUTPUT = [
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:15456:13',
  '    at async FetchDownloader.download (file:///repo/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
  '',
].join('\n');

let packageDir: string;

/** Lays out node_modules/electron as the installer leaves it after a download. */
async function installBinary(): Promise<string> {
  await mkdir(path.join(packageDir, 'dist'), { recursive: true });
  await writeFile(path.join(packageDir, 'path.txt'), 'electron');
  const binary = path.join(packageDir, 'dist', 'electron');
  await writeFile(binary, '#!/bin/sh\n');
  await chmod(binary, 0o755);
  return binary;
}

beforeEach(async () => {
  packageDir = await mkdtemp(path.join(tmpdir(), 'kata-electron-'));
  await writeFile(path.join(packageDir, 'install.js'), '// the real one downloads Electron\n');
});
afterEach(async () => {
  await rm(packageDir, { recursive: true, force: true });
});

describe('findElectronRuntime', () => {
  it('finds an installed runtime without running the installer', async () => {
    const binary = await installBinary();
    const runs: string[] = [];
    const run: RunInstaller = async (installer) => {
      runs.push(installer);
      return { code: 1, output: '' };
    };
    expect(await findElectronRuntime({ packageDir, run, env: {} })).toEqual({ ok: true, executable: binary });
    expect(runs).toEqual([]);
  });

  it('downloads a missing runtime, and uses it once the installer has put it in place', async () => {
    const run: RunInstaller = async () => {
      await installBinary();
      return { code: 0, output: '' };
    };
    const lines: string[] = [];
    const runtime = await findElectronRuntime({ packageDir, run, env: {}, log: (line) => lines.push(line) });
    expect(runtime).toEqual({ ok: true, executable: path.join(packageDir, 'dist', 'electron') });
    expect(lines.join('\n')).toContain('Downloading');
  });

  it('reports a failed download in one line, without the stack', async () => {
    const run: RunInstaller = async () => ({ code: 1, output: OFFLINE_OUTPUT });
    const runtime = await findElectronRuntime({ packageDir, run, env: {} });
    expect(runtime).toEqual({ ok: false, reason: 'downloading it failed (TypeError: fetch failed)' });
  });

  it('says when the electron package itself is missing', async () => {
    const runtime = await findElectronRuntime({ packageDir: path.join(packageDir, 'nothing-here'), env: {} });
    expect(runtime.ok).toBe(false);
    expect(runtime.ok ? '' : runtime.reason).toContain('not installed');
  });
});

describe('installedElectronExecutable', () => {
  it('is undefined until path.txt names a binary that exists', async () => {
    expect(installedElectronExecutable(packageDir, {})).toBeUndefined();
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    expect(installedElectronExecutable(packageDir, {})).toBeUndefined();
    const binary = await installBinary();
    expect(installedElectronExecutable(packageDir, {})).toBe(binary);
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH when it is set, path.txt or not, as the electron package does', async () => {
    const override = path.join(packageDir, 'override');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(installedElectronExecutable(packageDir, env)).toBeUndefined();
    await mkdir(override);
    await writeFile(path.join(override, 'electron'), '');
    expect(installedElectronExecutable(packageDir, env)).toBe(path.join(override, 'electron'));
    await installBinary();
    expect(installedElectronExecutable(packageDir, env)).toBe(path.join(override, 'electron'));
  });
});

describe('summarizeInstallerOutput', () => {
  it('keeps the last error line and drops stack frames', () => {
    expect(summarizeInstallerOutput(OFFLINE_OUTPUT)).toBe('TypeError: fetch failed');
    expect(summarizeInstallerOutput('Downloading…\nRequestError: getaddrinfo ENOTFOUND github.com\n    at x (y.js:1:1)')).toBe(
      'RequestError: getaddrinfo ENOTFOUND github.com',
    );
    expect(summarizeInstallerOutput('')).toBe('no output');
  });
});
