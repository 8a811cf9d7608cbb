/**
 * The ONE place that calls `ipcMain.handle`. Every channel of shared/ipc.ts is
 * registered here, and every call is checked twice before a handler runs:
 * the sender must be the app's own window, and the arguments must match the
 * contract's schema. Handlers can therefore trust their (typed) arguments.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { ipcArgSchemas, ipcChannel, ipcMethods } from '../shared/ipc';
import type { IpcHandlers, IpcMethod } from '../shared/ipc';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Longest piece of a key name an error repeats: enough to spot a typo, never a payload. */
const MAX_KEY_ECHO = 40;

/** "args.0.text: Too big" for each issue: enough to find the bug, nothing of the payload. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `args.${issue.path.map(String).join('.')}` : 'args';
      if (issue.code === 'unrecognized_keys') {
        // zod's own message lists every key in full: a caller could make it any size.
        const keys = issue.keys.slice(0, 3).map((key) => JSON.stringify(key.slice(0, MAX_KEY_ECHO)));
        const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '';
        return `${where}: Unrecognized key: ${keys.join(', ')}${more}`;
      }
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates then dispatches one call; kept generic so each handler sees its own argument types. */
async function dispatch<M extends IpcMethod>(handlers: IpcHandlers, method: M, rawArgs: unknown[]): Promise<unknown> {
  const parsed = ipcArgSchemas[method].safeParse(rawArgs);
  if (!parsed.success) {
    throw new Error(`kata.${method}: invalid arguments (${describeIssues(parsed.error.issues)})`);
  }
  // TypeScript cannot correlate handlers[M] with the parsed tuple of M; the schema
  // just proved the shape, so the widening below is safe.
  const handler = handlers[method] as (...args: unknown[]) => unknown;
  return handler(...(parsed.data as unknown[]));
}

/** Registers one validated, sender-checked `ipcMain.handle` per method of the contract. */
export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
): void {
  for (const method of ipcMethods) {
    ipcMain.handle(ipcChannel(method), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) throw new Error(`kata.${method}: untrusted sender`);
      return dispatch(handlers, method, args);
    });
  }
}
