// @ts-check
/**
 * Whether a build is up to date, by modification times: a build is current when every one
 * of its outputs exists and is newer than every input. Folders count as inputs too, since
 * deleting or renaming a file changes only its folder's time. What `npm start` uses to skip
 * a build that would produce the same files.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * @typedef {object} BuildTarget
 * @property {string} name
 * @property {readonly string[]} inputs paths relative to the repository, files or folders
 * @property {readonly string[]} outputs files relative to the repository, written last by the build
 */

const DEPENDENCIES = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.base.json'];

/** @type {BuildTarget} */
export const RENDERER_BUILD = {
  name: 'renderer',
  inputs: ['renderer', 'shared', 'resources', 'vite.config.ts', 'tsconfig.renderer.json', ...DEPENDENCIES],
  // Vite writes index.html after every chunk it links to.
  outputs: ['dist/renderer/index.html'],
};

/** @type {BuildTarget} */
export const ELECTRON_BUILD = {
  name: 'electron',
  inputs: ['electron', 'shared', 'scripts/build-electron.mjs', 'tsconfig.electron.json', ...DEPENDENCIES],
  outputs: ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/cli/kata.cjs'],
};

/**
 * The newest modification time (ms) under `paths`, folders walked recursively; paths that
 * do not exist are skipped. 0 when none exists.
 * @param {readonly string[]} paths absolute
 * @returns {Promise<number>}
 */
export async function newestMtime(paths) {
  let newest = 0;
  for (const entry of paths) {
    const info = await stat(entry).catch(() => undefined);
    if (!info) continue;
    newest = Math.max(newest, info.mtimeMs);
    if (info.isDirectory()) {
      const children = await readdir(entry);
      newest = Math.max(newest, await newestMtime(children.map((child) => path.join(entry, child))));
    }
  }
  return newest;
}

/**
 * The oldest modification time (ms) of `files`, or undefined when one is missing.
 * @param {readonly string[]} files absolute
 * @returns {Promise<number | undefined>}
 */
export async function oldestMtime(files) {
  let oldest = Infinity;
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    if (!info) return undefined;
    oldest = Math.min(oldest, info.mtimeMs);
  }
  return oldest;
}

/**
 * True when `target`'s outputs all exist and are newer than all of its inputs.
 * @param {string} root the repository
 * @param {BuildTarget} target
 * @returns {Promise<boolean>}
 */
export async function isBuildCurrent(root, target) {
  const resolve = (/** @type {string} */ relative) => path.join(root, relative);
  const built = await oldestMtime(target.outputs.map(resolve));
  if (built === undefined) return false;
  return (await newestMtime(target.inputs.map(resolve))) < built;
}

/**
 * Builds each stale target with its builder; says so once when all are current.
 * @param {string} root
 * @param {readonly BuildTarget[]} targets
 * @param {Readonly<Record<string, () => Promise<void>>>} builders by target name
 * @param {(line: string) => void} log
 */
export async function buildStaleTargets(root, targets, builders, log) {
  let built = false;
  for (const target of targets) {
    if (await isBuildCurrent(root, target)) continue;
    const builder = builders[target.name];
    if (!builder) throw new Error(`no builder for ${target.name}`);
    log(`Building ${target.name}…`);
    await builder();
    built = true;
  }
  if (!built) log('The build is up to date.');
}
