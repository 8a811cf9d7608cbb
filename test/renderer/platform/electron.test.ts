import { describe, expect, test } from 'vitest';
import { createElectronPlatform, describeElectronInfo } from '../../../renderer/platform/electron';
import { selectPlatform } from '../../../renderer/platform/select-platform';
import { FAKE_APP_INFO, createFakeKataBridge } from '../../mocks/kata-bridge';

describe('electron platform', () => {
  test('is the electron kind and supports folders', () => {
    const platform = createElectronPlatform(createFakeKataBridge());
    expect(platform.kind).toBe('electron');
    expect(platform.supportsFolders).toBe(true);
  });

  test('app info shows the runtime versions and the data folder', async () => {
    const platform = createElectronPlatform(createFakeKataBridge());
    expect(await platform.appInfo()).toEqual({
      name: 'Kata',
      version: '0.1.0',
      platform: 'Desktop (linux)',
      runtimes: [
        { name: 'Electron', version: '45.4.1' },
        { name: 'Chromium', version: '142.0.7444.52' },
      ],
      dataLocation: '/home/someone/.config/Kata',
    });
    expect(describeElectronInfo(FAKE_APP_INFO).runtimes).toHaveLength(2);
  });

  test('picked files keep their path and size; a refused file carries its error and no text', async () => {
    const bridge = createFakeKataBridge();
    bridge.nextPickedFiles = [
      { name: 'rollout.md', path: '/docs/rollout.md', bytes: 12, text: '# Rollout\n' },
      { name: 'huge.csv', path: '/docs/huge.csv', bytes: 6_000_000, error: 'huge.csv is 5.7 MB; Kata imports files up to 5 MB.' },
    ];
    const files = await createElectronPlatform(bridge).pickImportFiles();
    expect(files).toEqual([
      { name: 'rollout.md', path: '/docs/rollout.md', bytes: 12, text: '# Rollout\n' },
      { name: 'huge.csv', path: '/docs/huge.csv', bytes: 6_000_000, error: 'huge.csv is 5.7 MB; Kata imports files up to 5 MB.' },
    ]);
  });

  test('a cancelled dialog is an empty list', async () => {
    expect(await createElectronPlatform(createFakeKataBridge()).pickImportFiles()).toEqual([]);
  });

  test('saveTextFile sends the arguments in the shape shared/ipc.ts declares', async () => {
    const bridge = createFakeKataBridge();
    const result = await createElectronPlatform(bridge).saveTextFile('export.json', '{}');
    expect(result).toEqual({ saved: true, path: '/home/someone/export.json' });
    expect(bridge.calls).toEqual([{ method: 'saveTextFile', args: [{ suggestedName: 'export.json', text: '{}' }] }]);
  });

  test('a cancelled save is reported as not saved', async () => {
    const bridge = createFakeKataBridge({ saveTextFile: async () => ({ saved: false }) });
    expect(await createElectronPlatform(bridge).saveTextFile('x.json', '{}')).toEqual({ saved: false });
  });

  test('printToPdf asks main to save the window as a PDF under the suggested name', async () => {
    const bridge = createFakeKataBridge();
    expect(await createElectronPlatform(bridge).printToPdf?.('kata-progress.pdf')).toEqual({ saved: true, path: '/home/someone/kata-progress.pdf' });
    expect(bridge.calls).toEqual([{ method: 'printToPdf', args: [{ suggestedName: 'kata-progress.pdf' }] }]);
  });

  test('backups round-trip through the bridge, listed newest first', async () => {
    const bridge = createFakeKataBridge();
    const platform = createElectronPlatform(bridge);
    const first = await platform.writeBackup('first', 'one');
    const second = await platform.writeBackup('second', 'two');
    expect((await platform.listBackups()).map((b) => b.id)).toEqual([second.id, first.id]);
    expect(await platform.readBackup(first.id)).toEqual({ id: first.id, text: 'one' });
    expect(bridge.calls.map((call) => call.method)).toEqual(['writeBackup', 'writeBackup', 'listBackups', 'readBackup']);
    expect(bridge.calls[0]!.args).toEqual([{ name: 'first', text: 'one' }]);
    expect(bridge.calls[3]!.args).toEqual([{ id: first.id }]);
  });

  test('library folders cross the bridge in the contract\'s shapes', async () => {
    const bridge = createFakeKataBridge();
    const folders = createElectronPlatform(bridge).folders!;
    expect(await folders.add()).toBeNull();
    bridge.nextFolderPath = '/home/someone/runbooks';
    const folder = (await folders.add())!;
    expect(folder).toMatchObject({ path: '/home/someone/runbooks', name: 'runbooks' });
    bridge.setLibraryFile(folder.id, 'deploy.md', '# Deploy\n');
    expect(await folders.list()).toEqual([folder]);
    const scan = await folders.scan(folder.id);
    expect(scan.files.map((file) => file.relativePath)).toEqual(['deploy.md']);
    expect(await folders.read(folder.id, 'deploy.md')).toEqual({
      name: 'deploy.md',
      bytes: 9,
      text: '# Deploy\n',
      path: '/home/someone/runbooks/deploy.md',
    });
    expect(await folders.remove(folder.id)).toBe(true);
    expect(bridge.calls.map((call) => call.method)).toEqual([
      'addLibraryFolder',
      'addLibraryFolder',
      'listLibraryFolders',
      'scanLibraryFolder',
      'readLibraryFile',
      'removeLibraryFolder',
    ]);
    expect(bridge.calls[3]!.args).toEqual([{ id: folder.id }]);
    expect(bridge.calls[4]!.args).toEqual([{ folderId: folder.id, relativePath: 'deploy.md' }]);
  });

  test('folder change notifications arrive as folder ids until unsubscribed', () => {
    const bridge = createFakeKataBridge();
    const seen: string[] = [];
    const unsubscribe = createElectronPlatform(bridge).folders!.onChanged((id) => seen.push(id));
    bridge.emitLibraryFoldersChanged('folder-1');
    unsubscribe();
    bridge.emitLibraryFoldersChanged('folder-2');
    expect(seen).toEqual(['folder-1']);
    expect(bridge.libraryFolderSubscribers()).toBe(0);
  });

  test('errors from the main process reach the caller', async () => {
    const bridge = createFakeKataBridge({ readBackup: async () => Promise.reject(new Error('No backup nope')) });
    await expect(createElectronPlatform(bridge).readBackup('nope')).rejects.toThrow('No backup nope');
  });
});

describe('selectPlatform', () => {
  const unusedBackups = {
    write: () => Promise.reject(new Error('unused')),
    list: () => Promise.reject(new Error('unused')),
    read: () => Promise.reject(new Error('unused')),
  };

  test('chooses electron when window.kata is present', () => {
    const win = { kata: createFakeKataBridge(), document: {} } as unknown as Window;
    expect(selectPlatform(win, { backups: unusedBackups }).kind).toBe('electron');
  });

  test('chooses the browser otherwise', () => {
    const win = { document: {} } as unknown as Window;
    const platform = selectPlatform(win, { backups: unusedBackups });
    expect(platform.kind).toBe('browser');
    expect(platform.supportsFolders).toBe(false);
  });
});
