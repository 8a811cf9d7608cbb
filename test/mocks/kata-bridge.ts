/**
 * A fake `window.kata` bridge for renderer tests: every channel of shared/ipc.ts,
 * answered from memory, with a log of the calls made. Results can be replaced
 * per test through `overrides`.
 */
import type {
  AppInfo,
  KataBridge,
  LibraryFolderFile,
  LibraryFolderInfo,
  LibraryFoldersChange,
  PickedFile,
} from '../../shared/ipc';
import { ipcMethods } from '../../shared/ipc';
import { hashText } from '../../shared/hash';
import type { BackupInfo } from '../../shared/model';

/** A library folder held in memory: its info and its files' text by relative path. */
export interface FakeLibraryFolder {
  info: LibraryFolderInfo;
  files: Map<string, string>;
}

export interface FakeKataBridge extends KataBridge {
  /** Every call in order: method name and arguments. */
  readonly calls: { method: keyof KataBridge; args: unknown[] }[];
  /** What the next `pickImportFiles` returns. */
  nextPickedFiles: PickedFile[];
  /** The folder the next `addLibraryFolder` dialog picks; null cancels it. */
  nextFolderPath: string | null;
  readonly libraryFolders: Map<string, FakeLibraryFolder>;
  /** Writes (or, with undefined, deletes) a file of a library folder, as an editor would. */
  setLibraryFile(folderId: string, relativePath: string, text: string | undefined): void;
  /** What main's watcher would push to the page. */
  emitLibraryFoldersChanged(folderId: string): void;
  /** How many `onLibraryFoldersChanged` subscriptions are live. */
  libraryFolderSubscribers(): number;
  /** Files saved through beginSaveFile … finishWrite, by path. */
  readonly savedFiles: Map<string, string>;
}

export const FAKE_APP_INFO: AppInfo = {
  name: 'Kata',
  version: '0.1.0',
  platform: 'linux',
  electron: '45.4.1',
  chrome: '142.0.7444.52',
  userDataPath: '/home/someone/.config/Kata',
};

export function createFakeKataBridge(overrides: Partial<KataBridge> = {}): FakeKataBridge {
  const backups = new Map<string, { info: BackupInfo; text: string }>();
  const folders = new Map<string, FakeLibraryFolder>();
  const subscribers = new Set<(change: LibraryFoldersChange) => void>();
  let clock = 1_700_000_000_000;
  let nextFolderId = 1;
  /** Files being written in pieces, by token: a save's path or a backup's name, and the text so far. */
  const writes = new Map<string, { path?: string; name?: string; text: string }>();
  let nextToken = 1;
  const token = (): string => (nextToken++).toString(16).padStart(32, '0');
  /** Saved files (streamed saves), by path. */
  const savedFiles = new Map<string, string>();

  function folderOf(id: string): FakeLibraryFolder {
    const folder = folders.get(id);
    if (!folder) throw new Error(`unknown library folder: ${id}`);
    return folder;
  }

  const bridge: FakeKataBridge = {
    calls: [],
    nextPickedFiles: [],
    nextFolderPath: null,
    libraryFolders: folders,
    async appInfo() {
      return FAKE_APP_INFO;
    },
    async pickImportFiles() {
      return bridge.nextPickedFiles;
    },
    async saveTextFile({ suggestedName }) {
      return { saved: true, path: `/home/someone/${suggestedName}` };
    },
    async printToPdf({ suggestedName }) {
      return { saved: true, path: `/home/someone/${suggestedName}` };
    },
    async writeBackup({ name, text }) {
      clock += 1_000;
      const info: BackupInfo = { id: `${clock}-${name}`, name, createdAt: clock, bytes: new TextEncoder().encode(text).byteLength };
      backups.set(info.id, { info, text });
      return info;
    },
    // Oldest first on purpose: the adapter promises newest first whatever the main process sends.
    async listBackups() {
      return [...backups.values()].map((backup) => backup.info);
    },
    async readBackup({ id }) {
      const backup = backups.get(id);
      if (!backup) throw new Error(`No backup ${id}`);
      return { id, text: backup.text };
    },
    async beginSaveFile({ suggestedName }) {
      const t = token();
      const path = `/home/someone/${suggestedName}`;
      writes.set(t, { path, text: '' });
      return { token: t, path };
    },
    async beginBackupFile({ name }) {
      const t = token();
      writes.set(t, { name, text: '' });
      return { token: t };
    },
    async appendWrite({ token: t, text }) {
      const write = writes.get(t);
      if (!write) throw new Error('no such file being written');
      write.text += text;
    },
    async finishWrite({ token: t }) {
      const write = writes.get(t);
      if (!write) throw new Error('no such file being written');
      writes.delete(t);
      if (write.path !== undefined) {
        savedFiles.set(write.path, write.text);
        return { path: write.path };
      }
      return { backup: await bridge.writeBackup({ name: write.name!, text: write.text }) };
    },
    async abortWrite({ token: t }) {
      writes.delete(t);
    },
    async readBackupChunk({ id, offset }) {
      const backup = backups.get(id);
      if (!backup) throw new Error(`No backup ${id}`);
      // Characters stand for bytes here: the fake only has to hand the text back in pieces.
      const size = 1_000;
      const text = backup.text.slice(offset, offset + size);
      return { text, nextOffset: offset + size >= backup.text.length ? null : offset + size };
    },
    async removeBackup({ id }) {
      return { removed: backups.delete(id) };
    },
    savedFiles,
    async addLibraryFolder() {
      const chosen = bridge.nextFolderPath;
      if (chosen === null) return null;
      const existing = [...folders.values()].find((folder) => folder.info.path === chosen);
      if (existing) return existing.info;
      clock += 1_000;
      const info: LibraryFolderInfo = { id: `folder-${nextFolderId++}`, path: chosen, name: chosen.split('/').pop() || chosen, addedAt: clock };
      folders.set(info.id, { info, files: new Map() });
      return info;
    },
    async listLibraryFolders() {
      return [...folders.values()].map((folder) => folder.info);
    },
    async removeLibraryFolder({ id }) {
      return { removed: folders.delete(id) };
    },
    async scanLibraryFolder({ id }) {
      const folder = folderOf(id);
      const files: LibraryFolderFile[] = [...folder.files.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([relativePath, text]) => ({
          relativePath,
          path: `${folder.info.path}/${relativePath}`,
          bytes: new TextEncoder().encode(text).byteLength,
          mtimeMs: clock,
          hash: hashText(text),
        }));
      return { folder: folder.info, files, truncated: false };
    },
    async readLibraryFile({ folderId, relativePath }) {
      const folder = folderOf(folderId);
      const text = folder.files.get(relativePath);
      if (text === undefined) throw new Error(`${relativePath} could not be read (ENOENT)`);
      return {
        name: relativePath.split('/').pop() ?? relativePath,
        path: `${folder.info.path}/${relativePath}`,
        bytes: new TextEncoder().encode(text).byteLength,
        text,
      };
    },
    onLibraryFoldersChanged(callback) {
      subscribers.add(callback);
      return () => {
        subscribers.delete(callback);
      };
    },
    setLibraryFile(folderId, relativePath, text) {
      const folder = folderOf(folderId);
      if (text === undefined) folder.files.delete(relativePath);
      else folder.files.set(relativePath, text);
      clock += 1_000;
    },
    emitLibraryFoldersChanged(folderId) {
      for (const callback of [...subscribers]) callback({ folderId });
    },
    libraryFolderSubscribers: () => subscribers.size,
    ...overrides,
  };

  // Wrap every channel to record the call before answering it.
  for (const method of ipcMethods) {
    const answer = bridge[method] as (...args: unknown[]) => Promise<unknown>;
    (bridge as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      bridge.calls.push({ method, args });
      return answer(...args);
    };
  }
  return bridge;
}
