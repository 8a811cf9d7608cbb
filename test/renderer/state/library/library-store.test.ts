/**
 * The library store's import flow against the real parsers and a fake-indexeddb
 * Kata database: a preview writes nothing, a confirmation writes the pack, a
 * re-import shows its diff and keeps the cards, a file with errors cannot be
 * confirmed.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { KataDb } from '../../../../renderer/storage/db';
import { createRepositories } from '../../../../renderer/storage/index';
import type { Repositories } from '../../../../renderer/storage/index';
import { createLibraryStore } from '../../../../renderer/state/library/library-store';
import type { LibraryStore } from '../../../../renderer/state/library/library-store';
import type { ImportFile } from '../../../../renderer/platform/platform';
import { createParseClient } from '../../../../renderer/features/library/parse-client';
import { parseImportFile } from '../../../../shared/import/parse-file';
import type { ParseWorker } from '../../../../renderer/features/library/parse-client';
import { openTestDb } from '../../storage/test-db';

const RUNBOOK = `---
title: Rollout runbook
---
# Rollout runbook

## Before
- [ ] Confirm offline metrics beat the current model
  > Why: a regression caught here costs minutes.
- [ ] Freeze the feature schema
- [ ] Tell the on-call channel

## Rollout
1. Shadow traffic for ==24 hours==
2. Ramp to 5%, then 50%, then 100%
`;

const file = (name: string, text: string, extra: Partial<ImportFile> = {}): ImportFile => ({
  name,
  bytes: text.length,
  text,
  ...extra,
});

let db: KataDb;
let repos: Repositories;
let store: LibraryStore;
let clock = 1_700_000_000_000;

async function tableCounts() {
  return { packs: await db.packs.count(), items: await db.items.count(), cards: await db.cards.count() };
}

beforeEach(async () => {
  db = await openTestDb('library-store');
  repos = createRepositories(db);
  store = createLibraryStore(repos, { now: () => clock });
  await store.getState().load();
});
afterEach(() => db.close());

describe('import session', () => {
  test('a preview writes nothing, and shows what the file becomes', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK)]);
    const session = store.getState().session!;
    expect(session.stage).toBe('review');
    const [preview] = session.files;
    expect(preview?.status).toBe('ready');
    expect(preview?.plan?.pack.title).toBe('Rollout runbook');
    expect(preview?.plan?.pack.id).toBe('rollout');
    expect(preview?.plan?.diff).toBeNull();
    expect(preview?.plan?.specs.length).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual({ packs: 0, items: 0, cards: 0 });
    expect(store.getState().active).toEqual([]);
  });

  test('confirming writes the pack, its items and cards, and lists it', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK)]);
    const plan = store.getState().session!.files[0]!.plan!;
    await store.getState().confirmImport('all');
    expect(await tableCounts()).toEqual({ packs: 1, items: plan.items.length, cards: plan.cards.length });
    expect(store.getState().session).toBeNull();
    expect(store.getState().notice?.text).toBe('Imported 1 pack.');
    expect(store.getState().active.map((pack) => pack.title)).toEqual(['Rollout runbook']);
    expect(store.getState().active[0]?.sourceHash).toMatch(/^[0-9a-f]{16}$/);
  });

  test('cancelling writes nothing', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK)]);
    store.getState().cancelImport();
    expect(store.getState().session).toBeNull();
    expect(await tableCounts()).toEqual({ packs: 0, items: 0, cards: 0 });
  });

  test('a file with errors cannot be confirmed; the good files beside it can', async () => {
    const broken = 'flowchart TD\n  A[Start] --> B[Wait (End)]\n';
    await store.getState().startImport([file('broken.mmd', broken), file('rollout.md', RUNBOOK)]);
    const [bad, good] = store.getState().session!.files;
    expect(bad?.status).toBe('invalid');
    expect(bad?.errors[0]).toMatchObject({ file: 'broken.mmd', line: 2 });
    expect(bad?.text).toBe(broken);
    expect(good?.status).toBe('ready');

    await store.getState().confirmImport(0);
    expect(await tableCounts()).toEqual({ packs: 0, items: 0, cards: 0 });
    expect(store.getState().session?.files[0]?.status).toBe('invalid');

    await store.getState().confirmImport('all');
    expect(await db.packs.count()).toBe(1);
    expect(store.getState().session).toBeNull();
    expect(store.getState().notice?.text).toBe('Imported 1 pack. 1 file not imported.');
  });

  test('a refused file is listed with its reason and never parsed', async () => {
    await store.getState().startImport([{ name: 'huge.csv', bytes: 6_000_000, error: 'huge.csv is 5.7 MB; Kata imports files up to 5 MB.' }]);
    const [refused] = store.getState().session!.files;
    expect(refused).toMatchObject({ status: 'refused', message: 'huge.csv is 5.7 MB; Kata imports files up to 5 MB.' });
  });

  test('a re-import shows the diff, writes it only on confirmation, and keeps the cards', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK)]);
    await store.getState().confirmImport('all');
    const cardsBefore = await repos.cards.byPack('rollout');

    clock += 60_000;
    const edited = RUNBOOK.replace('Freeze the feature schema', 'Freeze the feature schema and the label set')
      .replace('- [ ] Tell the on-call channel\n', '')
      .replace('2. Ramp', '2. Page the model owner\n3. Ramp');
    await store.getState().startImport([file('rollout.md', edited)]);
    const preview = store.getState().session!.files[0]!;
    expect(preview.previous?.id).toBe('rollout');
    const diff = preview.plan!.diff!;
    expect(diff.added.map((item) => item.text)).toEqual(['Page the model owner']);
    expect(diff.changed.map((change) => [change.before.text, change.after.text])).toEqual([
      ['Freeze the feature schema', 'Freeze the feature schema and the label set'],
    ]);
    expect(diff.retired.map((item) => item.text)).toEqual(['Tell the on-call channel']);
    expect(diff.unchanged).toBe(3);
    // Not applied yet.
    expect((await repos.items.byPack('rollout')).some((item) => item.retired)).toBe(false);

    await store.getState().confirmImport(0);
    const items = await repos.items.byPack('rollout');
    expect(items.find((item) => item.text === 'Tell the on-call channel')?.retired).toBe(true);
    const cardsAfter = await repos.cards.byPack('rollout');
    for (const card of cardsBefore) expect(cardsAfter.map((c) => c.id)).toContain(card.id);
    expect(store.getState().active[0]?.importedAt).toBe(clock);
  });

  test('an answer given between preview and confirmation is kept', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK)]);
    await store.getState().confirmImport('all');
    const edited = RUNBOOK.replace('- [ ] Tell the on-call channel\n', '');
    await store.getState().startImport([file('rollout.md', edited)]);

    // The card of the step this re-import retires: the plan holds a suspended copy of it.
    const retiredKey = store.getState().session!.files[0]!.plan!.diff!.retired[0]!.key;
    const card = (await repos.cards.byPack('rollout')).find((c) => c.itemKey === retiredKey);
    const answered = { ...card!, reps: 5, state: 2 as const };
    await db.cards.put(answered);

    await store.getState().confirmImport('all');
    const stored = await repos.cards.get(card!.id);
    expect(stored).toMatchObject({ reps: 5, suspended: 1 });
  });

  test('a pack changed since the preview is shown again instead of written', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK)]);
    await store.getState().confirmImport('all');
    await store.getState().startImport([file('rollout.md', RUNBOOK.replace('Freeze the feature schema', 'Freeze the schema now'))]);
    // Meanwhile another import (a watched folder, say) adds a step.
    const other = createLibraryStore(repos, { now: () => clock + 1 });
    await other.getState().startImport([file('rollout.md', RUNBOOK.replace('## Rollout', '- [ ] Brief support\n\n## Rollout'))]);
    await other.getState().confirmImport('all');

    await store.getState().confirmImport('all');
    const preview = store.getState().session!.files[0]!;
    expect(preview.status).toBe('ready');
    expect(preview.message).toMatch(/changed since the preview/);
    expect(preview.plan!.diff!.retired.map((item) => item.text)).toEqual(['Brief support']);
    await store.getState().confirmImport('all');
    expect(store.getState().session).toBeNull();
  });

  test("the Re-import action re-imports into its pack even from a renamed file", async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK)]);
    await store.getState().confirmImport('all');
    await store.getState().startImport([file('rollout-v2.md', RUNBOOK)], { reimportOf: 'rollout' });
    const preview = store.getState().session!.files[0]!;
    expect(preview.plan?.pack.id).toBe('rollout');
    expect(preview.plan?.diff?.unchanged).toBeGreaterThan(0);
  });

  test('two files of one import that are the same pack: the second waits', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK), file('rollout.md', RUNBOOK)]);
    const [first, second] = store.getState().session!.files;
    expect(first?.status).toBe('ready');
    expect(second?.status).toBe('conflict');
  });

  test('a new import replaces the review on screen: only its files are shown, nothing of the old one is written', async () => {
    const broken = 'flowchart TD\n  A[Start] --> B[Wait (End)]\n';
    await store.getState().startImport([file('broken.mmd', broken), file('rollout.md', RUNBOOK)]);
    const first = store.getState().session!;
    expect(first.files.map((f) => f.status)).toEqual(['invalid', 'ready']);

    await store.getState().startImport([file('facts.csv', 'front,back\nQ1,A1\n')]);
    const second = store.getState().session!;
    expect(second.id).not.toBe(first.id);
    expect(second.files.map((f) => f.fileName)).toEqual(['facts.csv']);
    expect(await tableCounts()).toEqual({ packs: 0, items: 0, cards: 0 });

    // Dropped files and the Re-import action start afresh too.
    await store.getState().importDroppedFiles([new File([RUNBOOK], 'dropped.md')]);
    expect(store.getState().session!.files.map((f) => f.fileName)).toEqual(['dropped.md']);
    await store.getState().confirmImport('all');
    await store.getState().startImport([file('broken.mmd', broken)]);
    await store.getState().startImport([file('rollout-v2.md', RUNBOOK)], { reimportOf: 'rollout' });
    expect(store.getState().session!.files.map((f) => [f.fileName, f.status])).toEqual([['rollout-v2.md', 'ready']]);
  });

  test('a new import while another is still being read stops the first at its next file', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const parsed: string[] = [];
    const slow = createLibraryStore(repos, {
      now: () => clock,
      parse: async (name, text) => {
        parsed.push(name);
        if (name === 'first.md') await held;
        return parseImportFile(name, text);
      },
    });
    const first = slow.getState().startImport([file('first.md', RUNBOOK), file('second.md', RUNBOOK)]);
    await vi.waitFor(() => expect(parsed).toEqual(['first.md']));
    const next = slow.getState().startImport([file('facts.csv', 'front,back\nQ1,A1\n')]);
    release();
    await Promise.all([first, next]);
    expect(parsed).toEqual(['first.md', 'facts.csv']);
    expect(slow.getState().session!.files.map((f) => f.fileName)).toEqual(['facts.csv']);
    expect(slow.getState().session!.stage).toBe('review');
  });

  test('an import asked for while a confirmation is on its way waits for it, then starts afresh', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK), file('facts.csv', 'front,back\nQ1,A1\n')]);
    // Only one of the two is confirmed: the session stays open with the other.
    const writing = store.getState().confirmImport(0);
    const next = store.getState().startImport([file('metrics.csv', 'front,back\nQ2,A2\n')]);
    // Not replaced while the confirmation is on its way: it would be lost.
    expect(store.getState().session!.files.map((f) => f.fileName)).toEqual(['rollout.md', 'facts.csv']);
    await Promise.all([writing, next]);

    expect(await db.packs.count()).toBe(1);
    expect(store.getState().session!.files.map((f) => f.fileName)).toEqual(['metrics.csv']);
    // What the replaced session wrote is still said.
    expect(store.getState().notice?.text).toBe('Imported 1 pack. 1 file not imported.');
  });

  test('cancelling a review (Escape) after confirming one of its files keeps that file only', async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK), file('facts.csv', 'front,back\nQ1,A1\n')]);
    await store.getState().confirmImport(1);
    store.getState().cancelImport();
    expect(store.getState().session).toBeNull();
    expect(store.getState().active.map((pack) => pack.id)).toEqual(['facts']);
    expect(store.getState().notice?.text).toBe('Imported 1 pack. 1 file not imported.');
  });

  test('dropped files are read with the size limit, then previewed', async () => {
    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'big.md');
    await store.getState().importDroppedFiles([new File([RUNBOOK], 'rollout.md'), big]);
    const [ok, refused] = store.getState().session!.files;
    expect(ok?.status).toBe('ready');
    expect(refused?.status).toBe('refused');
    expect(refused?.message).toContain('Kata imports files up to 5 MB');
  });
});

describe('pack actions', () => {
  beforeEach(async () => {
    await store.getState().startImport([file('rollout.md', RUNBOOK)]);
    await store.getState().confirmImport('all');
  });

  test('archive and unarchive move the pack between the lists', async () => {
    await store.getState().archive('rollout');
    expect(store.getState().active).toEqual([]);
    expect(store.getState().archived.map((pack) => pack.id)).toEqual(['rollout']);
    expect(store.getState().notice?.text).toMatch(/Archived Rollout runbook/);
    await store.getState().unarchive('rollout');
    expect(store.getState().active.map((pack) => pack.id)).toEqual(['rollout']);
  });

  test('delete removes the pack and its data', async () => {
    expect(await store.getState().countHistory('rollout')).toBe(0);
    await store.getState().deletePack('rollout');
    expect(await tableCounts()).toEqual({ packs: 0, items: 0, cards: 0 });
    expect(store.getState().active).toEqual([]);
    expect(store.getState().notice?.text).toBe('Deleted Rollout runbook and its practice history.');
  });
});

describe('parse client', () => {
  test('parses on the main thread where no Worker exists', async () => {
    const parse = createParseClient(() => undefined);
    const result = await parse('rollout.md', RUNBOOK);
    expect(result.ok).toBe(true);
  });

  test('falls back to the main thread when the worker fails, for waiting and later files', async () => {
    const listeners: Record<string, ((event: Event) => void)[]> = {};
    let terminated = false;
    const worker: ParseWorker = {
      postMessage: () => undefined,
      addEventListener: (type: string, listener: (event: never) => void) => {
        (listeners[type] ??= []).push(listener as (event: Event) => void);
      },
      terminate: () => {
        terminated = true;
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const parse = createParseClient(() => worker);
    const waiting = parse('rollout.md', RUNBOOK);
    for (const listener of listeners.error ?? []) listener(new Event('error'));
    expect((await waiting).ok).toBe(true);
    expect(terminated).toBe(true);
    expect((await parse('facts.csv', 'front,back\nQ,A\n')).ok).toBe(true);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  test('uses the worker answer when the worker works', async () => {
    let onMessage: ((event: MessageEvent) => void) | undefined;
    const worker: ParseWorker = {
      postMessage: (request) =>
        queueMicrotask(() =>
          onMessage?.(new MessageEvent('message', { data: { id: request.id, result: { ok: false, errors: [], warnings: [] } } })),
        ),
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === 'message') onMessage = listener as (event: MessageEvent) => void;
      },
      terminate: () => undefined,
    };
    const result = await createParseClient(() => worker)('rollout.md', RUNBOOK);
    expect(result).toEqual({ ok: false, errors: [], warnings: [] });
  });
});

describe('how lists read', () => {
  const INCIDENT = `# Disk full

## Impact
- Writes fail for every tenant
- Dashboards go blank

## Mitigate
- Delete the oldest snapshots
- Expand the volume
`;

  test('the review shows which lists read as notes; a flip re-plans the file and is remembered across re-imports', async () => {
    await store.getState().startImport([file('disk-full.md', INCIDENT)]);
    let preview = store.getState().session!.files[0]!;
    expect(preview.lists?.map((list) => [list.key, list.reading, list.reason])).toEqual([
      ['Impact #1', 'notes', 'under “Impact”'],
      ['Mitigate #1', 'steps', 'under “Mitigate”, a procedure'],
    ]);
    expect(preview.source?.items.map((item) => item.text)).toEqual(['Delete the oldest snapshots', 'Expand the volume']);

    await store.getState().readListAs(preview.key, 'Impact #1', 'steps');
    preview = store.getState().session!.files[0]!;
    expect(preview.status).toBe('ready');
    expect(preview.lists?.[0]).toMatchObject({ reading: 'steps', chosen: true, reason: 'chosen in the import review' });
    expect(preview.plan?.pack.listChoices).toEqual({ 'Impact #1': 'steps' });
    expect(preview.source?.items).toHaveLength(4);
    await store.getState().confirmImport('all');
    expect((await repos.packs.get('disk-full'))?.listChoices).toEqual({ 'Impact #1': 'steps' });

    // The file again (a watched folder, the file dialog): read the way the person chose.
    await store.getState().startImport([file('disk-full.md', INCIDENT)]);
    preview = store.getState().session!.files[0]!;
    expect(preview.lists?.[0]).toMatchObject({ key: 'Impact #1', reading: 'steps', chosen: true });
    expect(preview.plan?.diff).toMatchObject({ added: [], retired: [], unchanged: 4 });
  });

  test('reading every list as notes leaves no steps: an error that names the lists, and the flip back', async () => {
    await store.getState().startImport([file('notes.md', '## Background\n- It is old\n- It is slow\n')]);
    const preview = store.getState().session!.files[0]!;
    expect(preview.status).toBe('invalid');
    expect(preview.errors[0]!.message).toContain('every list in this file reads as notes');
    await store.getState().readListAs(preview.key, 'Background #1', 'steps');
    expect(store.getState().session!.files[0]!.status).toBe('ready');
  });
});
