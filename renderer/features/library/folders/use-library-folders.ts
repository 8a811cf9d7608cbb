/**
 * Decides everything the Library folders panel shows: which folders there are,
 * what each holds compared with the library's packs, and what the buttons do.
 *
 * Folders are re-scanned when the main process reports a change (its watcher) and
 * whenever the window regains focus, so an edit made while Kata was in the
 * background shows up as soon as the person comes back.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PackRecord } from '../../../../shared/model';
import { usePlatform } from '../../../app/app-services';
import type { ImportFile, LibraryFolder, LibraryFolderFile, LibraryFolderScan } from '../../../platform/platform';
import { countStatuses, folderFileStatus, packsBySourcePath } from './folder-status';
import type { FolderFileCounts, FolderFileStatus, FolderFileView } from './folder-status';

/** One folder as the panel shows it. */
export interface FolderEntry {
  folder: LibraryFolder;
  /** null until the first scan answered. */
  files: FolderFileView[] | null;
  counts: FolderFileCounts;
  scanning: boolean;
  /** The folder holds more than Kata lists. */
  truncated: boolean;
  /** Why the folder could not be scanned. */
  error?: string;
}

export interface LibraryFoldersView {
  /** False in the browser build: the panel then only explains where the feature is. */
  supported: boolean;
  /** The first list of folders is on its way. */
  loading: boolean;
  adding: boolean;
  /** The folder whose files are being read for an import, while they are. */
  importingFolderId: string | null;
  folders: FolderEntry[];
  /** The last thing that happened, for the status line. */
  status: string;
  error?: string;
  addFolder(): void;
  removeFolder(id: string): void;
  /** Reads one listed file and hands it to the import flow. */
  importFile(folderId: string, file: LibraryFolderFile): void;
  /** Reads every file of the folder with this status ("Import all new", "Review all changed"). */
  importAll(folderId: string, status: Extract<FolderFileStatus, 'not-imported' | 'changed'>): void;
  rescanAll(): void;
}

export interface UseLibraryFoldersInput {
  packs: readonly PackRecord[];
  onImport(files: ImportFile[]): void;
}

interface FolderRecord {
  folder: LibraryFolder;
  scan: LibraryFolderScan | null;
  scanning: boolean;
  scanError?: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The panel's state and actions; in the browser build, `supported` is false and nothing is called. */
export function useLibraryFolders({ packs, onImport }: UseLibraryFoldersInput): LibraryFoldersView {
  const platform = usePlatform();
  const folders = platform.supportsFolders ? platform.folders : undefined;
  const [records, setRecords] = useState<FolderRecord[]>([]);
  const [loading, setLoading] = useState(folders !== undefined);
  const [adding, setAdding] = useState(false);
  const [importingFolderId, setImportingFolderId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  /** Latest scan request per folder: an older answer arriving late is dropped. */
  const generations = useRef(new Map<string, number>());
  /** The registered folder ids, for re-scans started outside React (focus, watcher). */
  const folderIds = useRef<string[]>([]);

  useEffect(() => {
    folderIds.current = records.map((record) => record.folder.id);
  }, [records]);

  const scanFolder = useCallback(
    (id: string) => {
      if (!folders) return;
      const generation = (generations.current.get(id) ?? 0) + 1;
      generations.current.set(id, generation);
      const update = (change: (record: FolderRecord) => FolderRecord) =>
        setRecords((current) => current.map((record) => (record.folder.id === id ? change(record) : record)));
      update((record) => ({ ...record, scanning: true }));
      folders.scan(id).then(
        (scan) => {
          if (generations.current.get(id) !== generation) return;
          update(() => ({ folder: scan.folder, scan, scanning: false }));
        },
        (cause: unknown) => {
          if (generations.current.get(id) !== generation) return;
          update((record) => ({ ...record, scanning: false, scanError: `Kata could not list this folder: ${describe(cause)}` }));
        },
      );
    },
    [folders],
  );

  const rescanAll = useCallback(() => {
    for (const id of folderIds.current) scanFolder(id);
  }, [scanFolder]);

  // The first list, then a scan of each folder.
  useEffect(() => {
    if (!folders) return;
    let cancelled = false;
    folders.list().then(
      (listed) => {
        if (cancelled) return;
        setRecords(listed.map((folder) => ({ folder, scan: null, scanning: false })));
        setLoading(false);
        for (const folder of listed) scanFolder(folder.id);
      },
      (cause: unknown) => {
        if (cancelled) return;
        setLoading(false);
        setError(`Kata could not load your library folders: ${describe(cause)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [folders, scanFolder]);

  // The main process's watcher: re-scan the folder that changed.
  useEffect(() => {
    if (!folders) return;
    return folders.onChanged((id) => {
      if (folderIds.current.includes(id)) scanFolder(id);
    });
  }, [folders, scanFolder]);

  // Back in the window: anything may have changed while it was in the background.
  useEffect(() => {
    if (!folders) return;
    window.addEventListener('focus', rescanAll);
    return () => window.removeEventListener('focus', rescanAll);
  }, [folders, rescanAll]);

  const addFolder = useCallback(() => {
    if (!folders) return;
    setAdding(true);
    setError(undefined);
    folders.add().then(
      (folder) => {
        setAdding(false);
        if (!folder) return;
        const known = folderIds.current.includes(folder.id);
        if (!known) {
          setRecords((current) => [...current, { folder, scan: null, scanning: false }]);
          folderIds.current = [...folderIds.current, folder.id];
        }
        setStatus(known ? `${folder.name} is already one of your library folders.` : `Added ${folder.name}. Kata watches it for changes.`);
        scanFolder(folder.id);
      },
      (cause: unknown) => {
        setAdding(false);
        setError(`Kata could not add that folder: ${describe(cause)}`);
      },
    );
  }, [folders, scanFolder]);

  const removeFolder = useCallback(
    (id: string) => {
      if (!folders) return;
      const name = records.find((record) => record.folder.id === id)?.folder.name ?? 'The folder';
      setError(undefined);
      folders.remove(id).then(
        () => {
          generations.current.delete(id);
          setRecords((current) => current.filter((record) => record.folder.id !== id));
          setStatus(`Removed ${name} from Kata. Its files stay where they are, and so do the packs imported from it.`);
        },
        (cause: unknown) => setError(`Kata could not remove ${name}: ${describe(cause)}`),
      );
    },
    [folders, records],
  );

  const readForImport = useCallback(
    (folderId: string, files: readonly LibraryFolderFile[]) => {
      if (!folders || files.length === 0) return;
      setImportingFolderId(folderId);
      setError(undefined);
      void (async () => {
        const read: ImportFile[] = [];
        // One at a time: a folder of many large files must not be held in memory twice over.
        for (const file of files) {
          const name = file.relativePath.split('/').pop() ?? file.relativePath;
          try {
            read.push(await folders.read(folderId, file.relativePath));
          } catch (cause) {
            // The import flow shows a refused file with its reason, next to the others.
            read.push({ name, bytes: file.bytes, path: file.path, error: describe(cause) });
          }
        }
        setImportingFolderId(null);
        setStatus(`Opened ${plural(read.length, 'file')} in the import preview.`);
        onImport(read);
      })();
    },
    [folders, onImport],
  );

  const byPath = useMemo(() => packsBySourcePath(packs), [packs]);
  const entries = useMemo<FolderEntry[]>(
    () =>
      records.map((record) => {
        const files = record.scan ? record.scan.files.map((file) => folderFileStatus(file, byPath)) : null;
        const error = record.scanError ?? record.scan?.error;
        return {
          folder: record.folder,
          files,
          counts: countStatuses(files ?? []),
          scanning: record.scanning,
          truncated: record.scan?.truncated ?? false,
          ...(error === undefined ? {} : { error }),
        };
      }),
    [records, byPath],
  );

  const importFile = useCallback(
    (folderId: string, file: LibraryFolderFile) => readForImport(folderId, [file]),
    [readForImport],
  );

  const importAll = useCallback(
    (folderId: string, wanted: 'not-imported' | 'changed') => {
      const entry = entries.find((candidate) => candidate.folder.id === folderId);
      const files = (entry?.files ?? []).filter((view) => view.status === wanted).map((view) => view.file);
      readForImport(folderId, files);
    },
    [entries, readForImport],
  );

  return {
    supported: folders !== undefined,
    loading,
    adding,
    importingFolderId,
    folders: entries,
    status,
    ...(error === undefined ? {} : { error }),
    addFolder,
    removeFolder,
    importFile,
    importAll,
    rescanAll,
  };
}
