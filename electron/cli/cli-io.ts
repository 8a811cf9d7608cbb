/**
 * What the command line reads and writes, injected so that tests need neither a process
 * nor a TTY: lines out and err for every command, and a terminal for `kata simulate`'s walk.
 */
import type { Writable } from 'node:stream';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Opens the terminal a walk reads and writes (lazily: validate and preview never touch stdin). */
  openTerminal?: () => TerminalIo;
  /** A fresh seed when `--seed` is not given (the process draws one from crypto). */
  drawSeed?: () => number;
}

export interface TerminalIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  /** Milliseconds on a clock that only moves forward (a fake one in tests). */
  now: () => number;
  /** Colours only on a TTY; every mark is also a word, so nothing depends on them. */
  color: boolean;
  /**
   * Calls `onInterrupt` when Ctrl-C arrives as a signal (input not a TTY, so readline
   * never sees the keypress); returns the unsubscribe. Absent: only readline's own Ctrl-C.
   */
  watchInterrupt?: (onInterrupt: () => void) => () => void;
}
