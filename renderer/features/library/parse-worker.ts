/**
 * Parses imported files off the main thread, so a large runbook does not freeze
 * the window while it is read. Pure: text in, ParseResult out (parseImportFile
 * never throws, and its result is plain data that survives structured cloning).
 */
import { parseImportFile } from '../../../shared/import/parse-file';
import type { ParseRequest, ParseResponse } from './parse-protocol';

// The renderer's lib is DOM, not WebWorker: describe the little of the worker scope this uses.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest>) => void): void;
  postMessage(message: ParseResponse): void;
};

scope.addEventListener('message', (event) => {
  const { id, name, text, options } = event.data;
  scope.postMessage({ id, result: parseImportFile(name, text, options) });
});
