#!/usr/bin/env node
// `node scripts/make-migration-fixture.mjs [VERSION ...]`: writes the migration fixtures,
// test/fixtures/migrations/kata-v<N>.json, one per schema version (default: every version in
// renderer/storage/migrations/), each written by THAT version's own code:
//
//   1. the commit where version N was the newest schema: the parent of the first-parent
//      commit that added migration N+1, or HEAD for today's version (committed code only);
//   2. that commit's tree (`git archive`, so no worktree is registered) in a temporary folder,
//      with this checkout's node_modules linked in, and its renderer built with its own
//      vite config;
//   3. that build served on 127.0.0.1 with the app's headers, opened in headless Chromium on a
//      fresh persistent profile, and a small but representative collection written through its
//      screens (test/e2e/migration-fixtures.ts `writeCollection`: the sample packs imported,
//      cards answered with mixed ratings, the dark theme chosen, and from schema 3 on — where
//      the app has simulations — one scenario walked to the debrief and one left running);
//   4. every object store of its 'kata' database read raw in that page (`dumpKataDb`) and
//      saved as the fixture.
//
// test/e2e/migrations.e2e.ts writes each fixture back raw, at its own version, and opens it
// with today's app. Run this when a migration is added (for the version before it), commit
// the new fixture; never regenerate a shipped version's fixture without a reason (it is the
// record of what that version wrote). Needs Chromium (/usr/bin/chromium or KATA_CHROMIUM_PATH)
// and the full git history; takes about a minute per version.
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_SECURITY_HEADERS, startStaticServer } from './static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const MIGRATIONS_DIR = 'renderer/storage/migrations';
const FIXTURES_DIR = join(root, 'test', 'fixtures', 'migrations');
const CACHE_DIR = join(root, 'node_modules', '.cache', 'kata-migration-fixtures');

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const pad = (n) => String(n).padStart(3, '0');

/** The schema versions that exist today, from the numbered migration files. */
function schemaVersions() {
  return readdirSync(MIGRATIONS_DIR)
    .map((name) => /^(\d{3})-.+\.ts$/.exec(name))
    .filter(Boolean)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

/** The last commit (first-parent history) where `version` was the newest schema. */
function commitWhereNewest(version) {
  const added = git('log', '--first-parent', '--diff-filter=A', '--format=%H', '--', `${MIGRATIONS_DIR}/${pad(version + 1)}-*.ts`)
    .split('\n')
    .filter(Boolean);
  if (added.length === 0) return git('rev-parse', 'HEAD');
  return git('rev-parse', `${added[added.length - 1]}^`);
}

/** The fixture writer (TypeScript, shared with the e2e spec), bundled for Node. */
async function loadWriter() {
  await mkdir(CACHE_DIR, { recursive: true });
  const outfile = join(CACHE_DIR, 'writer.mjs');
  await esbuild({
    stdin: {
      contents: [
        "export { writeCollection, dumpKataDb } from './test/e2e/migration-fixtures.ts';",
        "export { CHROMIUM_ARGS, CHROMIUM_PATH, waitForApp } from './test/e2e/fixture.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?at=${Date.now()}`);
}

async function makeFixture(version, writer) {
  const commit = commitWhereNewest(version);
  const subject = git('log', '-1', '--format=%h %s', commit).slice(0, 100);
  console.log(`schema ${version}: ${subject}`);
  const tree = await mkdtemp(join(tmpdir(), `kata-fixture-v${version}-`));
  const profile = await mkdtemp(join(tmpdir(), `kata-fixture-profile-v${version}-`));
  let server;
  let context;
  try {
    execSync(`git archive ${commit} | tar -x -C ${JSON.stringify(tree)}`, { stdio: ['ignore', 'ignore', 'inherit'] });
    await symlink(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
    execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: tree, stdio: 'inherit' });
    server = await startStaticServer(join(tree, 'dist', 'renderer'), { headers: APP_SECURITY_HEADERS });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: writer.CHROMIUM_PATH,
      headless: true,
      args: writer.CHROMIUM_ARGS,
      colorScheme: 'light',
      viewport: { width: 1280, height: 800 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/index.html#/library`);
    await writer.waitForApp(page);
    const simulations = existsSync(join(tree, 'renderer', 'features', 'simulate', 'BriefingPanel.tsx'));
    await writer.writeCollection(page, { simulations });
    const dump = await writer.dumpKataDb(page);
    if (dump.version !== version) throw new Error(`schema ${version}: the app at ${commit} wrote a database at version ${dump.version}`);
    if (problems.length > 0) throw new Error(`schema ${version}: the app reported errors:\n${problems.join('\n')}`);
    const summary = Object.fromEntries(Object.entries(dump.stores).map(([name, store]) => [name, store.records.length]));
    const fixture = { format: 1, commit, writtenBy: `scripts/make-migration-fixture.mjs through the app at ${subject}`, summary, ...dump };
    await mkdir(FIXTURES_DIR, { recursive: true });
    const file = join(FIXTURES_DIR, `kata-v${version}.json`);
    await writeFile(file, `${JSON.stringify(fixture, null, 1)}\n`);
    console.log(`  wrote ${file.slice(root.length)}: ${Object.entries(summary).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } finally {
    await context?.close();
    await server?.close();
    await rm(tree, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

const known = schemaVersions();
const asked = process.argv.slice(2).map(Number);
const bad = asked.filter((v) => !known.includes(v));
if (bad.length > 0) {
  console.error(`Unknown schema version(s) ${bad.join(', ')}; the migrations are ${known.join(', ')}.`);
  process.exit(2);
}
const writer = await loadWriter();
for (const version of asked.length > 0 ? asked : known) await makeFixture(version, writer);
