/**
 * A full disk, forced in fake-indexeddb the way Chromium reports it (the transaction is
 * aborted at commit with QuotaExceededError; Dexie rejects with an AbortError holding it):
 * each write path says what was not saved and to free disk space, suggests nothing that
 * itself needs a write, and leaves the database exactly as it was before the write.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { inlinePlain, sameReading } from '../../../shared/text/inline-text';
import { parseImportFile } from '../../../shared/import/parse-file';
import { planImport } from '../../../shared/library/plan-import';
import type { GivenAnswer } from '../../../shared/drills/judge-answer';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import type { Repositories } from '../../../renderer/storage/index';
import { isQuotaError } from '../../../renderer/storage/storage-errors';
import { createPracticeStore } from '../../../renderer/state/practice/practice-store';
import type { PracticeCard } from '../../../renderer/state/practice/practice-collection';
import { createLibraryStore } from '../../../renderer/state/library/library-store';
import { createSettingsStore } from '../../../renderer/state/settings/settings-store';
import { quotaMessage, writeFailureMessage } from '../../../renderer/state/write-failure';
import { openTestDb } from '../storage/test-db';
import { failCommitsWithQuota } from '../storage/quota-fault';

const SAMPLES = path.resolve(import.meta.dirname, '../../../resources/samples');
const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);
const ADVICE = 'Free some disk space, then try again.';
/** Actions that themselves need room to write: a full disk's message must never suggest them. */
const NEEDS_A_WRITE = /export|back ?up|download|import (it|them) again|re-?import|save a copy/i;

let db: KataDb;
let repos: Repositories;
let restore: (() => void) | undefined;

beforeEach(async () => {
  db = await openTestDb('quota');
  repos = createRepositories(db);
});
afterEach(() => {
  restore?.();
  restore = undefined;
  db.close();
});

/** Everything stored, table by table, to compare before and after a failed write. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

function expectQuotaMessage(message: string | undefined, what: string): void {
  expect(message).toBe(quotaMessage(what));
  expect(message).toContain(`${what} was not saved`);
  expect(message).toContain(ADVICE);
  expect(message!.replace(what, '')).not.toMatch(NEEDS_A_WRITE);
}

describe('isQuotaError', () => {
  test('recognises the quota error in every shape it arrives in, and nothing else', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', message: 'aborted', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaError({ name: 'DOMException', code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('disk full'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });

  test('what Dexie rejects a transaction aborted for quota with is recognised', async () => {
    restore = failCommitsWithQuota(['settings']);
    const error: unknown = await repos.settings.set('theme', 'dark').then(() => undefined, (e: unknown) => e);
    expect(error).toBeDefined();
    expect(isQuotaError(error)).toBe(true);
    expect(writeFailureMessage('This change', error, () => 'other')).toBe(quotaMessage('This change'));
    restore();
    restore = undefined;
    expect(await repos.settings.get('theme', 'unset')).toBe('unset');
  });
});

describe('a full disk', () => {
  test('while answering: the answer, its card update and rollups are all absent, and the card stays on screen', async () => {
    const parsed = parseImportFile('ml-metrics.csv', readFileSync(path.join(SAMPLES, 'ml-metrics.csv'), 'utf8'));
    if (!parsed.ok) throw new Error('sample does not parse');
    const plan = planImport(parsed.pack, null, T0);
    await repos.packs.savePackImport(plan.pack, plan.items, plan.cards);
    const clock = T0 + 60_000;
    const store = createPracticeStore(repos, {
      settings: () => ({ newCardsPerDay: 20, maxReviewsPerDay: 200, dayStartHour: 4 }),
      now: () => clock,
      timezoneOffsetMinutes: () => 0,
    });
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    const card = store.getState().session!.current as PracticeCard;
    const before = await snapshot();

    restore = failCommitsWithQuota(['events']);
    const answer: GivenAnswer =
      card.drill === 'choice'
        ? { kind: 'choice', index: card.spec.choices!.findIndex((choice) => sameReading(choice, card.spec.answer)) }
        : { kind: 'text', text: card.spec.cloze ?? inlinePlain(card.spec.answer) };
    if (card.drill === 'reveal') store.getState().reveal();
    else store.getState().submit(answer);
    await store.getState().grade(3);

    const session = store.getState().session!;
    expectQuotaMessage(session.error, 'Your answer to this card');
    expect(session.current?.record.id).toBe(card.record.id);
    expect(session.busy).toBe(false);
    expect(await snapshot()).toEqual(before);

    // With room again, the same answer is saved.
    restore();
    restore = undefined;
    await store.getState().grade(3);
    expect(await repos.events.count()).toBe(1);
  });

  test('while importing two files: the first is whole, the second absent and named, and the journal is cleared', async () => {
    const text = (title: string) => `---\ntitle: ${title}\n---\n## Steps\n- [ ] Check the ${title} dashboard\n- [ ] Page the ${title} owner\n`;
    const store = createLibraryStore(repos, { now: () => T0 });
    await store.getState().load();
    await store.getState().startImport([
      { name: 'first.md', bytes: 80, text: text('first') },
      { name: 'second.md', bytes: 80, text: text('second') },
    ]);
    const [first, second] = store.getState().session!.files;
    restore = failCommitsWithQuota(['packs'], { after: 1 });
    await store.getState().confirmImport('all');

    const files = store.getState().session!.files;
    expect(files.map((file) => file.status)).toEqual(['imported', 'failed']);
    expectQuotaMessage(files[1]!.message, 'The import of second.md');
    expect((await db.packs.toArray()).map((pack) => pack.id)).toEqual([first!.plan!.pack.id]);
    const secondId = second!.plan!.pack.id;
    expect(await db.items.where('packId').equals(secondId).count()).toBe(0);
    expect(await db.cards.where('packId').equals(secondId).count()).toBe(0);
    expect(await db.packMemory.get(secondId)).toBeUndefined();
    expect(await db.items.where('packId').equals(first!.plan!.pack.id).count()).toBe(first!.plan!.items.length);
    expect(await repos.importJournal.read()).toBeUndefined();
  });

  test('while changing a setting: the change is put back on screen and not stored', async () => {
    const store = createSettingsStore(repos.settings);
    await store.getState().load();
    const before = await snapshot();
    restore = failCommitsWithQuota(['settings']);
    expect(await store.getState().set('theme', 'dark')).toBe(false);
    expectQuotaMessage(store.getState().saveError, 'This change');
    expect(store.getState().values.theme).not.toBe('dark');
    expect(await snapshot()).toEqual(before);
  });
});
