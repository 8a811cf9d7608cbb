#!/usr/bin/env node
// Launcher for `kata validate|preview`. Runs the bundled CLI; inside a checkout where it
// has not been built yet, bundles it first with esbuild (a dev dependency).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundle = join(root, 'dist', 'cli', 'kata.cjs');
if (!existsSync(bundle)) {
  require('esbuild').buildSync({
    entryPoints: [join(root, 'electron', 'cli-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: bundle,
    logLevel: 'warning',
  });
}
require(bundle);
