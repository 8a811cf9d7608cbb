#!/usr/bin/env node
// Launcher for `kata validate|preview|simulate|report`. Runs the bundled CLI; inside a checkout,
// bundles it first with esbuild (a dev dependency) when it is missing or older than the
// sources it is built from, so a checkout never runs a stale bundle after a pull or an edit.
const { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const bundle = join(root, 'dist', 'cli', 'kata.cjs');
const entry = join(root, 'electron', 'cli-main.ts');

/** The newest modification time of the TypeScript under electron/ and shared/ (the bundle's inputs). */
function newestSource() {
  let newest = 0;
  const pending = [join(root, 'electron'), join(root, 'shared')];
  while (pending.length > 0) {
    const folder = pending.pop();
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

const stale = !existsSync(bundle) || (existsSync(entry) && newestSource() > statSync(bundle).mtimeMs);
if (stale) {
  const [output] = require('esbuild').buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: bundle,
    write: false,
    logLevel: 'warning',
  }).outputFiles;
  // Written aside and renamed into place: two launchers building at once (parallel tests)
  // must never run a half-written bundle.
  mkdirSync(dirname(bundle), { recursive: true });
  const partial = `${bundle}.${process.pid}.tmp`;
  writeFileSync(partial, output.contents);
  renameSync(partial, bundle);
}
require(bundle);
