/**
 * Entry of renderer/bench.html, the page `npm run bench` opens in headless Chromium. It is
 * built apart from the app, into dist/bench (vite.bench.config.ts), with the app's plugins and
 * aliases so cases measure the app's real code; nothing of it ships with the app.
 *
 * The cases (bench/browser/*.bench.ts) and the in-page runner (bench/lib/page.ts) are
 * type-checked by tsconfig.test.json; they are reached through Vite globs so that the
 * renderer project does not compile files outside renderer/. Adding a case = adding a file.
 */

interface BenchPageModule {
  installKataBench(modules: Record<string, Record<string, unknown>>): unknown;
}

const caseModules = import.meta.glob<Record<string, unknown>>('../../bench/browser/*.bench.ts', { eager: true });
const [page] = Object.values(import.meta.glob<BenchPageModule>('../../bench/lib/page.ts', { eager: true }));

const status = document.getElementById('status');
try {
  if (!page) throw new Error('bench/lib/page.ts is missing');
  page.installKataBench(caseModules);
  if (status) status.textContent = `ready: ${Object.keys(caseModules).length} case file(s)`;
  document.documentElement.dataset.benchReady = 'true';
} catch (error) {
  if (status) status.textContent = `bench page failed: ${String(error)}`;
  document.documentElement.dataset.benchError = String(error);
  throw error;
}
