/**
 * Parses import files in a Web Worker (parse-worker.ts), and on the main thread
 * where no worker can run (no Worker, or it failed to start): the answer is the
 * same either way, only the window's responsiveness differs.
 */
import type { ParseOptions, ParseResult } from '../../../shared/import/result';
import type { ParseFile } from '../../state/library/library-store';
import type { ParseRequest, ParseResponse } from './parse-protocol';

/** The minimum of a Worker this client uses; tests hand in a fake. */
export interface ParseWorker {
  postMessage(message: ParseRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** The parsers, loaded when first needed on the main thread (the app's first screen never needs them). */
const parsers = () => import('../../../shared/import/parse-file');

export const parseOnMainThread: ParseFile = async (name, text, options) => (await parsers()).parseImportFile(name, text, options);

function startParseWorker(): ParseWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  // Vite bundles the worker from this exact expression (new URL + import.meta.url).
  return new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'kata-parse' });
}

interface Pending {
  name: string;
  text: string;
  options?: ParseOptions;
  resolve: (result: ParseResult) => void;
}

/**
 * A ParseFile that uses one worker, started at the first parse. If the worker
 * cannot start or fails later, every waiting and later file is parsed on the
 * main thread instead: an import never hangs on a broken worker.
 */
export function createParseClient(startWorker: () => ParseWorker | undefined = startParseWorker): ParseFile {
  let worker: ParseWorker | undefined;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const fallBack = (reason: string): void => {
    if (!broken) console.warn(`Kata parses imports on the main thread: the parse worker ${reason}.`);
    broken = true;
    worker?.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const job of waiting) void parseOnMainThread(job.name, job.text, job.options).then(job.resolve);
  };

  const ensureWorker = (): ParseWorker | undefined => {
    if (broken) return undefined;
    if (worker) return worker;
    try {
      worker = startWorker();
    } catch {
      worker = undefined;
    }
    if (!worker) {
      // No Worker here (tests, an old runtime): parsing on the main thread is the plan, not a failure.
      broken = true;
      return undefined;
    }
    worker.addEventListener('message', (event) => {
      const job = pending.get(event.data.id);
      if (!job) return;
      pending.delete(event.data.id);
      job.resolve(event.data.result);
    });
    worker.addEventListener('error', (event) => {
      // Handled here: without preventDefault the failed worker script also lands in the console as an error.
      event.preventDefault();
      const message = 'message' in event && typeof event.message === 'string' ? event.message : 'no reason given';
      fallBack(`failed (${message})`);
    });
    worker.addEventListener('messageerror', () => fallBack('sent an unreadable message'));
    return worker;
  };

  return (name, text, options) => {
    const target = ensureWorker();
    if (!target) return parseOnMainThread(name, text, options);
    return new Promise<ParseResult>((resolve) => {
      const id = nextId++;
      pending.set(id, { name, text, ...(options ? { options } : {}), resolve });
      try {
        target.postMessage({ id, name, text, ...(options ? { options } : {}) });
      } catch (error) {
        fallBack(`could not be sent the file (${error instanceof Error ? error.message : String(error)})`);
      }
    });
  };
}
