/**
 * The names on the wire of the renderer <-> main contract, free of zod so the
 * sandboxed preload (which only needs names and channels) stays a few KB instead
 * of bundling the whole schema library. shared/ipc.ts re-exports these and checks,
 * at compile time, that its argument schemas cover exactly this list.
 */

const methodNames = ['appInfo', 'pickImportFiles', 'saveTextFile', 'writeBackup', 'listBackups', 'readBackup'] as const;

export type IpcMethod = (typeof methodNames)[number];

/** Every method of the contract, in declaration order. */
export const ipcMethods: IpcMethod[] = [...methodNames];

/** The channel name on the wire for a method. */
export function ipcChannel(method: IpcMethod): string {
  return `kata:${method}`;
}
