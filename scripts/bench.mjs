#!/usr/bin/env node
// `npm run bench [-- options]`: runs the benchmark cases and prints median, p95 and the
// ratio to each case's baseline (see bench/lib/types.ts for what a case is).
//
//   bench/node/*.bench.ts     bundled here with esbuild into .bench/ and run in this process
//   bench/browser/*.bench.ts  built by `vite build` (vite.bench.config.ts) into dist/bench/bench.html
//                             (always rebuilt, unless --no-build), apart from the app build,
//                             served on 127.0.0.1 with the app's headers and run in
//                             headless Chromium with a persistent profile under .bench/
//                             (so IndexedDB really writes to disk, as in the app)
//   bench/cold/*.bench.ts     bundled with the node cases, run here after the browser cases:
//                             each starts its own Chromium process on that profile and opens
//                             the built app (dist/renderer, copied to dist/bench/app/, so it
//                             shares the bench page's origin and IndexedDB)
//
// The profile is kept between runs, and the page is served from a fixed port (IndexedDB
// belongs to an origin, port included): data that takes minutes to write, such as the
// practice benchmarks' collection of a million events, is written once and reused. Cases
// that need an empty database delete and recreate their own. Delete .bench/chromium-profile
// to start from nothing.
//
// The logic lives in typed, tested modules (bench/lib/); this file only wires processes.
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_SECURITY_HEADERS, startStaticServer } from './static-server.mjs';

// Stack traces of failing cases point into the .ts sources, not the esbuild bundle.
process.setSourceMapsEnabled(true);

const root = fileURLToPath(new URL('..', import.meta.url));
// `--json FILE` is relative to where the command was typed (npm sets INIT_CWD to that).
const invokedFrom = process.env.INIT_CWD ?? process.cwd();
process.chdir(root);

const WORK_DIR = join(root, '.bench');
const DIST = join(root, 'dist', 'bench');
const CHROMIUM = process.env.KATA_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const log = (message) => process.stderr.write(`${message}\n`);

/** Bundles bench/lib and every bench/node/*.bench.ts into one ES module, and imports it. */
async function loadNodeSide() {
  const caseFiles = async (folder) => (await readdir(join(root, 'bench', folder)).catch(() => []))
    .filter((file) => file.endsWith('.bench.ts'))
    .sort()
    .map((file) => `bench/${folder}/${file}`);
  const groups = { nodeModules: await caseFiles('node'), coldModules: await caseFiles('cold') };
  const entry = [
    ...Object.entries(groups).flatMap(([group, files]) => [
      ...files.map((file, i) => `import * as ${group}${i} from './${file}';`),
      `export const ${group} = {${files.map((file, i) => `${JSON.stringify(file)}: ${group}${i}`).join(', ')}};`,
    ]),
    `export { BENCH_USAGE, parseBenchArgs } from './bench/lib/args.ts';`,
    `export { collectCases, matchesFilter, measureCase, resolveRuns } from './bench/lib/runner.ts';`,
    `export { formatTable, summarize } from './bench/lib/report.ts';`,
  ].join('\n');
  const outfile = join(WORK_DIR, 'node', 'bench-node.mjs');
  await esbuild({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'bench-node-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: 'inline',
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** The bench page's port: fixed, so the persistent profile's IndexedDB (per origin) is found again. */
const BENCH_PORT = Number(process.env.KATA_BENCH_PORT ?? 5179);

/**
 * Serves dist/bench on 127.0.0.1 at BENCH_PORT (or any free port when that one is taken,
 * with a warning: data kept in the profile is then not seen), with the headers the app is
 * served with, so cases run under the app's rules.
 */
async function serveDist() {
  const server = await startStaticServer(DIST, { port: BENCH_PORT, fallbackToFreePort: true, headers: APP_SECURITY_HEADERS });
  if (server.fellBack) {
    log(`bench: port ${BENCH_PORT} is taken (another bench run?): using a free port, so data kept in the profile is not reused`);
  }
  return server;
}

/** The app itself (vite.config.ts, into dist/renderer), as `npm run build:renderer` builds it. */
async function buildApp() {
  log('bench: vite build (the app, into dist/renderer) ...');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function buildBenchPage() {
  log('bench: vite build (bench page, into dist/bench) ...');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.bench.config.ts'), logLevel: 'warn' });
}

/** Runs the selected node (or cold) cases; returns rows and failures. */
async function runNodeCases(side, args, settings, modules = side.nodeModules, where = 'node') {
  const rows = [];
  const failures = [];
  for (const benchCase of side.collectCases(modules)) {
    if (!side.matchesFilter(benchCase.name, args.filter)) continue;
    log(`bench: ${benchCase.name} (${where}, ${side.resolveRuns(benchCase, settings)} runs) ...`);
    try {
      const measured = await side.measureCase(benchCase, settings, () => performance.now());
      rows.push({ measured, result: side.summarize(measured) });
    } catch (error) {
      failures.push({ case: benchCase.name, error: error?.stack ?? String(error) });
    }
  }
  return { rows, failures };
}

// Kept between runs (see the top of this file).
const PROFILE = join(WORK_DIR, 'chromium-profile');

/** Opens bench.html in headless Chromium and runs the selected browser cases in the page. */
async function runBrowserCases(side, args, settings, server) {
  const rows = [];
  const failures = [];
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set KATA_CHROMIUM)`);
  const profile = PROFILE;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => log(`bench page error: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') log(`bench page ${message.type()}: ${message.text()}`);
      // Progress of long set-ups (e.g. writing the practice collection) is logged as `console.info('bench: ...')`.
      else if (message.type() === 'info' && message.text().startsWith('bench: ')) log(message.text());
    });
    await page.goto(`${server.origin}/bench.html`);
    await page.waitForFunction(
      () => document.documentElement.dataset.benchReady === 'true' || document.documentElement.dataset.benchError,
      undefined,
      { timeout: 30_000 },
    );
    const pageError = await page.evaluate(() => document.documentElement.dataset.benchError);
    if (pageError) throw new Error(`bench page failed to start: ${pageError}`);
    const cases = await page.evaluate(() => window.kataBench.list());
    for (const info of cases) {
      if (!side.matchesFilter(info.name, args.filter)) continue;
      log(`bench: ${info.name} (chromium, ${side.resolveRuns(info, settings)} runs) ...`);
      try {
        const measured = await page.evaluate(
          ({ name, runSettings }) => window.kataBench.run(name, runSettings),
          { name: info.name, runSettings: settings },
        );
        rows.push({ measured, result: side.summarize(measured) });
      } catch (error) {
        failures.push({ case: info.name, error: error?.message ?? String(error) });
      }
    }
  } finally {
    await context.close();
  }
  return { rows, failures };
}

/** Runs the cold cases (bench/cold), which start Chromium themselves on the profile the page cases used. */
async function runColdCases(side, args, settings, server) {
  process.env.KATA_BENCH_APP_URL = `${server.origin}/app/index.html`;
  process.env.KATA_BENCH_PROFILE = PROFILE;
  process.env.KATA_BENCH_CHROMIUM = CHROMIUM;
  process.env.KATA_BENCH_CHROMIUM_ARGS = JSON.stringify(CHROMIUM_ARGS);
  return runNodeCases(side, args, settings, side.coldModules, 'cold, chromium');
}

/** The app build beside the bench page (dist/bench/app/): same origin, so the same IndexedDB. */
async function copyAppIntoBench() {
  await cp(join(root, 'dist', 'renderer'), join(DIST, 'app'), { recursive: true });
}

async function main() {
  await mkdir(WORK_DIR, { recursive: true });
  const side = await loadNodeSide();
  let args;
  try {
    args = side.parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    log(`bench: ${error.message}\n\n${side.BENCH_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(side.BENCH_USAGE);
    return 0;
  }
  const settings = { quick: args.quick, ...(args.runs === undefined ? {} : { runs: args.runs }) };

  // The app first: the initial-JavaScript case (node) reads dist/renderer, the cold-start case serves it.
  if (args.build) await buildApp();
  const node = await runNodeCases(side, args, settings);

  if (args.build) {
    await buildBenchPage();
    await copyAppIntoBench();
  } else if (!existsSync(join(DIST, 'bench.html'))) {
    throw new Error('--no-build, but dist/bench/bench.html does not exist: run without --no-build');
  } else {
    const built = (await stat(join(DIST, 'bench.html'))).mtime.toISOString();
    log(`bench: --no-build: using dist/bench as built at ${built}`);
  }
  const server = await serveDist();
  let browser;
  let cold;
  try {
    browser = await runBrowserCases(side, args, settings, server);
    cold = await runColdCases(side, args, settings, server);
  } finally {
    await server.close();
  }

  const rows = [...node.rows, ...browser.rows, ...cold.rows];
  const failures = [...node.failures, ...browser.failures, ...cold.failures];
  if (rows.length === 0 && failures.length === 0) {
    log(`bench: no case matches --filter ${JSON.stringify(args.filter)}`);
    return 1;
  }
  console.log('');
  console.log(side.formatTable(rows, failures.map(({ case: name, error }) => ({ case: name, error: error.split('\n')[0] }))));
  if (args.quick) console.log('\n--quick: fewer runs and smaller sizes; a smoke check, not a measurement.');
  for (const failure of failures) log(`\n${failure.case} failed:\n${failure.error}`);

  if (args.json) {
    const file = resolve(invokedFrom, args.json);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(rows.map(({ result }) => result), null, 2)}\n`);
    log(`bench: wrote ${file}`);
  }
  const missed = rows.filter(({ result }) => result.holds === false).map(({ result }) => result.case);
  if (failures.length > 0) return 1;
  if (args.strict && missed.length > 0) {
    log(`bench: --strict: over budget: ${missed.join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => {
    log(`bench: ${error?.stack ?? error}`);
    process.exitCode = 1;
  },
);
