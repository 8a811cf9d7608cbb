/** The command line of `npm run bench` (scripts/bench.mjs). */

export interface BenchArgs {
  /** `--json FILE`: also write the results as a JSON array to FILE. */
  json?: string;
  /** `--filter TEXT`: only cases whose name contains TEXT (case-insensitive). */
  filter?: string;
  /** `--runs N`: timed runs per case, replacing each case's own count. */
  runs?: number;
  /** `--quick`: at most 3 runs and smaller sizes, for a smoke run. */
  quick: boolean;
  /** `--no-build`: reuse dist/bench instead of running `vite build` first. */
  build: boolean;
  /** `--strict`: exit with status 1 when a case misses its budget (not only when one fails). */
  strict: boolean;
  help: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]

  --json FILE      also write the results to FILE as a JSON array of
                   {case, unit, median, p95, baseline?, ratio?, budget?, holds?}
  --filter TEXT    only run cases whose name contains TEXT
  --runs N         timed runs per case (default: each case's own, usually 10)
  --quick          smoke run: at most 3 runs, smaller sizes
  --no-build       skip \`vite build\` and use the existing dist/bench
  --strict         exit 1 when a case misses its budget
  --help           this text

Node cases live in bench/node/*.bench.ts, browser cases in bench/browser/*.bench.ts.`;

/** Parses the arguments after `npm run bench --`; throws a readable Error on a bad one. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, build: true, strict: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--json': args.json = value(); break;
      case '--filter': args.filter = value(); break;
      case '--runs': {
        const text = value();
        const runs = Number(text);
        if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number of at least 1, got "${text}"`);
        args.runs = runs;
        break;
      }
      case '--quick': args.quick = true; break;
      case '--no-build': args.build = false; break;
      case '--strict': args.strict = true; break;
      case '--help': case '-h': args.help = true; break;
      default: throw new Error(`unknown option "${raw}" (see --help)`);
    }
  }
  return args;
}
