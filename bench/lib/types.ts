/**
 * What a benchmark case is. A file `bench/node/*.bench.ts` (run in Node) or
 * `bench/browser/*.bench.ts` (run in headless Chromium, in the built bench page) adds cases by
 * exporting `benchCase` (one) or `benchCases` (several), each made with `defineBenchCase`.
 * (A module whose own exports are `name`, `unit`, `run`, ... is read as one case too.)
 */

/** What every hook of a case is told about the run. */
export interface BenchOptions {
  /** Smoke run (`--quick`): cases should shrink their sizes, e.g. 1 000 records instead of 10 000. */
  quick: boolean;
}

/**
 * What a timed run may return instead of being timed: a case that measures something other
 * than elapsed time (bytes, a count) returns `{ sample }` in its declared unit.
 */
export interface ExplicitSample {
  sample: number;
}

/** One measured thing: the case itself, or its baseline. */
export interface Measured<S> {
  /** Untimed. Runs before every timed run (warm-ups included); its result is handed to `run`. */
  setup?: (options: BenchOptions) => S | Promise<S>;
  /** Timed with performance.now(), from the call until its promise settles. */
  run: (state: S, options: BenchOptions) => unknown;
  /** Untimed. Runs after every timed run, also when `run` threw. */
  teardown?: (state: S, options: BenchOptions) => unknown;
}

/** A baseline measured in the same run, alternating with the case, to compare against. */
export interface Baseline<S> extends Measured<S> {
  name: string;
}

/**
 * The target a case declares: `maxRatio` bounds median / baseline median (needs a baseline),
 * `maxMedian` bounds the median itself, `maxP95` the 95th percentile (a latency that must
 * hold nearly every time, such as one frame), both in the case's unit.
 */
export type Budget = { maxRatio: number } | { maxMedian: number } | { maxP95: number };

export interface BenchCase<S = unknown, B = unknown> extends Measured<S> {
  /** Unique across all cases; `--filter` matches a substring of it. */
  name: string;
  /** Unit of the samples: `ms` for timed runs. */
  unit: string;
  /** Timed runs (after one warm-up); `--runs` overrides it and `--quick` caps it. Default 10. */
  runs?: number;
  baseline?: Baseline<B>;
  budget?: Budget;
}

/** Declares a case, keeping the link between what `setup` returns and what `run` receives. */
export function defineBenchCase<S, B = unknown>(benchCase: BenchCase<S, B>): BenchCase {
  return benchCase as unknown as BenchCase;
}

/** The raw samples of one case (and its baseline), before any statistics. */
export interface CaseSamples {
  name: string;
  unit: string;
  samples: number[];
  baseline?: { name: string; samples: number[] };
  budget?: Budget;
}

/** One row of `--json`: see bench/lib/report.ts for how it is computed. */
export interface BenchResult {
  case: string;
  unit: string;
  median: number;
  p95: number;
  /** The baseline's median. */
  baseline?: number;
  /** median / baseline. */
  ratio?: number;
  /** The declared target: a maximum ratio when the case has a baseline, else a maximum median. */
  budget?: number;
  /** Whether the case met its budget. */
  holds?: boolean;
}
