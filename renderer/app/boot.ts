/**
 * Start-up: open the database, choose the platform, load the settings. Nothing
 * is rendered until this resolves, so the first frame already has the right theme.
 */
import { createRepositories, openActiveKataDb } from '../storage/index';
import { selectPlatform } from '../platform/select-platform';
import { APP_VERSION } from '../platform/app-version';
import { createParseClient } from '../features/library/parse-client';
import { createCollectionService } from '../state/collection/collection-service';
import { startAutomaticBackups } from '../state/collection/automatic-backups';
import type { Repositories } from '../storage/index';
import type { AppServices } from './app-services';
import { applyTheme } from './apply-theme';
import { createServices } from './create-services';

export async function bootApp(win: Window): Promise<AppServices> {
  // The platform's IndexedDB backup store (where the browser has no OPFS) needs the open database;
  // the backup before a migration runs before it is open, so it goes only where backups live apart.
  const opened: { repositories?: Repositories } = {};
  const stored = (): Repositories['backups'] => {
    if (!opened.repositories) throw new Error('the collection is not open yet');
    return opened.repositories.backups;
  };
  const platform = selectPlatform(win, {
    backups: {
      write: (name, text) => stored().write(name, text),
      list: async () => (opened.repositories ? stored().list() : []),
      read: (id) => stored().read(id),
      remove: (id) => stored().remove(id),
    },
  });
  const db = await openActiveKataDb({
    beforeUpgrade: async (onDisk) => {
      if ((await platform.backupsLocation()) === 'browser-database') return;
      const sink = await platform.backupStream('kata-before-migration');
      try {
        const { exportCollection } = await import('../storage/collection-export');
        for await (const chunk of exportCollection(onDisk, { appVersion: APP_VERSION })) await sink.write(chunk);
      } catch (error) {
        await sink.abort();
        throw error;
      }
      await sink.close();
    },
    onBeforeUpgradeError: (error) => console.error('Kata: the backup before the database upgrade failed', error),
  });
  const repositories = createRepositories(db);
  opened.repositories = repositories;
  // Without it a browser may evict the whole collection under storage pressure. Not awaited:
  // the browser may take its time to decide, and start-up does not depend on the answer.
  void platform.storage.requestPersistence();
  const services: AppServices = {
    ...createServices(repositories, platform, { parse: createParseClient(), dbName: db.name }),
    collection: createCollectionService({ db, platform, appVersion: APP_VERSION }),
  };
  const { settingsStore, libraryStore } = services;
  // The practice and simulate screens load what they show themselves, when they open: nothing to wait for here.
  await Promise.all([settingsStore.getState().load(), libraryStore.getState().load()]);

  const root = win.document.documentElement;
  applyTheme(root, settingsStore.getState().values.theme);
  settingsStore.subscribe((state, previous) => {
    if (state.values.theme !== previous.values.theme) applyTheme(root, state.values.theme);
  });
  const collection = services.collection!;
  win.setTimeout(() => {
    startAutomaticBackups({
      collection,
      lastAnswerAt: async () => (await db.events.orderBy('at').last())?.at,
      onError: (error) => console.error('Kata: an automatic backup failed', error),
    });
  }, 0);
  return services;
}
