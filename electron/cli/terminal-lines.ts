/**
 * Lines from the terminal, one per prompt, ending in Ctrl-C or the end of input.
 *
 * Built on node:readline/promises, but read through its async iterator rather than
 * question(): piped or scripted input (`printf '2\n1\n' | kata simulate …`, the tests'
 * PassThrough) delivers several lines in one chunk, and readline drops every line that
 * arrives while no question() is pending; the iterator buffers them.
 */
import { createInterface } from 'node:readline/promises';
import type { TerminalIo } from './cli-io';

export type Read = { kind: 'line'; text: string } | { kind: 'interrupt' } | { kind: 'eof' };

export interface TerminalLines {
  /** Shows `prompt` and waits for a line, Ctrl-C or the end of input. */
  read: (prompt: string) => Promise<Read>;
  write: (line?: string) => void;
  close: () => void;
}

export function openLines(terminal: TerminalIo): TerminalLines {
  const { input, output } = terminal;
  // Line editing only when both ends are a terminal; readline then echoes what is typed.
  const rl = createInterface({ input, output, terminal: Boolean(input.isTTY && output.isTTY) });
  const lines = rl[Symbol.asyncIterator]();
  let interrupt: () => void = () => undefined;
  const interrupted = new Promise<Read>((resolve) => {
    interrupt = () => resolve({ kind: 'interrupt' });
  });
  // In terminal mode Ctrl-C is a keypress readline turns into this event (it would close otherwise).
  rl.on('SIGINT', () => interrupt());
  const unwatch = terminal.watchInterrupt?.(() => interrupt());
  return {
    async read(prompt) {
      rl.setPrompt(prompt);
      rl.prompt();
      const next = lines.next().then(
        (result): Read => (result.done ? { kind: 'eof' } : { kind: 'line', text: result.value }),
        (): Read => ({ kind: 'eof' }),
      );
      const got = await Promise.race([interrupted, next]);
      // Piped input is not echoed by anyone: write it after the prompt, so the transcript reads like a session.
      if (got.kind === 'line' && !input.isTTY) output.write(`${got.text}\n`);
      return got;
    },
    write(line = '') {
      output.write(`${line}\n`);
    },
    close() {
      unwatch?.();
      rl.close();
    },
  };
}
