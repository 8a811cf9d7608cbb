/**
 * Runs one case the same way in Node and in the bench page: one warm-up, then `runs` timed
 * runs, the case and its baseline alternating (ABBA order) so drift — a warming JIT, a
 * filling disk cache — lands on both sides equally. Pure: the clock is passed in.
 */
import type { BenchCase, BenchOptions, CaseSamples, ExplicitSample, Measured } from './types';

export const DEFAULT_RUNS = 10;
export const QUICK_MAX_RUNS = 3;
export const WARMUP_RUNS = 1;

export interface RunSettings extends BenchOptions {
  /** `--runs N`: replaces every case's own count. */
  runs?: number;
}

/** How many timed runs a case gets: `--runs`, else its own count (capped by `--quick`), else 10. */
export function resolveRuns(benchCase: Pick<BenchCase, 'runs'>, settings: RunSettings): number {
  if (settings.runs !== undefined) return settings.runs;
  const own = benchCase.runs ?? DEFAULT_RUNS;
  return settings.quick ? Math.min(own, QUICK_MAX_RUNS) : own;
}

function isExplicitSample(value: unknown): value is ExplicitSample {
  return typeof value === 'object' && value !== null && typeof (value as ExplicitSample).sample === 'number';
}

/** Runs setup, times run, runs teardown; returns elapsed ms, or the sample `run` returned. */
export async function measureOnce(
  measured: Measured<unknown>,
  options: BenchOptions,
  now: () => number,
): Promise<number> {
  const state = measured.setup ? await measured.setup(options) : undefined;
  try {
    const start = now();
    const result = await measured.run(state, options);
    const elapsed = now() - start;
    return isExplicitSample(result) ? result.sample : elapsed;
  } finally {
    if (measured.teardown) await measured.teardown(state, options);
  }
}

/** Measures a case (and its baseline) and returns the raw samples, warm-ups dropped. */
export async function measureCase(
  benchCase: BenchCase,
  settings: RunSettings,
  now: () => number,
): Promise<CaseSamples> {
  const options: BenchOptions = { quick: settings.quick };
  const runs = resolveRuns(benchCase, settings);
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  for (let i = 0; i < WARMUP_RUNS + runs; i++) {
    const keep = i >= WARMUP_RUNS;
    const caseFirst = i % 2 === 0;
    const order: Array<[Measured<unknown>, number[]]> = [[benchCase, samples]];
    if (benchCase.baseline) order.push([benchCase.baseline, baselineSamples]);
    if (!caseFirst) order.reverse();
    for (const [measured, into] of order) {
      const sample = await measureOnce(measured, options, now);
      if (keep) into.push(sample);
    }
  }
  return {
    name: benchCase.name,
    unit: benchCase.unit,
    samples,
    ...(benchCase.baseline ? { baseline: { name: benchCase.baseline.name, samples: baselineSamples } } : {}),
    ...(benchCase.budget ? { budget: benchCase.budget } : {}),
  };
}

/**
 * The cases a bench module declares: `benchCases` (an array), `benchCase`, or the module's own
 * exports when they have a `name` and a `run`. Throws on anything else, naming the module.
 */
export function casesOfModule(moduleId: string, mod: Record<string, unknown>): BenchCase[] {
  const isCase = (value: unknown): value is BenchCase =>
    typeof value === 'object' && value !== null &&
    typeof (value as BenchCase).name === 'string' && typeof (value as BenchCase).run === 'function' &&
    typeof (value as BenchCase).unit === 'string';
  if (Array.isArray(mod.benchCases) && mod.benchCases.every(isCase)) return mod.benchCases;
  if (isCase(mod.benchCase)) return [mod.benchCase];
  if (isCase(mod)) return [mod];
  throw new TypeError(`${moduleId}: a bench module exports benchCase or benchCases (see bench/lib/types.ts)`);
}

/** All cases of a set of modules, refusing two cases with one name. */
export function collectCases(modules: Record<string, Record<string, unknown>>): BenchCase[] {
  const byName = new Map<string, string>();
  const cases: BenchCase[] = [];
  for (const [moduleId, mod] of Object.entries(modules)) {
    for (const benchCase of casesOfModule(moduleId, mod)) {
      const other = byName.get(benchCase.name);
      if (other) throw new Error(`two bench cases are named "${benchCase.name}": ${other} and ${moduleId}`);
      byName.set(benchCase.name, moduleId);
      cases.push(benchCase);
    }
  }
  return cases;
}

/** Whether `--filter` selects a case: a case-insensitive substring of its name. */
export function matchesFilter(name: string, filter: string | undefined): boolean {
  return filter === undefined || name.toLowerCase().includes(filter.toLowerCase());
}
