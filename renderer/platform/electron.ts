/**
 * The Platform over the Electron preload bridge (`window.kata`, built from
 * shared/ipc.ts). Every call crosses the process boundary; the main process
 * validates the arguments again, so this adapter only reshapes results.
 */
import type { AppInfo, KataBridge } from '../../shared/ipc';
import type { Platform, PlatformAppInfo, PlatformFolders } from './platform';
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

export function createElectronPlatform(bridge: KataBridge): Platform {
  return {
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
