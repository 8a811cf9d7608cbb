/**
 * Chromium started by hand on a persistent profile, so a test holds its process and can kill it
 * with SIGKILL — no shutdown, no flush — as a crash or a power cut would (faults.e2e.ts through
 * kill-browser.ts, restore-fault.e2e.ts). Relaunch on the same profile with openApp({ userDataDir }).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './fixture';

export interface Launched {
  process: ChildProcess;
  browser: Browser;
}

/** Chromium on `profile` with a DevTools port, connected over CDP: the test holds the process. */
export async function launchChromium(profile: string): Promise<Launched> {
  const child = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      ...CHROMIUM_ARGS,
      '--no-default-browser-check',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    // Its own process group, so one kill reaches every Chromium process (renderers, storage service).
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
  return { process: child, browser };
}

/** Whether the browser process is still running. */
export function isRunning(launched: Launched): boolean {
  return launched.process.exitCode === null && launched.process.signalCode === null;
}

/** SIGKILL to Chromium's whole process group, and wait until the main process is gone. */
export async function killHard(launched: Launched): Promise<void> {
  const { pid } = launched.process;
  if (pid === undefined) throw new Error('Chromium has no PID');
  if (!isRunning(launched)) return;
  const exited = new Promise<void>((resolve) => launched.process.once('exit', () => resolve()));
  process.kill(-pid, 'SIGKILL');
  await exited;
}
