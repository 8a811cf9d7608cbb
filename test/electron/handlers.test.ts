import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc';
import { backupIdFor, backupPath, createBackupHandlers, sanitizeBackupName } from '../../electron/handlers/backups';
import { createPickImportFilesHandler, IMPORT_EXTENSIONS, tooLargeMessage } from '../../electron/handlers/pick-import-files';
import { createSaveTextFileHandler } from '../../electron/handlers/save-text-file';
import { createPrintToPdfHandler } from '../../electron/handlers/print-to-pdf';
import { createAppInfoHandler } from '../../electron/handlers/app-info';
import { createHandlers } from '../../electron/handlers/create-handlers';
import { ipcMethods } from '../../shared/ipc';
import { BrowserWindow as FakeBrowserWindow, app, dialog, resetElectronFake } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

const fakeDialog = dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
let dir: string;

beforeEach(async () => {
  resetElectronFake();
  dir = await mkdtemp(path.join(tmpdir(), 'kata-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('backups', () => {
  const T1 = Date.parse('2026-11-25T01:30:00.000Z');
  const T2 = Date.parse('2026-11-25T02:00:00.000Z');

  it('round-trips write, list and read, newest first', async () => {
    let now = T1;
    const backups = createBackupHandlers({ dir: path.join(dir, 'backups'), now: () => now });
    await expect(backups.listBackups()).resolves.toEqual([]);

    const first = await backups.writeBackup({ name: 'Before import!', text: '{"a":1}' });
    expect(first).toEqual({ id: '2026-11-25T01-30-00-000Z-Before-import.json', name: 'Before-import', createdAt: T1, bytes: 7 });
    now = T2;
    const second = await backups.writeBackup({ name: 'nightly', text: '{"b":"é"}' });
    expect(second.bytes).toBe(10);

    const listed = await backups.listBackups();
    expect(listed).toEqual([second, first]);
    await expect(backups.readBackup({ id: first.id })).resolves.toEqual({ id: first.id, text: '{"a":1}' });
    await expect(backups.readBackup({ id: second.id })).resolves.toEqual({ id: second.id, text: '{"b":"é"}' });
    // The atomic write leaves no temp file behind.
    expect((await readdir(path.join(dir, 'backups'))).sort()).toEqual([first.id, second.id].sort());
  });

  it('never overwrites a backup taken in the same millisecond', async () => {
    const backups = createBackupHandlers({ dir, now: () => T1 });
    const a = await backups.writeBackup({ name: 'same', text: 'A' });
    const b = await backups.writeBackup({ name: 'same', text: 'B' });
    expect(a.id).not.toBe(b.id);
    await expect(backups.readBackup({ id: a.id })).resolves.toMatchObject({ text: 'A' });
    await expect(backups.readBackup({ id: b.id })).resolves.toMatchObject({ text: 'B' });
  });

  it('rejects ids that would leave the backups folder', async () => {
    const backupsDir = path.join(dir, 'backups');
    await mkdir(backupsDir);
    await writeFile(path.join(dir, 'secret.json'), 'secret');
    const backups = createBackupHandlers({ dir: backupsDir });
    for (const id of ['..', '.', '../secret.json', '..\\secret.json', '/etc/passwd', '', 'a/b.json']) {
      await expect(backups.readBackup({ id })).rejects.toThrow(/invalid backup id/);
      expect(() => backupPath(backupsDir, id)).toThrow(/invalid backup id/);
    }
    await expect(backups.readBackup({ id: 'missing.json' })).rejects.toThrow('backup not found: missing.json');
  });

  it('ignores files in the folder that are not backups', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    await writeFile(path.join(dir, `${backupIdFor('x', 0)}.abc.tmp`), 'half written');
    await expect(createBackupHandlers({ dir }).listBackups()).resolves.toEqual([]);
  });

  it('makes ids that always pass the contract schema', () => {
    expect(sanitizeBackupName('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeBackupName('ünïcödé ✓')).toBe('n-c-d');
    expect(sanitizeBackupName('...')).toBe('backup');
    const long = backupIdFor('x'.repeat(500), 0);
    expect(long).toMatch(/^[A-Za-z0-9._-]{1,120}$/);
    expect(long.length).toBeLessThanOrEqual(117);
  });
});

describe('pickImportFiles', () => {
  it('reads picked text files and refuses big ones without reading them', async () => {
    const small = path.join(dir, 'runbook.md');
    const big = path.join(dir, 'video.md');
    const binary = path.join(dir, 'image.json');
    await writeFile(small, '# Runbook\n- [ ] step\n');
    await writeFile(big, '');
    await truncate(big, Math.round(7.2 * 1024 * 1024));
    await writeFile(binary, Buffer.from([0x7b, 0x00, 0x7d]));
    const window = new FakeBrowserWindow();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [small, big, binary, path.join(dir, 'gone.md')] });

    const pick = createPickImportFilesHandler({ dialog: fakeDialog, getWindow: () => window as unknown as BrowserWindow });
    const files = await pick();

    expect(files[0]).toEqual({ name: 'runbook.md', path: small, bytes: 21, text: '# Runbook\n- [ ] step\n' });
    expect(files[1]).toEqual({
      name: 'video.md',
      path: big,
      bytes: Math.round(7.2 * 1024 * 1024),
      error: 'video.md is 7.2 MB; Kata imports files up to 5 MB',
    });
    expect(files[2]).toMatchObject({ name: 'image.json', error: 'image.json is not a text file' });
    expect(files[2]?.text).toBeUndefined();
    expect(files[3]).toMatchObject({ name: 'gone.md', error: 'gone.md could not be read (ENOENT)' });

    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.filters?.[0]?.extensions).toEqual(IMPORT_EXTENSIONS);
    expect(IMPORT_EXTENSIONS).toEqual(['md', 'markdown', 'mmd', 'mermaid', 'yaml', 'yml', 'json', 'csv']);
  });

  it('accepts a file of exactly the limit and never rounds a refused size down to it', () => {
    expect(tooLargeMessage('a.md', MAX_IMPORT_FILE_BYTES + 1)).toBe('a.md is 5.1 MB; Kata imports files up to 5 MB');
    expect(tooLargeMessage('a.md', 42 * 1024 * 1024)).toBe('a.md is 42 MB; Kata imports files up to 5 MB');
  });

  it('returns nothing when the dialog is cancelled', async () => {
    const pick = createPickImportFilesHandler({ dialog: fakeDialog, getWindow: () => null });
    await expect(pick()).resolves.toEqual([]);
    expect(dialog.showOpenDialog.mock.calls[0]).toHaveLength(1);
  });
});

describe('saveTextFile', () => {
  it('saves nothing when the save dialog is cancelled', async () => {
    const save = createSaveTextFileHandler({ dialog: fakeDialog, getWindow: () => null, defaultDir: () => dir });
    await expect(save({ suggestedName: 'pack.md', text: 'x' })).resolves.toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes where the person chose, suggesting only a bare file name', async () => {
    const target = path.join(dir, 'chosen.md');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const save = createSaveTextFileHandler({ dialog: fakeDialog, getWindow: () => null, defaultDir: () => dir });
    await expect(save({ suggestedName: '../../etc/evil.md', text: '# hi' })).resolves.toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('# hi');
    const [options] = dialog.showSaveDialog.mock.calls[0] as [Electron.SaveDialogOptions];
    expect(options.defaultPath).toBe(path.join(dir, 'evil.md'));
    expect(options.filters).toEqual([{ name: 'MD', extensions: ['md'] }]);
  });
});

describe('printToPdf', () => {
  const windowOf = (fake: FakeBrowserWindow) => fake as unknown as BrowserWindow;

  it('prints the window to PDF and writes it where the person chose, as .pdf', async () => {
    const window = new FakeBrowserWindow();
    const target = path.join(dir, 'report.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const print = createPrintToPdfHandler({ dialog: fakeDialog, getWindow: () => windowOf(window), defaultDir: () => dir });
    await expect(print({ suggestedName: '../kata-progress-2026-12-04' })).resolves.toEqual({ saved: true, path: target });
    expect((await readFile(target)).toString('utf8')).toBe('%PDF-1.7 fake\n');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true, pageSize: 'A4' }));
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, Electron.SaveDialogOptions];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe(path.join(dir, 'kata-progress-2026-12-04.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const window = new FakeBrowserWindow();
    const print = createPrintToPdfHandler({ dialog: fakeDialog, getWindow: () => windowOf(window), defaultDir: () => dir });
    await expect(print({ suggestedName: 'report.pdf' })).resolves.toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses without a window, and a failed print opens no dialog', async () => {
    const none = createPrintToPdfHandler({ dialog: fakeDialog, getWindow: () => null, defaultDir: () => dir });
    await expect(none({ suggestedName: 'r.pdf' })).rejects.toThrow('There is no window to save as a PDF.');
    const window = new FakeBrowserWindow();
    window.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'));
    const failing = createPrintToPdfHandler({ dialog: fakeDialog, getWindow: () => windowOf(window), defaultDir: () => dir });
    await expect(failing({ suggestedName: 'r.pdf' })).rejects.toThrow('printing failed');
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('appInfo and createHandlers', () => {
  it('reports the app and runtime versions', () => {
    app.userDataPath = dir;
    const info = createAppInfoHandler({ app: app as never, platform: 'linux', versions: { electron: '45.4.1', chrome: '142.0' } })();
    expect(info).toEqual({ name: 'Kata', version: '0.1.0', platform: 'linux', electron: '45.4.1', chrome: '142.0', userDataPath: dir });
  });

  it('provides one handler per method, with backups under userData', async () => {
    app.userDataPath = dir;
    const handlers = createHandlers({ app: app as never, dialog: fakeDialog, getWindow: () => null, platform: 'linux', versions: {} });
    expect(Object.keys(handlers).sort()).toEqual([...ipcMethods].sort());
    const written = await handlers.writeBackup({ name: 'n', text: 't' });
    expect(await readdir(path.join(dir, 'backups'))).toEqual([written.id]);
  });
});
