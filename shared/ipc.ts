/**
 * The one typed contract between the renderer and the main process.
 *
 * Each channel has an argument schema (validated in main by the gatekeeper) and a
 * result type. The preload builds `window.kata` from `ipcMethods`, so a method
 * exists on the bridge only if it is listed here.
 */
import { z } from 'zod';
import type { IpcMethod } from './ipc-methods';
import type { BackupInfo } from './model';

// Names and channels live in a zod-free module so the preload can import them alone.
export { ipcChannel, ipcMethods } from './ipc-methods';
export type { IpcMethod } from './ipc-methods';

/** Largest file the import dialog hands to the renderer. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
/** Largest text a save or backup may write. */
export const MAX_WRITE_BYTES = 200 * 1024 * 1024;

const backupId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,120}$/, 'backup id: letters, digits, dot, dash, underscore');

export const ipcArgSchemas = {
  appInfo: z.tuple([]),
  pickImportFiles: z.tuple([]),
  saveTextFile: z.tuple([
    z.object({
      suggestedName: z.string().min(1).max(255),
      text: z.string().max(MAX_WRITE_BYTES),
    }),
  ]),
  writeBackup: z.tuple([
    z.object({
      name: z.string().min(1).max(120),
      text: z.string().max(MAX_WRITE_BYTES),
    }),
  ]),
  listBackups: z.tuple([]),
  readBackup: z.tuple([z.object({ id: backupId })]),
} as const satisfies Record<IpcMethod, z.ZodType<unknown[]>>;

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electron: string;
  chrome: string;
  userDataPath: string;
}

/** A file the person chose to import; `error` is set instead of `text` when it was refused. */
export interface PickedFile {
  name: string;
  path: string;
  bytes: number;
  text?: string;
  error?: string;
}

export interface SaveResult {
  saved: boolean;
  path?: string;
}

type ArgsOf<M extends IpcMethod> = z.infer<(typeof ipcArgSchemas)[M]>;

interface IpcResults {
  appInfo: AppInfo;
  pickImportFiles: PickedFile[];
  saveTextFile: SaveResult;
  writeBackup: BackupInfo;
  listBackups: BackupInfo[];
  readBackup: { id: string; text: string };
}

/** `window.kata`: every channel as `(args) => Promise<result>`. */
export type KataBridge = {
  [M in IpcMethod]: (...args: ArgsOf<M>) => Promise<IpcResults[M]>;
};

/** What a main-process handler for method M receives and returns. */
export type IpcHandler<M extends IpcMethod> = (
  ...args: ArgsOf<M>
) => Promise<IpcResults[M]> | IpcResults[M];

export type IpcHandlers = { [M in IpcMethod]: IpcHandler<M> };
