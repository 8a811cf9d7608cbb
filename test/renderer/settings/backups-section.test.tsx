// @vitest-environment happy-dom
/**
 * Settings › Collection and backups over real parts: the Electron platform adapter on the fake
 * bridge (backups written and read in pieces), the collection service, and a random collection in
 * fake-indexeddb. A backup made by hand is listed with its size; restoring it shows what it holds,
 * asks, backs up, replaces the collection and reloads; a damaged backup is refused with the reason
 * and nothing changes.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AppServicesContext } from '../../../renderer/app/app-services';
import type { AppServices } from '../../../renderer/app/app-services';
import { createElectronPlatform } from '../../../renderer/platform/electron';
import { BackupsSection } from '../../../renderer/features/settings/BackupsSection';
import { createCollectionService } from '../../../renderer/state/collection/collection-service';
import { openActiveKataDb } from '../../../renderer/storage/active-db';
import type { KataDb } from '../../../renderer/storage/db';
import { TABLE_ORDER } from '../../../shared/collection-export/tables';
import { createFakeKataBridge } from '../../mocks/kata-bridge';
import type { FakeKataBridge } from '../../mocks/kata-bridge';
import { fakeIdb } from '../storage/test-db';
import { fillRandomCollection } from '../storage/random-collection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;
let bridge: FakeKataBridge;
let db: KataDb;
const opened: KataDb[] = [];

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
  }
  throw new Error(`never: ${what}\n${container.textContent}`);
}

function button(name: RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

async function snapshot(of: KataDb): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLE_ORDER) tables[table] = await of.table(table).orderBy(':id').toArray();
  tables.settings = tables.settings!.filter((record) => !(record as { key: string }).key.startsWith('cache.'));
  return tables;
}

beforeEach(async () => {
  db = await openActiveKataDb(fakeIdb);
  opened.push(db);
  await fillRandomCollection(db, 11, { packs: 2, itemsPerPack: 5, eventsPerCard: 4, attempts: 2 });
  bridge = createFakeKataBridge();
  const platform = createElectronPlatform(bridge);
  const collection = createCollectionService({ db, platform, appVersion: 'test', idb: fakeIdb });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root.render(
      <AppServicesContext.Provider value={{ platform, collection } as unknown as AppServices}>
        <BackupsSection />
      </AppServicesContext.Provider>,
    );
  });
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  for (const each of opened.splice(0)) each.close();
  for (const info of await fakeIdb.indexedDB.databases()) {
    if (info.name) await new Promise((resolve) => Object.assign(fakeIdb.indexedDB.deleteDatabase(info.name!), { onsuccess: resolve, onerror: resolve }));
  }
  vi.restoreAllMocks();
});

describe('Collection and backups', () => {
  test('a backup made by hand is listed, and restoring it shows what it holds, backs up, replaces and reloads', async () => {
    const before = await snapshot(db);
    await until(() => container.textContent!.includes('No backups yet.'), 'the empty list');
    await act(async () => button(/^Make a backup now$/).click());
    await until(() => container.querySelector('tbody tr') !== null, 'the backup listed');
    expect(container.querySelector('tbody tr td')?.textContent).toBe('kata-manual');
    expect(container.querySelector('[role=status]')?.textContent).toBe('Backup kata-manual made.');

    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => undefined);
    await act(async () => button(/^Restore kata-manual from /).click());
    await until(() => container.querySelector('[role=group]') !== null, 'the confirmation');
    const group = container.querySelector('[role=group]')!.textContent!;
    expect(group).toContain(`${before.events!.length} answers`);
    expect(group).toContain(`${before.packs!.length} packs`);
    await act(async () => button(/^Replace my collection with this one$/).click());
    await until(() => reload.mock.calls.length > 0, 'the reload');
    // The collection now lives in the restored database; it holds what it held; a backup was made first.
    const restored = await openActiveKataDb(fakeIdb);
    opened.push(restored);
    expect(restored.name).not.toBe(db.name);
    expect(await snapshot(restored)).toEqual(before);
    expect((await bridge.listBackups()).map((b) => b.name).sort()).toEqual(['kata-before-restore', 'kata-manual']);
  });

  test('a damaged backup is refused with the reason, and nothing changes', async () => {
    const before = await snapshot(db);
    await bridge.writeBackup({ name: 'damaged', text: '{"format":"kata-collection","formatVersion":1,"appVersion":"x","createdAt":"2026-01-01T00:00:00.000Z","schemaVersion":5}\n{"t":"packs","r":{"id":' });
    await act(async () => button(/^Make a backup now$/).click());
    await until(() => container.querySelectorAll('tbody tr').length === 2, 'both listed');
    await act(async () => button(/^Restore damaged from /).click());
    await until(() => container.querySelector('[role=alert]') !== null, 'the refusal');
    expect(container.querySelector('[role=alert]')!.textContent).toMatch(/^Backup damaged cannot be restored: Line 2 is damaged \(it is not JSON\)\. Nothing was changed\.$/);
    expect(container.querySelector('[role=group]')).toBeNull();
    expect(await snapshot(db)).toEqual(before);
    expect((await bridge.listBackups()).map((b) => b.name).sort()).toEqual(['damaged', 'kata-manual']);
  });
});
