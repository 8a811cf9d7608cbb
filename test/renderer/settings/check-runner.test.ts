import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheck, startRepair, type CheckWorker } from '../../../renderer/features/settings/check-client';
import type { CheckProgress, CheckRequest, CheckResponse } from '../../../renderer/features/settings/check-protocol';
import { createCheckRunner, type OpenCheckRepositories } from '../../../renderer/features/settings/check-runner';
import { normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { openCollectionDb, type CollectionDb } from './collection-db';

const settings = normalizeSchedulerSettings();
let collection: CollectionDb;
let open: OpenCheckRepositories;
let closed = 0;

beforeEach(async () => {
  collection = await openCollectionDb('runner', { cards: 120, events: 1_200, seed: 3, cardsPerPack: 60 });
  closed = 0;
  open = async () => ({ repositories: collection.repositories, close: () => (closed += 1) });
});
afterEach(() => collection.db.close());

/** A Worker double that runs the real runner in this thread, as check-worker.ts does in its own. */
function inThreadWorker(): CheckWorker & { requests: CheckRequest[] } {
  const listeners: ((event: MessageEvent<CheckResponse>) => void)[] = [];
  const runner = createCheckRunner(open, (response) => {
    for (const listener of listeners) listener({ data: response } as MessageEvent<CheckResponse>);
  });
  const requests: CheckRequest[] = [];
  return {
    requests,
    postMessage(request) {
      requests.push(request);
      void runner.handle(request);
    },
    addEventListener(type: string, listener: unknown) {
      if (type === 'message') listeners.push(listener as (event: MessageEvent<CheckResponse>) => void);
    },
    terminate() {},
  };
}

describe('check runner', () => {
  it('answers a check with progress messages, then the report, and closes the database it opened', async () => {
    const responses: CheckResponse[] = [];
    await createCheckRunner(open, (response) => responses.push(response)).handle({
      type: 'check',
      dbName: 'any',
      settings,
      pageSize: 50,
    });
    expect(responses.map((response) => response.type)).toEqual(['progress', 'progress', 'progress', 'progress', 'checked']);
    const last = responses.at(-1);
    expect(last?.type === 'checked' && last.report).toMatchObject({ cards: 120, events: 1_200, driftedIds: [] });
    expect(closed).toBe(1);
  });

  it('answers `cancelled` when a cancel arrives while a check runs', async () => {
    const responses: CheckResponse[] = [];
    const runner = createCheckRunner(open, (response) => {
      responses.push(response);
      if (response.type === 'progress' && response.progress.done === 20) void runner.handle({ type: 'cancel' });
    });
    await runner.handle({ type: 'check', dbName: 'any', settings, pageSize: 20 });
    expect(responses.at(-1)).toEqual({ type: 'cancelled', progress: expect.objectContaining({ done: 20, total: 120 }) });
  });

  it('answers `failed` with the reason when the database cannot be opened', async () => {
    const responses: CheckResponse[] = [];
    await createCheckRunner(
      () => Promise.reject(new Error('blocked by another version')),
      (response) => responses.push(response),
    ).handle({ type: 'repair', dbName: 'any', settings, cardIds: ['x'] });
    expect(responses).toEqual([{ type: 'failed', message: 'blocked by another version' }]);
  });
});

describe('check client', () => {
  it('runs a check in the worker and resolves with its report', async () => {
    const worker = inThreadWorker();
    const progress: CheckProgress[] = [];
    const job = startCheck({ dbName: 'kata', settings, pageSize: 40 }, (p) => progress.push(p), { startWorker: () => worker });
    const outcome = await job.outcome;
    expect(outcome.status).toBe('done');
    expect(outcome.status === 'done' && outcome.value.cards).toBe(120);
    expect(progress.map((p) => p.done)).toEqual([0, 40, 80, 120]);
    expect(worker.requests[0]).toMatchObject({ type: 'check', dbName: 'kata', pageSize: 40 });
  });

  it('runs on the main thread through the fallback when no worker can start', async () => {
    const job = startRepair({ dbName: 'kata', settings, cardIds: [] }, () => undefined, {
      startWorker: () => undefined,
      fallback: open,
    });
    expect(await job.outcome).toEqual({ status: 'done', value: expect.objectContaining({ repaired: 0, requested: 0 }) });
  });

  it('falls back to the main thread when the worker script fails before answering', async () => {
    const listeners = new Map<string, (event: Event) => void>();
    const broken: CheckWorker = {
      postMessage: () => queueMicrotask(() => listeners.get('error')?.({ preventDefault() {}, message: 'load failed' } as unknown as Event)),
      addEventListener: (type: string, listener: unknown) => listeners.set(type, listener as (event: Event) => void),
      terminate() {},
    };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const outcome = await startCheck({ dbName: 'kata', settings }, () => undefined, { startWorker: () => broken, fallback: open }).outcome;
      expect(outcome.status === 'done' && outcome.value.events).toBe(1_200);
    } finally {
      console.warn = warn;
    }
  });

  it('cancel stops the job and the outcome says how far it got', async () => {
    const worker = inThreadWorker();
    let job: ReturnType<typeof startCheck> | undefined = undefined;
    job = startCheck(
      { dbName: 'kata', settings, pageSize: 30 },
      (p) => {
        if (p.done === 30) job?.cancel();
      },
      { startWorker: () => worker },
    );
    expect(await job.outcome).toEqual({ status: 'cancelled', progress: expect.objectContaining({ done: 30 }) });
    expect(worker.requests.map((request) => request.type)).toEqual(['check', 'cancel']);
  });
});
