/**
 * "app: initial JavaScript (gzip)": what the built app (dist/renderer, from `vite build`,
 * which `npm run bench` runs first unless --no-build) makes a browser fetch and run before
 * its first screen: the module scripts and preloads index.html names and their static
 * imports (bench/lib/initial-js.ts), gzipped (level 9), in KB. Lazy chunks — the Simulate and
 * Settings screens, the parsers, the charts — and workers are left out: they load when used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialScripts } from '../lib/initial-js';
import { defineBenchCase } from '../lib/types';

const APP_DIR = join(process.cwd(), 'dist', 'renderer');

/** The gzip size of the app's initial JavaScript, in KB (1 024 bytes). */
export function initialJsKb(dir = APP_DIR): { kb: number; files: string[] } {
  const html = join(dir, 'index.html');
  if (!existsSync(html)) throw new Error(`${html} does not exist: run \`npm run build:renderer\` (or npm run bench without --no-build)`);
  const files = initialScripts(readFileSync(html, 'utf8'), (path) => readFileSync(join(dir, path), 'utf8'));
  const bytes = files.reduce((sum, path) => sum + gzipSync(readFileSync(join(dir, path)), { level: 9 }).length, 0);
  return { kb: bytes / 1024, files };
}

export const benchCase = defineBenchCase<undefined>({
  name: 'app: initial JavaScript (gzip)',
  unit: 'KB',
  runs: 1,
  budget: { maxMedian: 200 },
  run() {
    return { sample: initialJsKb().kb };
  },
});
