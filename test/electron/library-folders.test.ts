import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import type { FSWatcher } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { createFolderRegistry, LIBRARY_FOLDERS_FILE, parseRegistryText } from '../../electron/folders/folder-registry';
import { createFolderWatchers } from '../../electron/folders/folder-watcher';
import type { WatchFunction } from '../../electron/folders/folder-watcher';
import { isRelevantChange } from '../../electron/folders/folder-paths';
import { createLibraryFolders } from '../../electron/folders/library-folders';
import type { LibraryFolders } from '../../electron/folders/library-folders';
import { checkRelativePath, readFolderFile } from '../../electron/folders/read-folder-file';
import { scanFolder } from '../../electron/folders/scan-folder';
import type { HashCache } from '../../electron/folders/scan-folder';
import { createLibraryFolderHandlers } from '../../electron/handlers/library-folders';
import { createHandlers } from '../../electron/handlers/create-handlers';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc';
import { hashText } from '../../shared/hash';
import { BrowserWindow as FakeBrowserWindow, app, dialog, resetElectronFake } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

const fakeDialog = dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
const quiet = () => {};

let base: string;
/** The watched folder: a small runbook repository. */
let repo: string;
/** Next to it, never registered. */
let outside: string;
let services: LibraryFolders[];

const DEPLOY = '# Deploy\n- [ ] Freeze the schema\n- [ ] Roll out\n';
const TREE = 'id: triage\nquestion: Is it down?\n';

async function write(file: string, text: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

beforeEach(async () => {
  resetElectronFake();
  services = [];
  base = await mkdtemp(path.join(tmpdir(), 'kata-folders-'));
  repo = path.join(base, 'runbooks');
  outside = path.join(base, 'outside');
  await write(path.join(repo, 'deploy.md'), DEPLOY);
  await write(path.join(repo, 'incidents', 'triage.yaml'), TREE);
  await write(path.join(repo, 'incidents', 'deep', 'cards.CSV'), 'q,a\n1,2\n');
  await write(path.join(repo, 'notes.txt'), 'not importable');
  await write(path.join(repo, 'README'), 'no extension');
  await write(path.join(repo, '.git', 'HEAD.md'), 'hidden');
  await write(path.join(repo, '.github', 'pull_request_template.md'), 'hidden');
  await write(path.join(repo, 'node_modules', 'pkg', 'readme.md'), 'dependency');
  await write(path.join(repo, 'binary.json'), Buffer.from([0x7b, 0x00, 0x7d]));
  await write(path.join(repo, 'huge.md'), '');
  await truncate(path.join(repo, 'huge.md'), MAX_IMPORT_FILE_BYTES + 1);
  await write(path.join(outside, 'secret.md'), 'TOP SECRET');
  await write(path.join(outside, 'folder', 'secret.md'), 'TOP SECRET');
  await write(path.join(repo, 'private.txt'), 'not importable either');
  await symlink(path.join(outside, 'secret.md'), path.join(repo, 'escape.md'));
  await symlink(path.join(outside, 'folder'), path.join(repo, 'linked-folder'));
  await symlink(path.join(repo, 'deploy.md'), path.join(repo, 'alias.md'));
  await symlink(path.join(repo, 'private.txt'), path.join(repo, 'disguised.md'));
});
afterEach(async () => {
  for (const service of services) service.close();
  vi.useRealTimers();
  await rm(base, { recursive: true, force: true });
});

function service(overrides: Partial<Parameters<typeof createLibraryFolders>[0]> = {}): LibraryFolders {
  const created = createLibraryFolders({ file: path.join(base, 'user-data', LIBRARY_FOLDERS_FILE), onChange: quiet, log: quiet, ...overrides });
  services.push(created);
  return created;
}

describe('folder registry', () => {
  it('persists added folders across restarts and forgets removed ones', async () => {
    const file = path.join(base, 'user-data', LIBRARY_FOLDERS_FILE);
    let clock = 1_000;
    const registry = createFolderRegistry({ file, now: () => clock++ });
    await expect(registry.list()).resolves.toEqual([]);

    const first = await registry.add(repo);
    const second = await registry.add(outside);
    expect(first).toMatchObject({ added: true, folder: { path: repo, name: 'runbooks', addedAt: 1_000 } });
    expect(first.folder.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    // The same folder twice is one folder.
    await expect(registry.add(repo)).resolves.toEqual({ folder: first.folder, added: false });

    const restarted = createFolderRegistry({ file });
    await expect(restarted.list()).resolves.toEqual([first.folder, second.folder]);
    await expect(restarted.get(second.folder.id)).resolves.toEqual(second.folder);

    await expect(restarted.remove(first.folder.id)).resolves.toBe(true);
    await expect(restarted.remove(first.folder.id)).resolves.toBe(false);
    await expect(createFolderRegistry({ file }).list()).resolves.toEqual([second.folder]);

    // Written atomically: the JSON is complete and no temp file is left behind.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, folders: [second.folder] });
    expect(await readdir(path.dirname(file))).toEqual([LIBRARY_FOLDERS_FILE]);
  });

  it('keeps concurrent adds', async () => {
    const file = path.join(base, 'user-data', LIBRARY_FOLDERS_FILE);
    const registry = createFolderRegistry({ file });
    await Promise.all([registry.add(repo), registry.add(outside), registry.add(path.join(base, 'third'))]);
    expect((await createFolderRegistry({ file }).list()).map((folder) => folder.name).sort()).toEqual(['outside', 'runbooks', 'third']);
  });

  it('starts empty from a broken file, and drops malformed entries', async () => {
    const file = path.join(base, LIBRARY_FOLDERS_FILE);
    await writeFile(file, '{"folders": [');
    const log = vi.fn();
    await expect(createFolderRegistry({ file, log }).list()).resolves.toEqual([]);
    expect(log).toHaveBeenCalledTimes(1);

    const good = { id: 'abc123', path: repo, name: 'runbooks', addedAt: 5 };
    expect(
      parseRegistryText(
        JSON.stringify({
          version: 1,
          folders: [good, { ...good }, { id: '../x', path: repo, name: 'x', addedAt: 1 }, { id: 'rel', path: 'relative/path', name: 'r', addedAt: 1 }, null, 'x'],
        }),
      ),
    ).toEqual([good]);
  });
});

describe('scanFolder', () => {
  it('lists only importable files, with the hash the import computes, skipping hidden folders, node_modules and links', async () => {
    const { files, truncated } = await scanFolder(repo);
    expect(truncated).toBe(false);
    expect(files.map((file) => file.relativePath)).toEqual([
      'binary.json',
      'deploy.md',
      'huge.md',
      'incidents/deep/cards.CSV',
      'incidents/triage.yaml',
    ]);
    const byPath = new Map(files.map((file) => [file.relativePath, file]));
    expect(byPath.get('deploy.md')).toEqual({
      relativePath: 'deploy.md',
      path: path.join(repo, 'deploy.md'),
      bytes: Buffer.byteLength(DEPLOY),
      mtimeMs: expect.any(Number),
      hash: hashText(DEPLOY),
    });
    expect(byPath.get('incidents/triage.yaml')).toMatchObject({ path: path.join(repo, 'incidents', 'triage.yaml'), hash: hashText(TREE) });
    expect(byPath.get('huge.md')).toEqual({
      relativePath: 'huge.md',
      path: path.join(repo, 'huge.md'),
      bytes: MAX_IMPORT_FILE_BYTES + 1,
      mtimeMs: expect.any(Number),
      error: 'huge.md is 5.1 MB; Kata imports files up to 5 MB',
    });
    expect(byPath.get('binary.json')).toMatchObject({ error: 'binary.json is not a text file' });
    expect(byPath.get('binary.json')?.hash).toBeUndefined();
  });

  it('stops at its depth and file limits and says so', async () => {
    const shallow = await scanFolder(repo, { limits: { maxDepth: 1 } });
    expect(shallow.truncated).toBe(true);
    expect(shallow.files.map((file) => file.relativePath)).not.toContain('incidents/deep/cards.CSV');
    expect(shallow.files.map((file) => file.relativePath)).toContain('incidents/triage.yaml');

    const few = await scanFolder(repo, { limits: { maxFiles: 2 } });
    expect(few.truncated).toBe(true);
    expect(few.files).toHaveLength(2);
  });

  it('re-hashes a file that changed and reuses the hash of one that did not', async () => {
    const cache: { current?: HashCache } = {};
    await scanFolder(repo, { cache });
    expect(cache.current?.get(path.join(repo, 'deploy.md'))?.hash).toBe(hashText(DEPLOY));
    const edited = `${DEPLOY}- [ ] Announce it\n`;
    await writeFile(path.join(repo, 'deploy.md'), edited);
    const { files } = await scanFolder(repo, { cache });
    expect(files.find((file) => file.relativePath === 'deploy.md')?.hash).toBe(hashText(edited));
    expect(files.find((file) => file.relativePath === 'incidents/triage.yaml')?.hash).toBe(hashText(TREE));
  });

  it('rejects when the folder itself is gone', async () => {
    await expect(scanFolder(path.join(base, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});

describe('readFolderFile', () => {
  it('reads a listed file, and a link that stays inside the folder', async () => {
    await expect(readFolderFile(repo, 'incidents/triage.yaml')).resolves.toEqual({
      name: 'triage.yaml',
      path: path.join(repo, 'incidents', 'triage.yaml'),
      bytes: Buffer.byteLength(TREE),
      text: TREE,
    });
    await expect(readFolderFile(repo, 'alias.md')).resolves.toMatchObject({ text: DEPLOY, path: path.join(repo, 'alias.md') });
  });

  it.each([
    ['../outside/secret.md', /inside the folder/],
    ['incidents/../../outside/secret.md', /inside the folder/],
    ['..\\outside\\secret.md', /inside the folder/],
    ['./deploy.md', /inside the folder/],
    ['incidents//triage.yaml', /inside the folder/],
    ['', /empty/],
    ['deploy.md\0.md', /NUL/],
    ['escape.md', /outside the folder/],
    ['linked-folder/secret.md', /outside the folder/],
    ['disguised.md', /does not import/],
    ['notes.txt', /not a file Kata imports/],
    ['README', /not a file Kata imports/],
    ['.git/HEAD.md', /hidden folders/],
    ['node_modules/pkg/readme.md', /hidden folders/],
    ['incidents', /not a file Kata imports/],
    ['missing.md', /could not be read \(ENOENT\)/],
    ['huge.md', /huge\.md is 5\.1 MB; Kata imports files up to 5 MB/],
    ['binary.json', /not a text file/],
  ])('refuses %j', async (relativePath, message) => {
    const read = readFolderFile(repo, relativePath);
    await expect(read).rejects.toThrow(message);
    await expect(read).rejects.not.toThrow(/TOP SECRET/);
  });

  it('refuses absolute paths, even ones inside the folder', async () => {
    for (const absolute of [path.join(repo, 'deploy.md'), path.join(outside, 'secret.md'), 'C:\\Users\\x\\a.md', '\\\\server\\share\\a.md']) {
      await expect(readFolderFile(repo, absolute)).rejects.toThrow(/absolute|inside the folder/);
    }
    expect(() => checkRelativePath('/etc/passwd.md')).toThrow(/absolute/);
    expect(checkRelativePath('incidents\\triage.yaml')).toEqual(['incidents', 'triage.yaml']);
  });
});

describe('library folders service', () => {
  it('adds a folder by its real path once, scans and reads inside it, and forgets it on remove', async () => {
    const folders = service();
    await symlink(repo, path.join(base, 'repo-link'));
    const added = await folders.add(path.join(base, 'repo-link'));
    expect(added).toMatchObject({ path: repo, name: 'runbooks' });
    await expect(folders.add(repo)).resolves.toEqual(added);
    await expect(folders.list()).resolves.toEqual([added]);

    const scan = await folders.scan(added.id);
    expect(scan.folder).toEqual(added);
    expect(scan.files.map((file) => file.relativePath)).toContain('deploy.md');
    await expect(folders.read(added.id, 'deploy.md')).resolves.toMatchObject({ text: DEPLOY });

    await expect(folders.remove(added.id)).resolves.toBe(true);
    await expect(folders.list()).resolves.toEqual([]);
    await expect(folders.scan(added.id)).rejects.toThrow(`unknown library folder: ${added.id}`);
    await expect(folders.read(added.id, 'deploy.md')).rejects.toThrow(/unknown library folder/);
  });

  it('refuses unregistered folder ids, files, drives and missing folders', async () => {
    const folders = service();
    await expect(folders.read('nope', 'deploy.md')).rejects.toThrow('unknown library folder: nope');
    await expect(folders.add(path.join(repo, 'deploy.md'))).rejects.toThrow(/is not a folder/);
    await expect(folders.add(path.join(base, 'missing'))).rejects.toThrow(/ENOENT/);
    await expect(folders.add(path.parse(base).root)).rejects.toThrow(/not the whole drive/);
    await expect(folders.list()).resolves.toEqual([]);
  });

  it('reports a folder that disappeared instead of failing the scan', async () => {
    const folders = service();
    const added = await folders.add(outside);
    await rm(outside, { recursive: true, force: true });
    const scan = await folders.scan(added.id);
    expect(scan).toMatchObject({ folder: added, files: [], truncated: false });
    expect(scan.error).toMatch(/cannot be read \(ENOENT\)/);
  });
});

/** A stand-in for fs.watch: records each watcher so a test can fire its events. */
function fakeWatch() {
  const watchers: { path: string; options: unknown; emitter: EventEmitter & { close: () => void; closed: boolean }; fire: (name: string | null) => void }[] = [];
  const watch: WatchFunction = (watchedPath, options, listener) => {
    const emitter = Object.assign(new EventEmitter(), {
      closed: false,
      close() {
        emitter.closed = true;
      },
    });
    watchers.push({ path: watchedPath, options, emitter, fire: (name) => listener('change', name) });
    return emitter as unknown as FSWatcher;
  };
  return { watch, watchers };
}

describe('folder watchers', () => {
  it('notifies once per burst, ignores hidden folders and node_modules, and stops on request', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const { watch, watchers } = fakeWatch();
    const set = createFolderWatchers({ onChange, watch, log: quiet });
    expect(set.start({ id: 'f1', path: repo })).toBe(true);
    expect(set.start({ id: 'f1', path: repo })).toBe(true);
    expect(watchers).toHaveLength(1);
    expect(watchers[0]?.options).toEqual({ recursive: true, persistent: false });
    const fire = watchers[0]!.fire;

    for (const name of ['deploy.md', 'deploy.md', 'incidents/triage.yaml', null]) fire(name);
    vi.advanceTimersByTime(299);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith('f1');

    fire('.git/index');
    fire('node_modules/pkg/readme.md');
    fire('docs/.obsidian/workspace.json');
    vi.advanceTimersByTime(1_000);
    expect(onChange).toHaveBeenCalledTimes(1);

    fire('deploy.md');
    set.stop('f1');
    vi.advanceTimersByTime(1_000);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(watchers[0]?.emitter.closed).toBe(true);
    expect(set.isWatching('f1')).toBe(false);
  });

  it('logs instead of throwing when a folder cannot be watched or its watcher fails', () => {
    vi.useFakeTimers();
    const log = vi.fn();
    const onChange = vi.fn();
    const failing: WatchFunction = () => {
      throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
    };
    const unwatchable = createFolderWatchers({ onChange, watch: failing, log });
    expect(unwatchable.start({ id: 'f1', path: repo })).toBe(false);
    // Retried on every scan, but logged once.
    expect(unwatchable.start({ id: 'f1', path: repo })).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);

    const { watch, watchers } = fakeWatch();
    const set = createFolderWatchers({ onChange, watch, log });
    set.start({ id: 'f2', path: repo });
    watchers[0]!.emitter.emit('error', new Error('EPERM'));
    expect(log).toHaveBeenCalledTimes(2);
    expect(set.isWatching('f2')).toBe(false);
    expect(watchers[0]?.emitter.closed).toBe(true);
    // The folder may be gone: the renderer is told so it re-scans and shows it.
    vi.advanceTimersByTime(300);
    expect(onChange).toHaveBeenCalledWith('f2');
  });

  it('falls back to a top-level watch where recursion is unsupported', () => {
    const calls: unknown[] = [];
    const watch: WatchFunction = (watchedPath, options, listener) => {
      calls.push(options);
      if (options.recursive) throw Object.assign(new Error('no recursion'), { code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM' });
      return fakeWatch().watch(watchedPath, options, listener);
    };
    expect(createFolderWatchers({ onChange: quiet, watch, log: quiet }).start({ id: 'f', path: repo })).toBe(true);
    expect(calls).toEqual([{ recursive: true, persistent: false }, { persistent: false }]);
  });

  it('tells which changes matter', () => {
    expect(isRelevantChange('deploy.md')).toBe(true);
    expect(isRelevantChange('incidents\\new-folder')).toBe(true);
    expect(isRelevantChange(null)).toBe(true);
    expect(isRelevantChange('.git/objects/ab/cdef')).toBe(false);
    expect(isRelevantChange('a/node_modules/b.md')).toBe(false);
  });

  it('with the real fs.watch, a burst of writes in a watched folder is eventually reported', async () => {
    const onChange = vi.fn();
    const folders = service({ onChange });
    const added = await folders.add(repo);
    // Let the watcher settle before writing (recursive watching sets up asynchronously on some systems).
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < 5; i++) await writeFile(path.join(repo, 'deploy.md'), `${DEPLOY}- [ ] step ${i}\n`);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(added.id), { timeout: 10_000, interval: 50 });
    // Once the burst is over and debounced, no further notification trickles in.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const settled = onChange.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(onChange.mock.calls.length).toBe(settled);

    // A removed folder is no longer watched.
    await folders.remove(added.id);
    onChange.mockClear();
    await writeFile(path.join(repo, 'deploy.md'), 'after removal');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('library folder handlers', () => {
  it('adds the folder picked in a folder dialog, and nothing when it is cancelled', async () => {
    const folders = service();
    const window = new FakeBrowserWindow();
    const handlers = createLibraryFolderHandlers({ dialog: fakeDialog, getWindow: () => window as unknown as BrowserWindow, folders });
    await expect(handlers.addLibraryFolder()).resolves.toBeNull();
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(parent).toBe(window);
    expect(options.properties).toContain('openDirectory');
    expect(options.properties).not.toContain('openFile');

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [repo] });
    const added = await handlers.addLibraryFolder();
    expect(added).toMatchObject({ path: repo, name: 'runbooks' });
    await expect(handlers.listLibraryFolders()).resolves.toEqual([added]);
    const scan = await handlers.scanLibraryFolder({ id: added!.id });
    expect(scan.files.length).toBeGreaterThan(0);
    await expect(handlers.readLibraryFile({ folderId: added!.id, relativePath: 'deploy.md' })).resolves.toMatchObject({ text: DEPLOY });
    await expect(handlers.removeLibraryFolder({ id: added!.id })).resolves.toEqual({ removed: true });
    await expect(handlers.removeLibraryFolder({ id: added!.id })).resolves.toEqual({ removed: false });
  });

  it('createHandlers keeps the registry under userData', async () => {
    app.userDataPath = path.join(base, 'user-data');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [repo] });
    const handlers = createHandlers({ app: app as never, dialog: fakeDialog, getWindow: () => null, platform: 'linux', versions: {} });
    const added = await handlers.addLibraryFolder();
    const stored = JSON.parse(await readFile(path.join(base, 'user-data', LIBRARY_FOLDERS_FILE), 'utf8')) as { folders: unknown[] };
    expect(stored.folders).toEqual([added]);
  });
});
