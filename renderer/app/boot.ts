/**
 * Start-up: open the database, choose the platform, load the settings. Nothing
 * is rendered until this resolves, so the first frame already has the right theme.
 */
import { createRepositories, openActiveKataDb } from '../storage/index';
import { selectPlatform } from '../platform/select-platform';
import { createParseClient } from '../features/library/parse-client';
import type { AppServices } from './app-services';
import { applyTheme } from './apply-theme';
import { createServices } from './create-services';

export async function bootApp(win: Window): Promise<AppServices> {
  const db = await openActiveKataDb();
  const repositories = createRepositories(db);
  const platform = selectPlatform(win, { backups: repositories.backups });
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
