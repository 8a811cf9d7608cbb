/**
 * The Platform over the Electron preload bridge (`window.kata`, built from
 * shared/ipc.ts). Every call crosses the process boundary; the main process
 * validates the arguments again, so this adapter only reshapes results.
 */
import type { AppInfo, KataBridge } from '../../shared/ipc';
import type { BackupInfo } from '../../shared/model';
import type { FileSink, Platform, PlatformAppInfo, PlatformFolders, SaveOutcome } from './platform';
import { createPlatformStorage } from './storage-status';

declare global {
  interface Window {
    /** Present only inside the Electron app (set by electron/preload.ts). */
    kata?: KataBridge;
  }
}

export function describeElectronInfo(info: AppInfo): PlatformAppInfo {
  return {
    name: info.name,
    version: info.version,
    platform: `Desktop (${info.platform})`,
    runtimes: [
      { name: 'Electron', version: info.electron },
      { name: 'Chromium', version: info.chrome },
    ],
    dataLocation: info.userDataPath,
  };
}

/** Library folders over the bridge; paths and hashes come from the main process as they are. */
export function createElectronFolders(bridge: KataBridge): PlatformFolders {
  return {
    add: () => bridge.addLibraryFolder(),
    list: () => bridge.listLibraryFolders(),
    async remove(id) {
      return (await bridge.removeLibraryFolder({ id })).removed;
    },
    scan: (id) => bridge.scanLibraryFolder({ id }),
    async read(folderId, relativePath) {
      const file = await bridge.readLibraryFile({ folderId, relativePath });
      return { name: file.name, bytes: file.bytes, text: file.text, path: file.path };
    },
    onChanged(callback) {
      return bridge.onLibraryFoldersChanged((change) => callback(change.folderId));
    },
  };
}

/** A file written in pieces over the bridge (main writes a temp file and renames it when finished). */
function bridgeSink<Result>(bridge: KataBridge, token: string, result: (finished: { path?: string; backup?: BackupInfo }) => Result): FileSink<Result> {
  return {
    write: (chunk) => bridge.appendWrite({ token, text: chunk }),
    async close() {
      return result(await bridge.finishWrite({ token }));
    },
    abort: () => bridge.abortWrite({ token }),
  };
}

export function createElectronPlatform(bridge: KataBridge): Platform {
  return {
    backupsLocation: async () => 'user-data',
    async saveFileStream(suggestedName) {
      const begun = await bridge.beginSaveFile({ suggestedName });
      if (!begun) return null;
      return bridgeSink(bridge, begun.token, (finished): SaveOutcome => ({ saved: true, path: finished.path ?? begun.path }));
    },
    async backupStream(name) {
      const { token } = await bridge.beginBackupFile({ name });
      return bridgeSink(bridge, token, (finished) => {
        if (!finished.backup) throw new Error('the backup was written but not listed');
        return finished.backup;
      });
    },
    async *readBackupChunks(id) {
      let offset: number | null = 0;
      while (offset !== null) {
        const chunk: { text: string; nextOffset: number | null } = await bridge.readBackupChunk({ id, offset });
        if (chunk.text) yield chunk.text;
        offset = chunk.nextOffset;
      }
    },
    async removeBackup(id) {
      await bridge.removeBackup({ id });
    },
    kind: 'electron',
    supportsFolders: true,
    // IndexedDB lives in the app's user-data folder: no browser eviction, only `estimate` is asked.
    storage: createPlatformStorage({ manager: () => (typeof navigator === 'undefined' ? undefined : navigator.storage), alwaysPersisted: true }),
    folders: createElectronFolders(bridge),
    async appInfo() {
      return describeElectronInfo(await bridge.appInfo());
    },
    async pickImportFiles() {
      const picked = await bridge.pickImportFiles();
      return picked.map((file) => ({
        name: file.name,
        bytes: file.bytes,
        path: file.path,
        ...(file.error === undefined ? { text: file.text ?? '' } : { error: file.error }),
      }));
    },
    async saveTextFile(suggestedName, text) {
      const result = await bridge.saveTextFile({ suggestedName, text });
      return result.path === undefined ? { saved: result.saved } : { saved: result.saved, path: result.path };
    },
    async printToPdf(suggestedName) {
      const result = await bridge.printToPdf({ suggestedName });
      return result.path === undefined ? { saved: result.saved } : { saved: result.saved, path: result.path };
    },
    writeBackup: (name, text) => bridge.writeBackup({ name, text }),
    async listBackups() {
      const backups = await bridge.listBackups();
      return [...backups].sort((a, b) => b.createdAt - a.createdAt);
    },
    readBackup: (id) => bridge.readBackup({ id }),
  };
}
