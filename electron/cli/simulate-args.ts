/**
 * `kata simulate`'s arguments: one file, `--seed N`, `--level 1-5`, `--section ID|all`,
 * `--paths`, `--json` (values also as `--seed=N`). Anything else is bad usage (exit 2),
 * found before the file is read.
 */
import type { Level } from '../../shared/simulate/scenario-types';
import { isLevel } from '../../shared/simulate/levels';

export interface SimulateArgs {
  file: string;
  /** Absent: drawn from crypto and printed, so the run can be repeated. */
  seed?: number;
  /** Absent: the level the app starts a pack at (suggestLevel of no attempts). */
  level?: Level;
  /** A section id or title, or `all`; absent: drawn as the app draws it. */
  section?: string;
  paths: boolean;
  json: boolean;
}

/** Seeds are 32-bit (shared/random.ts keeps only the low 32 bits): larger ones would alias. */
export const MAX_SEED = 0xffff_ffff;

const VALUED = ['--seed', '--level', '--section'] as const;
type Valued = (typeof VALUED)[number];
const isValued = (flag: string): flag is Valued => (VALUED as readonly string[]).includes(flag);

/** The parsed arguments, or the usage error to print. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs | { error: string } {
  const files: string[] = [];
  const values = new Map<Valued, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--paths' || flag === '--json') {
      if (inline !== undefined) return { error: `${flag} takes no value` };
      switches.add(flag);
      continue;
    }
    if (!isValued(flag)) return { error: `unknown option ${arg}` };
    if (values.has(flag)) return { error: `${flag} given twice` };
    const value = inline ?? argv[i + 1];
    // `--seed --json` is a missing value, not a seed called "--json".
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) return { error: `${flag} needs a value` };
    if (inline === undefined) i += 1;
    values.set(flag, value);
  }
  if (files.length === 0) return { error: 'simulate needs a file' };
  if (files.length > 1) return { error: `simulate takes one file, got ${files.length}: ${files.join(', ')}` };

  const args: SimulateArgs = { file: files[0] as string, paths: switches.has('--paths'), json: switches.has('--json') };
  const seed = values.get('--seed');
  if (seed !== undefined) {
    if (!/^\d+$/.test(seed) || Number(seed) > MAX_SEED) return { error: `--seed takes a whole number from 0 to ${MAX_SEED}, got "${seed}"` };
    args.seed = Number(seed);
  }
  const level = values.get('--level');
  if (level !== undefined) {
    const n = /^\d$/.test(level) ? Number(level) : NaN;
    if (!isLevel(n)) return { error: `--level takes 1 to 5 (1 Observe, 2 Guided, 3 Assisted, 4 Independent, 5 Can teach), got "${level}"` };
    args.level = n;
  }
  const section = values.get('--section');
  if (section !== undefined) args.section = section;
  if (args.paths && values.size > 0) return { error: '--paths lists every path of the tree: it takes no --seed, --level or --section' };
  return args;
}
