/**
 * The library: the packs (active and archived) and the import session. An
 * import reads, parses and plans every file into a preview and writes NOTHING
 * until the person confirms; each confirmed pack is then written in one
 * transaction (PackRepository.savePackImport), re-planned against what is
 * stored at that moment so an answer given meanwhile is never overwritten.
 * A new import starts a new session: the review on screen is dropped (what it
 * did not write stays unwritten), unless a confirmation of it is on its way,
 * which finishes first.
 */
import { createStore } from 'zustand/vanilla';
import type { ParseResult } from '../../../shared/import/result';
import { hashText } from '../../../shared/hash';
import type { StoredPack } from '../../../shared/library/plan-import';
import { packIdFor, planImport } from '../../../shared/library/plan-import';
import type { ListReading, PackSource } from '../../../shared/model';
import type { ImportFile } from '../../platform/platform';
import { readImportFile } from '../../platform/browser';
import type { FilePreview, ImportProgress, ImportSession } from './import-session';
import { awaitingDecision, confirmable, describeInterruptedImport, describeOutcome, diffSignature } from './import-session';
import { describeError, writeFailureMessage } from '../write-failure';

export type { ImportOptions, LibraryNotice, LibraryRepositories, LibraryState, LibraryStore, LibraryStoreOptions, ParseFile } from './library-types';
import type { LibraryRepositories, LibraryState, LibraryStore, LibraryStoreOptions, ParseFile } from './library-types';

const describe = describeError;

// The parsers (remark, yaml, zod, papaparse) load only when a file is parsed here, never with the app.
const onMainThread: ParseFile = async (name, text, options) => (await import('../../../shared/import/parse-file')).parseImportFile(name, text, options);

/** The choices that still name a list of the file (a renamed heading's choice is dropped). */
function liveChoices(result: ParseResult, choices: Record<string, ListReading>): Record<string, ListReading> {
  const keys = new Set((result.lists ?? []).map((list) => list.key));
  return Object.fromEntries(Object.entries(choices).filter(([key]) => keys.has(key)));
}

export function createLibraryStore(repos: LibraryRepositories, options: LibraryStoreOptions = {}): LibraryStore {
  const parse = options.parse ?? onMainThread;
  const now = options.now ?? Date.now;
  let sessionCounter = 0;
  /** The newest import asked for: an older one still waiting in the queue is dropped for it. */
  let latestImport = 0;
  /** Confirmations asked for and not finished: a new import waits for them instead of replacing their session. */
  let confirming = 0;
  // Imports and confirmations run one at a time, in the order asked.
  let queue: Promise<void> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return createStore<LibraryState>()((setState, getState) => {
    const currentId = (): number | undefined => getState().session?.id;

    const updateSession = (id: number, change: (session: ImportSession) => ImportSession): boolean => {
      const session = getState().session;
      if (!session || session.id !== id) return false;
      setState({ session: change(session) });
      return true;
    };

    const setProgress = (id: number, progress: ImportProgress | undefined): boolean =>
      updateSession(id, (session) => ({ ...session, progress }));

    const updateFile = (id: number, key: string, change: Partial<FilePreview>): void => {
      updateSession(id, (session) => ({
        ...session,
        files: session.files.map((file) => (file.key === key ? { ...file, ...change } : file)),
      }));
    };

    async function loadStored(packId: string): Promise<StoredPack | null> {
      const pack = await repos.packs.get(packId);
      if (!pack) return null;
      const [items, cards] = await Promise.all([repos.items.byPack(packId), repos.cards.byPack(packId)]);
      return { pack, items, cards };
    }

    /** The stored pack a source re-imports: the one asked for, else by explicit id, source path, then file name. */
    async function findStoredPack(source: PackSource, path: string | undefined, reimportOf: string | undefined) {
      if (reimportOf) return repos.packs.get(reimportOf);
      const explicit = source.meta.id;
      if (explicit) {
        const byId = await repos.packs.get(explicit);
        if (byId) return byId;
      }
      const candidates = [path ? await repos.packs.findBySourcePath(path) : undefined, await repos.packs.get(packIdFor(source))];
      // A pack that declares another explicit id is a different pack that happens to share the path or name.
      return candidates.find((pack) => pack !== undefined && (!explicit || !pack.meta.id || pack.meta.id === explicit));
    }

    /** Parses and plans one file that was read; never throws (a failure becomes the file's status). */
    async function preview(id: number, file: ImportFile, key: string, index: number, total: number, reimportOf?: string) {
      const base: FilePreview = {
        key,
        fileName: file.name,
        bytes: file.bytes,
        ...(file.path ? { path: file.path } : {}),
        ...(reimportOf ? { reimportOf } : {}),
        status: 'refused',
        errors: [],
        warnings: [],
      };
      if (file.text === undefined) return { ...base, message: file.error ?? `${file.name} could not be read.` };
      const text = file.text;
      if (!setProgress(id, { phase: 'parsing', index, total, fileName: file.name })) return undefined;
      let result = await parse(file.name, text);
      // A re-import reads the file's lists as the person chose last time (PackRecord.listChoices).
      const known = result.ok ? await findStoredPack(result.pack, file.path, reimportOf) : await findStoredByName(file.name, file.path, reimportOf);
      let choices: Record<string, ListReading> = {};
      if (known?.listChoices && Object.keys(known.listChoices).length > 0) {
        result = await parse(file.name, text, { listChoices: known.listChoices });
        choices = liveChoices(result, known.listChoices);
      }
      return planPreview(id, { ...base, text }, result, choices, reimportOf, index, total);
    }

    /** The stored pack a file that did not parse would re-import (for its list choices). */
    async function findStoredByName(name: string, path: string | undefined, reimportOf: string | undefined) {
      if (reimportOf) return repos.packs.get(reimportOf);
      const byPath = path ? await repos.packs.findBySourcePath(path) : undefined;
      return byPath ?? repos.packs.get(packIdFor({ meta: { tags: [] }, sourceName: name }));
    }

    /** The preview of a parsed file: invalid with its errors, or planned against what is stored. */
    async function planPreview(
      id: number,
      base: FilePreview,
      result: ParseResult,
      choices: Record<string, ListReading>,
      reimportOf: string | undefined,
      index: number,
      total: number,
    ): Promise<FilePreview | undefined> {
      const text = base.text ?? '';
      const reading = { lists: result.lists, listChoices: choices };
      if (!result.ok) {
        return { ...base, ...reading, status: 'invalid' as const, errors: result.errors, warnings: result.warnings, source: undefined, plan: undefined };
      }
      if (!setProgress(id, { phase: 'planning', index, total, fileName: base.fileName })) return undefined;
      try {
        const previous = await findStoredPack(result.pack, base.path, reimportOf);
        const stored = previous ? await loadStored(previous.id) : null;
        const origin = { ...(base.path ? { sourcePath: base.path } : {}), sourceHash: hashText(text), listChoices: choices };
        const plan = planImport(result.pack, stored, now(), origin);
        return {
          ...base,
          ...reading,
          status: 'ready' as const,
          errors: [],
          message: undefined,
          warnings: result.warnings,
          source: result.pack,
          plan,
          ...(stored ? { previous: stored.pack } : { previous: undefined }),
        };
      } catch (error) {
        return { ...base, ...reading, status: 'failed' as const, warnings: result.warnings, message: `Could not plan this import: ${describe(error)}` };
      }
    }

    /** A pack may be written by only one file of a session: later files aiming at it wait. */
    function markConflict(files: readonly FilePreview[], candidate: FilePreview): FilePreview {
      const packId = candidate.plan?.pack.id;
      if (candidate.status !== 'ready' || !packId) return candidate;
      // Only files not yet written: one written already is simply what this file's plan was made against.
      const other = files.find((file) => file.plan?.pack.id === packId && file.status === 'ready');
      if (!other) return candidate;
      return {
        ...candidate,
        status: 'conflict',
        message: `${other.fileName} in this import is the same pack (${packId}). Import this file on its own afterwards.`,
      };
    }

    /**
     * Replaces the session on screen with an empty one. Nothing of the old one that was
     * not confirmed is written; what it did write is said in the status line.
     */
    function beginSession(): number {
      const previous = getState().session;
      const id = ++sessionCounter;
      const wrote = previous?.files.some((file) => file.status === 'imported') ?? false;
      setState({
        session: { id, stage: 'preparing', files: [] },
        notice: wrote && previous ? { tone: 'success', text: describeOutcome(previous.files) } : undefined,
      });
      return id;
    }

    async function runImport(id: number, count: number, read: (index: number) => Promise<ImportFile>, reimportOf?: string) {
      for (let index = 0; index < count; index++) {
        if (currentId() !== id) return;
        const file = await read(index);
        const key = `${index}:${file.name}`;
        const target = count === 1 ? reimportOf : undefined;
        const made = await preview(id, file, key, index, count, target);
        if (!made) return;
        updateSession(id, (session) => ({ ...session, files: [...session.files, markConflict(session.files, made)] }));
      }
      updateSession(id, (session) => ({ ...session, stage: 'review', progress: undefined }));
    }

    /**
     * Starts a new session for `count` files. It replaces the one on screen at once (an
     * import still reading its files stops at the next file), unless that one has a
     * confirmation asked for or being written: then it waits in the queue, and only the
     * newest import waiting runs.
     */
    function queueImport(count: number, read: (id: number, index: number) => Promise<ImportFile>, reimportOf?: string) {
      const request = ++latestImport;
      let id = confirming > 0 ? undefined : beginSession();
      return serially(async () => {
        if (request !== latestImport) return;
        id ??= beginSession();
        const session = id;
        await runImport(session, count, (index) => read(session, index), reimportOf);
      });
    }

    /** `journaled`: the import journal lists this file at `index`; its transaction marks it written. */
    async function writeFile(id: number, file: FilePreview, index: number, total: number, journaled: boolean): Promise<void> {
      if (!file.plan || !file.source) return;
      if (!setProgress(id, { phase: 'writing', index, total, fileName: file.fileName })) return;
      try {
        // Planned again against what is stored now: cards answered since the preview keep those answers.
        const stored = await loadStored(file.plan.pack.id);
        const origin = {
          ...(file.plan.pack.sourcePath ? { sourcePath: file.plan.pack.sourcePath } : {}),
          ...(file.plan.pack.sourceHash ? { sourceHash: file.plan.pack.sourceHash } : {}),
          ...(file.listChoices ? { listChoices: file.listChoices } : {}),
        };
        const plan = planImport(file.source, stored, now(), origin);
        if (diffSignature(plan.diff) !== diffSignature(file.plan.diff)) {
          updateFile(id, file.key, {
            plan,
            ...(stored ? { previous: stored.pack } : { previous: undefined }),
            message: 'This pack changed since the preview. Check the changes below, then import again.',
          });
          return;
        }
        await repos.packs.savePackImport(plan.pack, plan.items, plan.cards, journaled ? index : undefined);
        updateFile(id, file.key, { status: 'imported', plan, message: undefined });
      } catch (error) {
        updateFile(id, file.key, { status: 'failed', message: writeFailureMessage(`The import of ${file.fileName}`, error, (detail) => `Nothing of this pack was saved: ${detail}`) });
      }
    }

    async function refreshLists(): Promise<void> {
      const [active, archived] = await Promise.all([repos.packs.listActive(), repos.packs.listArchived()]);
      setState({ active, archived, status: 'ready', loadError: undefined });
    }

    /** `what` names the change for a full disk's message ("Archiving Pack X"). */
    async function packAction(action: () => Promise<void>, success: string, failure: string, what: string): Promise<void> {
      try {
        await action();
        setState({ notice: { tone: 'success', text: success } });
      } catch (error) {
        setState({ notice: { tone: 'error', text: writeFailureMessage(what, error, (detail) => `${failure}: ${detail}`) } });
      }
      await getState().load();
    }

    /** An import the app did not live to finish: say which files are in the library (each whole) and which are not. */
    async function tellInterruptedImport(): Promise<void> {
      const journal = await repos.importJournal.read();
      if (!journal) return;
      setState({ notice: { tone: 'error', text: describeInterruptedImport(journal.files) } });
      await repos.importJournal.clear().catch(() => undefined);
    }

    const titleOf = (id: string): string =>
      [...getState().active, ...getState().archived].find((pack) => pack.id === id)?.title ?? id;

    return {
      active: [],
      archived: [],
      status: 'idle',
      session: null,

      async load() {
        const first = getState().status === 'idle';
        if (first) setState({ status: 'loading' });
        try {
          if (first) await tellInterruptedImport();
          await refreshLists();
        } catch (error) {
          setState({ status: 'ready', loadError: `Your packs could not be read: ${describe(error)}` });
        }
      },

      startImport(files, importOptions = {}) {
        if (files.length === 0) return Promise.resolve();
        return queueImport(files.length, async (_id, index) => files[index]!, importOptions.reimportOf);
      },

      importDroppedFiles(files) {
        if (files.length === 0) return Promise.resolve();
        return queueImport(files.length, async (id, index) => {
          const file = files[index]!;
          setProgress(id, { phase: 'reading', index, total: files.length, fileName: file.name });
          return readImportFile(file);
        });
      },

      confirmImport(which) {
        // The session the person confirmed, not whichever is on screen when the queue gets there.
        const asked = currentId();
        if (asked === undefined) return Promise.resolve();
        confirming += 1;
        return serially(async () => {
          try {
            const session = getState().session;
            if (!session || session.id !== asked || session.stage !== 'review') return;
            const targets =
              which === 'all' ? confirmable(session.files) : confirmable(session.files[which] ? [session.files[which]] : []);
            if (targets.length === 0) return;
            const id = session.id;
            updateSession(id, (s) => ({ ...s, stage: 'writing' }));
            // The journal first: should Kata not live to finish, the next start says which files are in.
            // Without it (it could not be written) the import still writes each pack whole or not at all.
            const journaled = await repos.importJournal
              .begin(now(), targets.map((file) => ({ fileName: file.fileName, packId: file.plan?.pack.id ?? '' })))
              .then(() => true, () => false);
            for (const [index, file] of targets.entries()) await writeFile(id, file, index, targets.length, journaled);
            if (journaled) await repos.importJournal.clear().catch(() => undefined);
            try {
              await refreshLists();
            } catch (error) {
              setState({ loadError: `Your packs could not be read: ${describe(error)}` });
            }
            const files = getState().session?.files ?? [];
            if (awaitingDecision(files)) {
              updateSession(id, (s) => ({ ...s, stage: 'review', progress: undefined }));
            } else {
              setState({ session: null, notice: { tone: 'success', text: describeOutcome(files) } });
            }
          } finally {
            confirming -= 1;
          }
        });
      },

      cancelImport() {
        const session = getState().session;
        // Writing is a few short transactions; it finishes rather than stopping between packs.
        if (!session || session.stage === 'writing') return;
        const imported = session.files.some((file) => file.status === 'imported');
        setState({
          session: null,
          notice: imported ? { tone: 'success', text: describeOutcome(session.files) } : undefined,
        });
      },

      readListAs(fileKey, listKey, reading) {
        return serially(async () => {
          const session = getState().session;
          const file = session?.files.find((candidate) => candidate.key === fileKey);
          if (!session || session.stage !== 'review' || !file || file.text === undefined) return;
          if (file.status !== 'ready' && file.status !== 'invalid' && file.status !== 'failed') return;
          const choices = { ...file.listChoices, [listKey]: reading };
          const result = await parse(file.fileName, file.text, { listChoices: choices });
          const index = session.files.indexOf(file);
          const made = await planPreview(session.id, file, result, liveChoices(result, choices), file.reimportOf, index, session.files.length);
          if (!made) return;
          updateSession(session.id, (current) => ({
            ...current,
            progress: undefined,
            files: current.files.map((candidate) => (candidate.key === fileKey ? made : candidate)),
          }));
        });
      },

      archive: (id) => packAction(() => repos.packs.archive(id), `Archived ${titleOf(id)}. Its history is kept.`, 'Could not archive', `Archiving ${titleOf(id)}`),
      unarchive: (id) => packAction(() => repos.packs.unarchive(id), `${titleOf(id)} is back in practice.`, 'Could not unarchive', `Bringing ${titleOf(id)} back`),
      deletePack(id) {
        const title = titleOf(id);
        return packAction(() => repos.packs.delete(id, options.rollupContext?.()), `Deleted ${title} and its practice history.`, 'Could not delete', `Deleting ${title}`);
      },
      async countHistory(id) {
        return (await repos.events.byPack(id)).length;
      },
      dismissNotice: () => setState({ notice: undefined }),
    };
  });
}
