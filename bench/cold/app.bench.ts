/**
 * The built app (dist/bench/app/, a copy of dist/renderer) opened by a NEW headless Chromium
 * process on the persistent bench profile, whose IndexedDB on the bench origin holds the
 * benchmark collection as the app's own database (bench/browser/support/collection.ts):
 * what a person feels when they open Kata on years of practice. Run by scripts/bench.mjs
 * after the in-page cases, once their browser has closed the profile; it tells these cases
 * where everything is through KATA_BENCH_* environment variables.
 *
 * - "app: cold start to an interactive Library (100k cards, 1M answers)": from launching
 *   the browser process to the Library's pack list on screen, laid out and a frame painted
 *   (budget 1 s). The process start is counted: it is part of opening the app.
 * - "app: JS heap after every screen (100k cards, 1M answers)": the app opened the same way,
 *   each screen visited to its first useful paint and left to settle (Library, Practice,
 *   Simulate, Progress, Settings, back to Library), then garbage collected (DevTools protocol
 *   HeapProfiler.collectGarbage) and the page's JavaScript heap read (Runtime.getHeapUsage),
 *   in MB (budget 150 MB). Workers' heaps are their own and not counted.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { defineBenchCase, type BenchOptions } from '../lib/types';

interface ColdEnvironment {
  appUrl: string;
  profile: string;
  chromium: string;
  args: string[];
}

function environment(): ColdEnvironment {
  const { KATA_BENCH_APP_URL, KATA_BENCH_PROFILE, KATA_BENCH_CHROMIUM, KATA_BENCH_CHROMIUM_ARGS } = process.env;
  if (!KATA_BENCH_APP_URL || !KATA_BENCH_PROFILE || !KATA_BENCH_CHROMIUM) {
    throw new Error('cold cases run from scripts/bench.mjs, which sets KATA_BENCH_APP_URL, KATA_BENCH_PROFILE and KATA_BENCH_CHROMIUM');
  }
  return {
    appUrl: KATA_BENCH_APP_URL,
    profile: KATA_BENCH_PROFILE,
    chromium: KATA_BENCH_CHROMIUM,
    args: JSON.parse(KATA_BENCH_CHROMIUM_ARGS ?? '[]') as string[],
  };
}

/** The full collection has 500 packs; fewer on the Library means the profile does not hold it. */
const FULL_COLLECTION_PACKS = 500;

interface Opened {
  context: BrowserContext;
  page: Page;
}

async function launch(env: ColdEnvironment): Promise<Opened> {
  const context = await chromium.launchPersistentContext(env.profile, { executablePath: env.chromium, headless: true, args: env.args });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Resolves once a frame has been produced after the current one: what is laid out is painted. */
const painted = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

/** Opens the app at `hash` and waits for the Library's pack list on screen; checks the collection is there. */
async function openLibrary(page: Page, env: ColdEnvironment, options: BenchOptions): Promise<void> {
  await page.goto(`${env.appUrl}#/library`, { waitUntil: 'commit' });
  await page.locator('.pack-list li').first().waitFor({ state: 'visible', timeout: 60_000 });
  if (!options.quick) {
    const packs = await page.locator('.pack-list li').count();
    if (packs < FULL_COLLECTION_PACKS) {
      throw new Error(`the Library shows ${packs} packs, not the collection's ${FULL_COLLECTION_PACKS}: run the practice cases once to write it`);
    }
  }
}

const coldStart = defineBenchCase<{ opened?: Opened }>({
  name: 'app: cold start to an interactive Library (100k cards, 1M answers)',
  unit: 'ms',
  runs: 5,
  budget: { maxMedian: 1_000 },
  setup: () => ({}),
  async run(state, options) {
    const env = environment();
    state.opened = await launch(env);
    await openLibrary(state.opened.page, env, options);
    await painted(state.opened.page);
  },
  async teardown(state) {
    await state.opened?.context.close();
  },
});

/** Each screen and what shows it is usable (its first useful paint). */
const SCREENS: Array<{ hash: string; ready: string }> = [
  { hash: '#/practice', ready: '.start-panel' },
  { hash: '#/simulate', ready: '.scenario-list' },
  { hash: '#/progress', ready: 'main h1' },
  { hash: '#/settings', ready: '#appearance-heading' },
  { hash: '#/library', ready: '.pack-list li' },
];

const heap = defineBenchCase<undefined>({
  name: 'app: JS heap after every screen (100k cards, 1M answers)',
  unit: 'MB',
  runs: 1,
  budget: { maxMedian: 150 },
  async run(_state, options) {
    const env = environment();
    const { context, page } = await launch(env);
    try {
      await openLibrary(page, env, options);
      for (const screen of SCREENS) {
        await page.evaluate((hash) => (window.location.hash = hash), screen.hash);
        await page.locator(screen.ready).first().waitFor({ state: 'visible', timeout: 60_000 });
        // What a screen loads after its first paint (the streak, outcome texts, the ladder) finishes.
        await page.waitForTimeout(2_000);
        await painted(page);
      }
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return { sample: usedSize / (1024 * 1024) };
    } finally {
      await context.close();
    }
  },
});

export const benchCases = [coldStart, heap];
