// @vitest-environment happy-dom
/**
 * The Library folders panel against the real Electron platform adapter over a fake
 * `window.kata` bridge (and the browser adapter for the web build): statuses come
 * from comparing scans with the packs, buttons hand read files to the import flow.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PackRecord } from '../../../shared/model';
import { hashText } from '../../../shared/hash';
import { AppServicesContext } from '../../../renderer/app/app-services';
import type { AppServices } from '../../../renderer/app/app-services';
import { createBrowserPlatform } from '../../../renderer/platform/browser';
import { createElectronPlatform } from '../../../renderer/platform/electron';
import type { ImportFile, Platform } from '../../../renderer/platform/platform';
import { FoldersPanel, FOLDERS_UNAVAILABLE_NOTE } from '../../../renderer/features/library/folders/FoldersPanel';
import { describeCounts, folderFileStatus, packsBySourcePath } from '../../../renderer/features/library/folders/folder-status';
import { createFakeKataBridge } from '../../mocks/kata-bridge';
import type { FakeKataBridge } from '../../mocks/kata-bridge';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const FOLDER = '/home/someone/runbooks';
const DEPLOY = '# Deploy\n- [ ] Freeze the schema\n';
const TRIAGE = 'id: triage\nquestion: Is it down?\n';
const CARDS = 'question,answer\nPort?,443\n';

function pack(sourcePath: string, sourceText: string | undefined, extra: Partial<PackRecord> = {}): PackRecord {
  return {
    id: `pack-${sourcePath}`,
    title: sourcePath,
    kind: 'checklist',
    format: 'markdown',
    sourceName: sourcePath.split('/').pop() ?? sourcePath,
    sourcePath,
    ...(sourceText === undefined ? {} : { sourceHash: hashText(sourceText) }),
    meta: { tags: [] },
    sections: [],
    edges: [],
    status: 'active',
    createdAt: 1,
    importedAt: 1,
    itemCount: 1,
    cardCount: 1,
    ...extra,
  };
}

let container: HTMLElement;
let root: Root;
let bridge: FakeKataBridge;
let folderId: string;

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function render(platform: Platform, packs: PackRecord[], onImport: (files: ImportFile[]) => void = () => {}) {
  const services = { platform } as unknown as AppServices;
  const element = (list: PackRecord[]) => (
    <AppServicesContext.Provider value={services}>
      <FoldersPanel packs={list} onImport={onImport} />
    </AppServicesContext.Provider>
  );
  await act(async () => root.render(element(packs)));
  await settle();
  return { rerender: async (list: PackRecord[]) => act(async () => root.render(element(list))) };
}

function rowOf(relativePath: string): HTMLTableRowElement {
  const header = [...container.querySelectorAll('th[scope="row"]')].find((cell) => cell.textContent === relativePath);
  if (!header) throw new Error(`no row for ${relativePath} in: ${container.textContent}`);
  return header.closest('tr')!;
}

function statusOf(relativePath: string): string {
  return rowOf(relativePath).querySelector('.file-status')?.textContent ?? '';
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name);
  if (!found) throw new Error(`no button "${name}" in: ${container.textContent}`);
  return found;
}

async function click(target: HTMLElement): Promise<void> {
  await act(async () => target.click());
  await settle();
}

beforeEach(async () => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  bridge = createFakeKataBridge();
  bridge.nextFolderPath = FOLDER;
  folderId = (await bridge.addLibraryFolder())!.id;
  bridge.setLibraryFile(folderId, 'deploy.md', DEPLOY);
  bridge.setLibraryFile(folderId, 'incidents/triage.yaml', TRIAGE);
  bridge.setLibraryFile(folderId, 'cards.csv', CARDS);
  bridge.calls.length = 0;
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('folder statuses', () => {
  test('compare the file hash with the sourceHash of the pack imported from the same path', () => {
    const file = { relativePath: 'a.md', path: '/x/a.md', bytes: 1, mtimeMs: 1, hash: hashText('new') };
    expect(folderFileStatus(file, packsBySourcePath([])).status).toBe('not-imported');
    expect(folderFileStatus(file, packsBySourcePath([pack('/x/a.md', 'new')])).status).toBe('up-to-date');
    expect(folderFileStatus(file, packsBySourcePath([pack('/x/a.md', 'old')])).status).toBe('changed');
    expect(folderFileStatus(file, packsBySourcePath([pack('/x/a.md', undefined)])).status).toBe('changed');
    expect(folderFileStatus(file, packsBySourcePath([pack('/elsewhere/a.md', 'new')])).status).toBe('not-imported');
    expect(folderFileStatus({ ...file, hash: undefined, error: 'too big' }, packsBySourcePath([])).status).toBe('unreadable');
    // An active pack wins over an archived one from the same file.
    const archived = pack('/x/a.md', 'old', { id: 'archived', status: 'archived' });
    const active = pack('/x/a.md', 'new', { id: 'active' });
    expect(folderFileStatus(file, packsBySourcePath([active, archived])).pack?.id).toBe('active');
    expect(folderFileStatus(file, packsBySourcePath([archived, active])).pack?.id).toBe('active');
    expect(describeCounts(3, { 'not-imported': 1, changed: 1, 'up-to-date': 1, unreadable: 0 })).toBe(
      '3 files: 1 not imported, 1 changed, 1 up to date.',
    );
  });
});

describe('FoldersPanel in the browser build', () => {
  test('explains that library folders need the desktop app, and offers nothing to click', async () => {
    const platform = createBrowserPlatform({
      backups: { write: () => Promise.reject(new Error('unused')), list: async () => [], read: () => Promise.reject(new Error('unused')) },
      name: 'Kata',
      version: '0.1.0',
      document,
    });
    await render(platform, []);
    expect(container.textContent).toContain(FOLDERS_UNAVAILABLE_NOTE);
    expect(container.querySelector('h2')?.textContent).toBe('Library folders');
    expect(container.querySelectorAll('button')).toHaveLength(0);
  });
});

describe('FoldersPanel in the desktop app', () => {
  const packs = () => [pack(`${FOLDER}/deploy.md`, DEPLOY), pack(`${FOLDER}/incidents/triage.yaml`, 'id: triage\n')];

  test('lists each folder with its files and a status in words', async () => {
    await render(createElectronPlatform(bridge), packs());
    expect(container.querySelector('h3')?.textContent).toBe('runbooks');
    expect(container.textContent).toContain(FOLDER);
    expect(statusOf('deploy.md')).toBe('up to date');
    expect(statusOf('incidents/triage.yaml')).toBe('changed — review re-import');
    expect(statusOf('cards.csv')).toBe('not imported');
    expect(container.querySelector('.folder-summary')?.textContent).toContain('3 files: 1 not imported, 1 changed, 1 up to date.');
    // Only files that need something have a button, each labelled with the file it acts on.
    expect(rowOf('deploy.md').querySelector('button')).toBeNull();
    expect(button('Import cards.csv').textContent).toBe('Import');
    expect(button('Review changes to incidents/triage.yaml').textContent).toBe('Review changes');
    expect(button('Import all new (1)')).toBeTruthy();
    expect(button('Review all changed (1)')).toBeTruthy();
  });

  test('Import reads the file through the platform and hands its text to the import flow', async () => {
    const onImport = vi.fn();
    await render(createElectronPlatform(bridge), packs(), onImport);
    await click(button('Import cards.csv'));
    expect(bridge.calls.filter((call) => call.method === 'readLibraryFile').map((call) => call.args)).toEqual([
      [{ folderId, relativePath: 'cards.csv' }],
    ]);
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(onImport).toHaveBeenCalledWith([{ name: 'cards.csv', bytes: CARDS.length, text: CARDS, path: `${FOLDER}/cards.csv` }]);
    expect(container.querySelector('[role="status"]')?.textContent).toContain('1 file');
  });

  test('"Review all changed" and "Import all new" read every file of that status', async () => {
    bridge.setLibraryFile(folderId, 'more.md', '# More\n');
    const onImport = vi.fn();
    await render(createElectronPlatform(bridge), packs(), onImport);
    await click(button('Review all changed (1)'));
    expect(onImport).toHaveBeenLastCalledWith([expect.objectContaining({ name: 'triage.yaml', text: TRIAGE, path: `${FOLDER}/incidents/triage.yaml` })]);
    await click(button('Import all new (2)'));
    expect(onImport.mock.lastCall?.[0].map((file: ImportFile) => file.name)).toEqual(['cards.csv', 'more.md']);
  });

  test('a file that cannot be read reaches the import flow as refused, with the reason', async () => {
    const onImport = vi.fn();
    await render(createElectronPlatform(bridge), packs(), onImport);
    bridge.setLibraryFile(folderId, 'cards.csv', undefined);
    await click(button('Import cards.csv'));
    expect(onImport).toHaveBeenCalledWith([
      { name: 'cards.csv', bytes: CARDS.length, path: `${FOLDER}/cards.csv`, error: expect.stringContaining('ENOENT') },
    ]);
  });

  test('statuses follow the packs: after an import the file is up to date', async () => {
    const view = await render(createElectronPlatform(bridge), packs());
    await view.rerender([...packs(), pack(`${FOLDER}/cards.csv`, CARDS)]);
    expect(statusOf('cards.csv')).toBe('up to date');
  });

  test('re-scans when the main process reports a change, and when the window regains focus', async () => {
    await render(createElectronPlatform(bridge), packs());
    expect(statusOf('deploy.md')).toBe('up to date');

    bridge.setLibraryFile(folderId, 'deploy.md', `${DEPLOY}- [ ] Announce\n`);
    await act(async () => bridge.emitLibraryFoldersChanged(folderId));
    await settle();
    expect(statusOf('deploy.md')).toBe('changed — review re-import');

    bridge.setLibraryFile(folderId, 'new.mmd', 'flowchart TD\nA-->B\n');
    await act(async () => window.dispatchEvent(new Event('focus')));
    await settle();
    expect(statusOf('new.mmd')).toBe('not imported');
  });

  test('adds a folder from the dialog, and a cancelled dialog changes nothing', async () => {
    await render(createElectronPlatform(bridge), []);
    bridge.nextFolderPath = null;
    await click(button('Add folder…'));
    expect(container.querySelectorAll('.folder-item')).toHaveLength(1);

    bridge.nextFolderPath = '/home/someone/playbooks';
    await click(button('Add folder…'));
    const headings = [...container.querySelectorAll('h3')].map((heading) => heading.textContent);
    expect(headings).toEqual(['runbooks', 'playbooks']);
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Added playbooks');
    expect(container.textContent).toContain('No files Kata can import.');
  });

  test('removing a folder asks first; keeping it puts focus back', async () => {
    await render(createElectronPlatform(bridge), packs());
    await click(button('Remove folder runbooks'));
    const group = container.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe('Remove runbooks?');
    expect(document.activeElement?.textContent).toBe('Remove folder');
    expect(bridge.calls.some((call) => call.method === 'removeLibraryFolder')).toBe(false);

    await click(button('Keep it'));
    expect(container.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove folder runbooks');

    await click(button('Remove folder runbooks'));
    await click(button('Remove folder'));
    expect(bridge.calls.filter((call) => call.method === 'removeLibraryFolder').map((call) => call.args)).toEqual([[{ id: folderId }]]);
    expect(container.querySelectorAll('.folder-item')).toHaveLength(0);
    expect(container.textContent).toContain('No folders yet.');
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Removed runbooks');
  });

  test('a folder that cannot be read says so instead of listing files', async () => {
    const platform = createElectronPlatform(
      createFakeKataBridge({
        listLibraryFolders: async () => [{ id: 'gone', path: '/mnt/usb/runbooks', name: 'runbooks', addedAt: 1 }],
        scanLibraryFolder: async () => ({
          folder: { id: 'gone', path: '/mnt/usb/runbooks', name: 'runbooks', addedAt: 1 },
          files: [],
          truncated: false,
          error: '/mnt/usb/runbooks cannot be read (ENOENT)',
        }),
      }),
    );
    await render(platform, []);
    expect(container.querySelector('.folder-item .error-line')?.textContent).toContain('cannot be read (ENOENT)');
  });

  test('stops listening to the main process when unmounted', async () => {
    await render(createElectronPlatform(bridge), []);
    expect(bridge.libraryFolderSubscribers()).toBe(1);
    act(() => root.unmount());
    expect(bridge.libraryFolderSubscribers()).toBe(0);
    root = createRoot(container);
  });
});
