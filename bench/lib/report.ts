/**
 * Turns raw samples into the reported numbers (median, p95, ratio to the baseline, budget)
 * and prints them as a table. Pure, so the numbers in the table and in `--json` agree.
 */
import { median, p95 } from './stats';
import type { Budget, BenchResult, CaseSamples } from './types';

/** A case that threw instead of producing samples. */
export interface BenchFailure {
  case: string;
  error: string;
}

/** Rounds for reading, not for arithmetic: ratios keep 3 decimals, everything else 3 too. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function budgetLimit(budget: Budget): number {
  if ('maxRatio' in budget) return budget.maxRatio;
  return 'maxP95' in budget ? budget.maxP95 : budget.maxMedian;
}

/** The reported numbers of one case: medians, p95, ratio = median / baseline median, budget. */
export function summarize(measured: CaseSamples): BenchResult {
  const result: BenchResult = {
    case: measured.name,
    unit: measured.unit,
    median: round(median(measured.samples)),
    p95: round(p95(measured.samples)),
  };
  const rawMedian = median(measured.samples);
  let ratio: number | undefined;
  if (measured.baseline) {
    const baselineMedian = median(measured.baseline.samples);
    result.baseline = round(baselineMedian);
    ratio = baselineMedian > 0 ? rawMedian / baselineMedian : Number.POSITIVE_INFINITY;
    result.ratio = round(ratio);
  }
  if (measured.budget) {
    result.budget = budgetLimit(measured.budget);
    if ('maxRatio' in measured.budget) {
      if (ratio === undefined) throw new Error(`${measured.name}: a maxRatio budget needs a baseline`);
      result.holds = ratio <= measured.budget.maxRatio;
    } else if ('maxP95' in measured.budget) {
      result.holds = p95(measured.samples) <= measured.budget.maxP95;
    } else {
      result.holds = rawMedian <= measured.budget.maxMedian;
    }
  }
  return result;
}

/** How a budget reads in the table: `≤ 2× baseline`, `≤ 500 ms` or `p95 ≤ 16 ms`. */
export function describeBudget(budget: Budget, unit: string): string {
  if ('maxRatio' in budget) return `≤ ${budget.maxRatio}× baseline`;
  return 'maxP95' in budget ? `p95 ≤ ${budget.maxP95} ${unit}` : `≤ ${budget.maxMedian} ${unit}`;
}

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export interface TableRow {
  measured: CaseSamples;
  result: BenchResult;
}

/**
 * A plain-text table: one line per case (its baseline, if any, on the line below it),
 * then one line per failure.
 */
export function formatTable(rows: readonly TableRow[], failures: readonly BenchFailure[] = []): string {
  const header = ['case', 'runs', 'median', 'p95', 'unit', 'ratio', 'budget', 'holds'];
  const lines: string[][] = [header];
  for (const { measured, result } of rows) {
    lines.push([
      result.case,
      String(measured.samples.length),
      formatNumber(result.median),
      formatNumber(result.p95),
      result.unit,
      result.ratio === undefined ? '' : `${result.ratio.toFixed(2)}×`,
      measured.budget ? describeBudget(measured.budget, result.unit) : '',
      result.holds === undefined ? '' : result.holds ? 'yes' : 'NO',
    ]);
    if (measured.baseline) {
      lines.push([
        `  baseline: ${measured.baseline.name}`,
        String(measured.baseline.samples.length),
        formatNumber(result.baseline),
        formatNumber(p95(measured.baseline.samples)),
        result.unit,
        '', '', '',
      ]);
    }
  }
  for (const failure of failures) {
    lines.push([failure.case, '', '', '', '', '', '', `FAILED: ${failure.error}`]);
  }
  // A failure's message runs past the table instead of widening its last column.
  const measuredLines = lines.map((line) => (line[7]?.startsWith('FAILED') ? [...line.slice(0, 7), ''] : line));
  const widths = header.map((_, column) => Math.max(...measuredLines.map((line) => line[column]!.length)));
  const numeric = new Set([1, 2, 3, 5]);
  const render = (line: string[]) =>
    line.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(lines[0]!), rule, ...lines.slice(1).map(render)].join('\n');
}
