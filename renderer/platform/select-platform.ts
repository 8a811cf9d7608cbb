/**
 * Chooses the Platform once, at start-up: inside Electron the preload has set
 * `window.kata`; anywhere else the app is a web page. This is the only place
 * in the renderer that looks.
 */
import { APP_NAME, APP_VERSION } from './app-version';
import type { BackupStore } from './browser';
import { createBrowserPlatform } from './browser';
import { createOpfsBackupStore } from './opfs-backups';
// The lint pattern for the `electron` package also matches this sibling module by name.
import { createElectronPlatform } from './electron';
import type { Platform } from './platform';

export interface PlatformDeps {
  /** Where the web build keeps backups where OPFS is missing (IndexedDB through the backups repository). */
  backups: BackupStore;
}

export function selectPlatform(win: Window, deps: PlatformDeps): Platform {
  if (win.kata) return createElectronPlatform(win.kata);
  return createBrowserPlatform({
    backups: createOpfsBackupStore(win.navigator?.storage, deps.backups),
    name: APP_NAME,
    version: APP_VERSION,
    document: win.document,
  });
}
