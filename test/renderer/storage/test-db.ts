/** Shared by the storage tests: a fresh fake-IndexedDB database and record builders. */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { CardRecord, ItemRecord, PackRecord, ReviewEvent, SimulationAttempt } from '../../../shared/model';
import { openKataDb } from '../../../renderer/storage/db';
import type { KataDb, KataDbOptions } from '../../../renderer/storage/db';

export const fakeIdb = { indexedDB, IDBKeyRange };

let counter = 0;
/** A database name no other test uses, so tests never see each other's data. */
export function uniqueDbName(label: string): string {
  counter += 1;
  return `kata-test-${label}-${counter}-${crypto.randomUUID()}`;
}

export function openTestDb(label: string, options: Omit<KataDbOptions, 'indexedDB' | 'IDBKeyRange'> = {}): Promise<KataDb> {
  return openKataDb(uniqueDbName(label), { ...fakeIdb, ...options });
}

export function makePack(id: string, overrides: Partial<PackRecord> = {}): PackRecord {
  return {
    id,
    title: `Pack ${id}`,
    kind: 'checklist',
    format: 'markdown',
    sourceName: `${id}.md`,
    meta: { tags: [] },
    sections: [],
    edges: [],
    status: 'active',
    createdAt: 1_000,
    importedAt: 1_000,
    itemCount: 0,
    cardCount: 0,
    ...overrides,
  };
}

export function makeItem(packId: string, id: string, order: number): ItemRecord {
  return {
    id,
    key: `${packId}/${id}`,
    packId,
    kind: 'step',
    text: `Step ${id}`,
    order,
    notes: [],
    keyValues: [],
    memory: false,
    tags: [],
    line: order + 1,
    col: 1,
    retired: false,
  };
}

export function makeCard(packId: string, itemId: string, overrides: Partial<CardRecord> = {}): CardRecord {
  return {
    id: `${packId}/${itemId}/next-step`,
    packId,
    itemKey: `${packId}/${itemId}`,
    kind: 'next-step',
    suspended: 0,
    buriedUntil: 0,
    createdAt: 1_000,
    due: 1_000,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    ...overrides,
  };
}

export function makeEvent(card: CardRecord, id: string, at: number): ReviewEvent {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = card;
  return {
    id,
    cardId: card.id,
    packId: card.packId,
    rating: 3,
    at,
    durationMs: 2_500,
    hintsUsed: 0,
    grader: 'self',
    source: 'drill',
    before: { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, ...(lastReview === undefined ? {} : { lastReview }) },
  };
}

/** A simulation attempt of pack `packId` as a run stores it when it starts. */
export function makeAttempt(packId: string, id: string, startedAt: number, overrides: Partial<SimulationAttempt> = {}): SimulationAttempt {
  return {
    id,
    packId,
    packVersion: 1,
    kind: 'tree',
    seed: 7,
    level: 1,
    startedAt,
    status: 'running',
    timeLimitMs: 60_000,
    hiddenPath: ['q', 'a'],
    path: [],
    decisions: [],
    hintsUsed: 0,
    ...overrides,
  };
}

