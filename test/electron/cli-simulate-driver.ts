/**
 * Drives `kata simulate` without a TTY: a scripted PassThrough for input, a fake clock,
 * and the transcript of what the walk wrote. Each scripted line is typed at the next
 * prompt, after its delay on the fake clock, as a person at a terminal would. Also the
 * sample paths and helpers both simulate test files share.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CliIo, TerminalIo } from '../../electron/cli';
import { runCli } from '../../electron/cli';
import type { ScenarioJson } from '../../electron/cli/scenario-json';

/** A line typed `afterMs` after its prompt appeared. */
export type Typed = [afterMs: number, line: string];

export interface Session {
  status: number;
  out: string[];
  err: string[];
  /** Everything the walk wrote to the terminal, typed lines included (piped input is echoed). */
  transcript: string;
  /** How many prompts were shown. */
  prompts: number;
}

export interface SessionOptions {
  /** When the script runs out: end the input (EOF, the default) or press Ctrl-C. */
  end?: 'eof' | 'interrupt';
  color?: boolean;
  drawSeed?: () => number;
  /** Leave out the terminal, as a caller without one would. */
  noTerminal?: boolean;
}

export const T0 = 1_000_000;
/** Every prompt ends so (the clock, then `> `). */
const PROMPT_END = '] > ';

export async function session(args: string[], script: readonly Typed[] = [], options: SessionOptions = {}): Promise<Session> {
  const input = new PassThrough();
  const output = new PassThrough();
  let clock = T0;
  let transcript = '';
  let prompts = 0;
  let onInterrupt: (() => void) | undefined;
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    transcript += chunk;
    if (!chunk.endsWith(PROMPT_END)) return;
    const next = script[prompts];
    prompts += 1;
    // Typed after the prompt is on screen and the walk waits for it.
    setImmediate(() => {
      if (next) {
        clock += next[0];
        input.write(`${next[1]}\n`);
      } else if (options.end === 'interrupt') onInterrupt?.();
      else input.end();
    });
  });
  const terminal: TerminalIo = {
    input,
    output,
    now: () => clock,
    color: options.color ?? false,
    watchInterrupt: (listener) => {
      onInterrupt = listener;
      return () => {
        onInterrupt = undefined;
      };
    },
  };
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  if (!options.noTerminal) io.openTerminal = () => terminal;
  if (options.drawSeed) io.drawSeed = options.drawSeed;
  const status = await runCli(args, io);
  // Let the last echoes reach the transcript.
  await new Promise((resolve) => setImmediate(resolve));
  return { status, out, err, transcript, prompts };
}

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const samples = join(repo, 'resources', 'samples');
export const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const sample = (name: string): string => join(samples, name);
export const drift = sample('feature-drift-response.yaml');

/** The scenario `kata simulate … --json` prints (asserting it printed one, cleanly). */
export async function scenarioOf(args: string[]): Promise<ScenarioJson> {
  const { status, out, err } = await session(['simulate', ...args, '--json']);
  expect(err).toEqual([]);
  expect(status).toBe(0);
  expect(out).toHaveLength(1);
  return JSON.parse(out[0] as string) as ScenarioJson;
}

/** The digit that picks `id` among a step's options (1-based). */
export const digitOf = (options: readonly string[] | undefined, id: string): string => String((options ?? []).indexOf(id) + 1);
/** The digit of the first option that is not `id`. */
export const wrongDigit = (options: readonly string[] | undefined, id: string): string =>
  String((options ?? []).findIndex((o) => o !== id) + 1);
