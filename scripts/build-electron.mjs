// Bundles the Node side of Kata with esbuild: `node scripts/build-electron.mjs`.
//
// Each entry becomes one self-contained CommonJS file. `electron` stays external
// (the runtime provides it); everything else, shared/ and zod included, is inlined.
// The preload must be a single file: a sandboxed preload can only require('electron').
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What to bundle. Electron 45 ships Node 22 and Chromium 142.
 * To add a bundle (e.g. the authoring CLI), append an entry here; dev.mjs picks it up too.
 */
export const electronEntries = [
  { name: 'main', in: 'electron/main.ts', out: 'dist/electron/main.cjs', target: 'node22' },
  { name: 'preload', in: 'electron/preload.ts', out: 'dist/electron/preload.cjs', target: 'chrome140' },
  // The authors' command line (`kata validate|preview`, bin/kata.cjs): plain Node, no Electron.
  { name: 'cli', in: 'electron/cli-main.ts', out: 'dist/cli/kata.cjs', target: 'node22', restartsElectron: false },
];

/** esbuild options for one entry; `dev` adds inline source maps and skips minification. */
export function esbuildOptions(entry, { dev = false } = {}) {
  return {
    absWorkingDir: root,
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: entry.target,
    external: ['electron'],
    sourcemap: dev ? 'inline' : 'linked',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  };
}

/** Builds every entry once; resolves when all are written. */
export async function buildElectron({ dev = false } = {}) {
  await Promise.all(electronEntries.map((entry) => esbuild.build(esbuildOptions(entry, { dev }))));
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const started = Date.now();
  try {
    await buildElectron({ dev: process.argv.includes('--dev') });
    const outputs = electronEntries.map((entry) => entry.out).join(', ');
    console.log(`build-electron: wrote ${outputs} in ${Date.now() - started} ms`);
  } catch {
    // esbuild has already printed the errors.
    process.exitCode = 1;
  }
}
