import { mkdir, mkdtemp, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../scripts/build-freshness.mjs';
import { ELECTRON_BUILD, RENDERER_BUILD, buildStaleTargets, isBuildCurrent } from '../../scripts/build-freshness.mjs';

const TARGET: BuildTarget = { name: 'app', inputs: ['src', 'config.ts'], outputs: ['out/index.html', 'out/main.js'] };

let root: string;
const at = (relative: string) => path.join(root, relative);
/** Sets a path's modification time to `seconds` after the epoch: tests never wait for clocks. */
const touch = (relative: string, seconds: number) => utimes(at(relative), seconds, seconds);

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kata-fresh-'));
  await mkdir(at('src/nested'), { recursive: true });
  await mkdir(at('out'));
  for (const file of ['src/a.ts', 'src/nested/b.ts', 'config.ts', 'out/index.html', 'out/main.js']) await writeFile(at(file), file);
  for (const input of ['src/a.ts', 'src/nested/b.ts', 'src/nested', 'src', 'config.ts']) await touch(input, 1_000);
  for (const output of TARGET.outputs) await touch(output, 2_000);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('isBuildCurrent', () => {
  it('is true when every output is newer than every input', async () => {
    expect(await isBuildCurrent(root, TARGET)).toBe(true);
  });

  it('is false when a file deep in an input folder changed after the build', async () => {
    await touch('src/nested/b.ts', 3_000);
    expect(await isBuildCurrent(root, TARGET)).toBe(false);
  });

  it('is false when an input file was deleted after the build (its folder changed)', async () => {
    await unlink(at('src/a.ts'));
    await touch('src', 3_000);
    expect(await isBuildCurrent(root, TARGET)).toBe(false);
  });

  it('is false when an output is missing or older than an input', async () => {
    await touch('out/main.js', 500);
    expect(await isBuildCurrent(root, TARGET)).toBe(false);
    await unlink(at('out/main.js'));
    expect(await isBuildCurrent(root, TARGET)).toBe(false);
  });

  it('ignores inputs that do not exist', async () => {
    expect(await isBuildCurrent(root, { ...TARGET, inputs: [...TARGET.inputs, 'not-there.json'] })).toBe(true);
  });
});

describe('buildStaleTargets', () => {
  it('runs the builder of each stale target only', async () => {
    const other: BuildTarget = { name: 'other', inputs: ['config.ts'], outputs: ['out/other.js'] };
    const built: string[] = [];
    const builders = { app: async () => void built.push('app'), other: async () => void built.push('other') };
    const lines: string[] = [];
    await buildStaleTargets(root, [TARGET, other], builders, (line) => lines.push(line));
    expect(built).toEqual(['other']);
    expect(lines).toEqual(['Building other…']);
  });

  it('says the build is up to date when nothing is stale', async () => {
    const lines: string[] = [];
    await buildStaleTargets(root, [TARGET], { app: async () => {} }, (line) => lines.push(line));
    expect(lines).toEqual(['The build is up to date.']);
  });
});

describe('the build targets of npm start', () => {
  it('watch the sources and configuration each build reads', () => {
    expect(RENDERER_BUILD.inputs).toEqual(expect.arrayContaining(['renderer', 'shared', 'vite.config.ts', 'package.json']));
    expect(RENDERER_BUILD.outputs).toEqual(['dist/renderer/index.html']);
    expect(ELECTRON_BUILD.inputs).toEqual(expect.arrayContaining(['electron', 'shared', 'scripts/build-electron.mjs', 'package.json']));
    expect(ELECTRON_BUILD.outputs).toEqual(expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/preload.cjs']));
  });
});
