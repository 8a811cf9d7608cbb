/**
 * Start-up: open the database, choose the platform, load the settings. Nothing
 * is rendered until this resolves, so the first frame already has the right theme.
 */
import { createRepositories, openKataDb } from '../storage/index';
import { selectPlatform } from '../platform/select-platform';
import { createLibraryStore } from '../state/library/library-store';
import { createPracticeStore } from '../state/practice/practice-store';
import { currentSchedulerSettings } from '../state/settings/scheduler-settings';
import { createSettingsStore } from '../state/settings/settings-store';
import { createParseClient } from '../features/library/parse-client';
import type { AppServices } from './app-services';
import { applyTheme } from './apply-theme';

export async function bootApp(win: Window): Promise<AppServices> {
  const db = await openKataDb();
  const repositories = createRepositories(db);
  const platform = selectPlatform(win, { backups: repositories.backups });
  const settingsStore = createSettingsStore(repositories.settings);
  const libraryStore = createLibraryStore(repositories, { parse: createParseClient() });
  await Promise.all([settingsStore.getState().load(), libraryStore.getState().load()]);
  // The practice screen loads its cards itself, when it opens: nothing to wait for here. Its scheduler
  // comes from the same bridge as Check collection's, so replay uses the parameters answers were given with.
  const practiceStore = createPracticeStore(repositories, { settings: () => currentSchedulerSettings(settingsStore) });

  const root = win.document.documentElement;
  applyTheme(root, settingsStore.getState().values.theme);
  settingsStore.subscribe((state, previous) => {
    if (state.values.theme !== previous.values.theme) applyTheme(root, state.values.theme);
  });
  return { platform, repositories, settingsStore, libraryStore, practiceStore };
}
