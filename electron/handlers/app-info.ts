/** `appInfo`: what the About and Settings screens show. */
import type { App } from 'electron';
import type { AppInfo } from '../../shared/ipc';

export interface AppInfoDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getPath'>;
  platform: string;
  versions: { electron?: string; chrome?: string };
}

/** Builds the `appInfo` handler over the given app and process facts. */
export function createAppInfoHandler(deps: AppInfoDeps): () => AppInfo {
  return () => ({
    name: deps.app.getName(),
    version: deps.app.getVersion(),
    platform: deps.platform,
    electron: deps.versions.electron ?? 'unknown',
    chrome: deps.versions.chrome ?? 'unknown',
    userDataPath: deps.app.getPath('userData'),
  });
}
