import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../scripts/build-freshness.mjs';
import type { ElectronRuntime } from '../../scripts/electron-runtime.mjs';
import type { StartEffects } from '../../scripts/start.mjs';
import { serveWebBuild, start } from '../../scripts/start.mjs';

let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'kata-start-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Kata</title><div id="root"></div>');
});
afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

interface Recorded {
  effects: StartEffects;
  lines: string[];
  built: string[][];
  electronRuns: string[];
  opened: string[];
  /** What a browser got from the address start() printed, fetched while it was serving. */
  served: { status: number; body: string; coep: string | null }[];
}

/**
 * Effects for start(): the runtime lookup and the Electron spawner are fakes, the web build is
 * really served (from a temp folder, on a free port) and fetched over HTTP before "Ctrl+C".
 */
function effectsWith(options: {
  runtime: ElectronRuntime;
  runElectron?: (executable: string) => Promise<number>;
  opens?: boolean;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}): Recorded {
  const recorded: Omit<Recorded, 'effects'> = { lines: [], built: [], electronRuns: [], opened: [], served: [] };
  const effects: StartEffects = {
    findRuntime: async () => options.runtime,
    ensureBuilt: async (targets: BuildTarget[]) => {
      recorded.built.push(targets.map((target) => target.name));
    },
    runElectron: async (executable) => {
      recorded.electronRuns.push(executable);
      return options.runElectron ? options.runElectron(executable) : 0;
    },
    serveWeb: () => serveWebBuild(dist, 0),
    openBrowser: async (url) => {
      recorded.opened.push(url);
      return options.opens === false ? { opened: false, reason: 'BROWSER=none' } : { opened: true };
    },
    untilStopped: async () => {
      const url = recorded.lines.join('\n').match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0];
      if (!url) throw new Error('start() printed no address');
      const response = await fetch(url);
      recorded.served.push({ status: response.status, body: await response.text(), coep: response.headers.get('cross-origin-embedder-policy') });
    },
    log: (line) => recorded.lines.push(line),
    platform: options.platform ?? 'linux',
    env: options.env ?? { DISPLAY: ':0' },
  };
  return { ...recorded, effects };
}

const MISSING: ElectronRuntime = { ok: false, reason: 'downloading it failed (TypeError: fetch failed)' };
const PRESENT: ElectronRuntime = { ok: true, executable: '/opt/electron/electron' };

describe('start without an Electron runtime', () => {
  it('says what failed, that the app is fine and how to get the runtime, then serves the browser build', async () => {
    const run = effectsWith({ runtime: MISSING });
    expect(await start({}, run.effects)).toBe(0);

    expect(run.electronRuns).toEqual([]);
    expect(run.built).toEqual([['renderer']]);
    const text = run.lines.join('\n');
    expect(text).toContain('TypeError: fetch failed');
    expect(text).toContain('Nothing is wrong with Kata');
    expect(text).toContain('npm rebuild electron');
    expect(text).not.toMatch(/^\s+at /m);

    expect(run.opened).toHaveLength(1);
    expect(run.opened[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(text).toContain(run.opened[0]);
    expect(run.served).toEqual([{ status: 200, body: expect.stringContaining('<title>Kata</title>'), coep: 'require-corp' }]);
  });

  it('prints the address when no browser is opened', async () => {
    const run = effectsWith({ runtime: MISSING, opens: false });
    expect(await start({}, run.effects)).toBe(0);
    const text = run.lines.join('\n');
    expect(text).toContain(`Kata is running at ${run.opened[0]}`);
    expect(text).toContain('BROWSER=none');
    expect(run.served[0]?.status).toBe(200);
  });
});

describe('start with an Electron runtime', () => {
  it('builds the renderer and the Electron side, runs Electron and returns its exit code', async () => {
    const run = effectsWith({ runtime: PRESENT, runElectron: async () => 3 });
    expect(await start({}, run.effects)).toBe(3);
    expect(run.built).toEqual([['renderer', 'electron']]);
    expect(run.electronRuns).toEqual(['/opt/electron/electron']);
    expect(run.opened).toEqual([]);
    expect(run.served).toEqual([]);
    expect(run.lines).toEqual([]);
  });

  it('serves the browser build when Electron cannot be started', async () => {
    const run = effectsWith({
      runtime: PRESENT,
      runElectron: () => Promise.reject(new Error('spawn /opt/electron/electron EACCES')),
    });
    expect(await start({}, run.effects)).toBe(0);
    const text = run.lines.join('\n');
    expect(text).toContain('EACCES');
    expect(text).not.toContain('npm rebuild electron');
    expect(run.served[0]?.status).toBe(200);
  });

  it('serves the browser build on Linux without a display, without starting Electron', async () => {
    const run = effectsWith({ runtime: PRESENT, env: {} });
    expect(await start({}, run.effects)).toBe(0);
    expect(run.electronRuns).toEqual([]);
    expect(run.lines.join('\n')).toContain('$DISPLAY is not set');
    expect(run.served[0]?.status).toBe(200);
  });

  it('needs no display variable on macOS', async () => {
    const run = effectsWith({ runtime: PRESENT, platform: 'darwin', env: {} });
    await start({}, run.effects);
    expect(run.electronRuns).toEqual(['/opt/electron/electron']);
  });
});

describe('start --web', () => {
  it('serves the browser build without looking for Electron', async () => {
    const run = effectsWith({ runtime: PRESENT });
    run.effects.findRuntime = () => Promise.reject(new Error('looked for Electron'));
    expect(await start({ web: true }, run.effects)).toBe(0);
    expect(run.electronRuns).toEqual([]);
    expect(run.built).toEqual([['renderer']]);
    expect(run.lines.join('\n')).not.toContain('Nothing is wrong');
    expect(run.served[0]?.status).toBe(200);
  });
});
