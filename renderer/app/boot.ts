/**
 * Start-up: open the database, choose the platform, load the settings. Nothing
 * is rendered until this resolves, so the first frame already has the right theme.
 */
import { createRepositories, openKataDb } from '../storage/index';
import { selectPlatform } from '../platform/select-platform';
import { createParseClient } from '../features/library/parse-client';
import type { AppServices } from './app-services';
import { applyTheme } from './apply-theme';
import { createServices } from './create-services';

export async function bootApp(win: Window): Promise<AppServices> {
  const db = await openKataDb();
  const repositories = createRepositories(db);
  const platform = selectPlatform(win, { backups: repositories.backups });
  // Without it a browser may evict the whole collection under storage pressure. Not awaited:
  // the browser may take its time to decide, and start-up does not depend on the answer.
  void platform.storage.requestPersistence();
  const services = createServices(repositories, platform, { parse: createParseClient() });
  const { settingsStore, libraryStore } = services;
  // The practice and simulate screens load what they show themselves, when they open: nothing to wait for here.
  await Promise.all([settingsStore.getState().load(), libraryStore.getState().load()]);

  const root = win.document.documentElement;
  applyTheme(root, settingsStore.getState().values.theme);
  settingsStore.subscribe((state, previous) => {
    if (state.values.theme !== previous.values.theme) applyTheme(root, state.values.theme);
  });
  return services;
}
