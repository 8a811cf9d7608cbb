/**
 * The in-page side of the browser benchmarks: `window.kataBench`, which scripts/bench.mjs
 * drives through Playwright. Timing happens here, with performance.now(), so the
 * DevTools-protocol round trips of page.evaluate are never measured.
 */
import { collectCases, measureCase, type RunSettings } from './runner';
import type { Budget, CaseSamples } from './types';

/** What `kataBench.list()` tells the Node side about a case. */
export interface BenchCaseInfo {
  name: string;
  unit: string;
  runs?: number;
  baseline?: string;
  budget?: Budget;
}

export interface KataBenchApi {
  list(): BenchCaseInfo[];
  run(name: string, settings: RunSettings): Promise<CaseSamples>;
}

declare global {
  interface Window {
    kataBench?: KataBenchApi;
  }
}

/** Exposes the cases of `modules` (the bench/browser/*.bench.ts files) as `window.kataBench`. */
export function installKataBench(modules: Record<string, Record<string, unknown>>): KataBenchApi {
  const cases = collectCases(modules);
  const api: KataBenchApi = {
    list: () => cases.map((benchCase) => ({
      name: benchCase.name,
      unit: benchCase.unit,
      ...(benchCase.runs === undefined ? {} : { runs: benchCase.runs }),
      ...(benchCase.baseline ? { baseline: benchCase.baseline.name } : {}),
      ...(benchCase.budget ? { budget: benchCase.budget } : {}),
    })),
    run: async (name, settings) => {
      const benchCase = cases.find((candidate) => candidate.name === name);
      if (!benchCase) throw new Error(`no browser bench case named "${name}"`);
      return measureCase(benchCase, settings, () => performance.now());
    },
  };
  window.kataBench = api;
  return api;
}
