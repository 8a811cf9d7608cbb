/**
 * Practice at scale, on a collection of 100 000 cards and 1 000 000 events
 * (bench/fixtures/collection.ts; `--quick`: 2 000 cards, 20 000 events), written once into
 * the persistent bench profile (support/collection.ts) and reused by later runs:
 *
 * - "practice: build due queue (100k cards)": what opening the Practice screen does — the
 *   practice store's `load({ mode: 'daily' })`: the bounded collection read (the unsuspended
 *   cards due by the end of the study day, changed items' and today's cards, the recent
 *   answers, the streak asked day by day), the daily plan and the start panel's overview —
 *   against a raw IndexedDB read of today's due rows (`[suspended+due]` range up to the end
 *   of the study day, one getAll), the biggest read it makes.
 * - "practice: answer → next card, store path (100k cards)": the practice store's grade —
 *   answerCard inside events.answerStored (read and write in one transaction) + the next card
 *   ready in the store — per answer. Each answer is undone afterwards (teardown), so the
 *   collection stays as generated.
 * - "practice: answer → next card, data path (100k cards)": the floor under that: read the
 *   card, answerCard, recordAnswer, take the next card of a queue built beforehand.
 * - "practice: key press → next card rendered (100k cards)": the real App on the Practice
 *   screen: a `3` keydown to the next card committed by React and laid out by the browser.
 *   The frame that shows it comes at the display's next refresh, 0 to 16.7 ms later whatever
 *   the app does; that wait is not counted. The budget — one frame, 16 ms — is for the app's
 *   own work, so that the card is ready for the first refresh after it.
 * - "practice: open the Practice screen (100k cards, 1M answers)": the real App rendered at
 *   `#/practice` to its start panel (today's count, the plan, the start button) committed and
 *   laid out: the first useful paint. The streak, counted after, is let finish untimed.
 * - "practice: check collection (1M events)": Check collection's worker, start to report,
 *   against a raw IndexedDB read of the same cards and events (same pages, getAll) with a
 *   plain ts-fsrs replay of each card.
 */
import { createEmptyCard, fsrs, type Grade } from 'ts-fsrs';
import type { CardRecord, ReviewEvent } from '../../shared/model';
import { studyDay, type StudyDay } from '../../shared/schedule/day';
import { answerCard } from '../../shared/schedule/review';
import { inlinePlain } from '../../shared/text/inline-text';
import { DEFAULT_SCHEDULER_SETTINGS, makeScheduler, normalizeSchedulerSettings } from '../../shared/schedule/scheduler-settings';
import { startCheck } from '../../renderer/features/settings/check-client';
import { CHECK_PAGE_SIZE } from '../../renderer/features/settings/check-collection';
import { loadCollection } from '../../renderer/state/practice/practice-collection';
import { dailyQueue } from '../../renderer/state/practice/practice-queue';
import { createPracticeStore, type PracticeStore } from '../../renderer/state/practice/practice-store';
import type { GivenAnswer } from '../../shared/drills/judge-answer';
import { defineBenchCase, type BenchOptions } from '../lib/types';
import { benchCollection, type BenchCollection } from './support/collection';
import { benchServices, mountPracticeSession, nextFrame, renderApp, waitFor, type MountedApp } from './support/practice-ui';
import type { AppServices } from '../../renderer/app/app-services';
import { openExisting, requestToPromise } from './support/indexeddb';

const settings = normalizeSchedulerSettings(DEFAULT_SCHEDULER_SETTINGS);
const scheduler = makeScheduler(settings);

/** This browser's time zone at the collection's "now". */
const tzOf = (collection: BenchCollection): number => new Date(collection.now).getTimezoneOffset();

/** The study day of the collection's "now", in this browser's time zone. */
function dayOf(collection: BenchCollection): StudyDay {
  return studyDay(collection.now, settings.dayStartHour, tzOf(collection));
}

// ---- raw IndexedDB: the baselines --------------------------------------------------------

const rawConnections = new Map<string, Promise<IDBDatabase>>();
/** A plain IndexedDB connection to the collection's database (no Dexie, no repositories). */
function rawDb(collection: BenchCollection): Promise<IDBDatabase> {
  let db = rawConnections.get(collection.dbName);
  if (!db) {
    db = openExisting(collection.dbName);
    rawConnections.set(collection.dbName, db);
  }
  return db;
}

/** Today's due rows straight from the `[suspended+due]` index: one getAll. */
async function rawDueRows(collection: BenchCollection): Promise<CardRecord[]> {
  const db = await rawDb(collection);
  const range = IDBKeyRange.bound([0, -Infinity], [0, dayOf(collection).end]);
  const rows = await requestToPromise(db.transaction('cards', 'readonly').objectStore('cards').index('[suspended+due]').getAll(range));
  return rows as CardRecord[];
}

const dueBaseline = {
  name: 'raw IndexedDB getAll of the same [suspended+due] range',
  setup: benchCollection,
  async run(collection: BenchCollection) {
    const rows = await rawDueRows(collection);
    if (rows.length === 0) throw new Error('no due rows: the collection is not what the bench expects');
  },
};

// ---- build due queue ------------------------------------------------------------------------

interface StoreState {
  collection: BenchCollection;
  store: PracticeStore;
}

async function freshStore(options: BenchOptions): Promise<StoreState> {
  const collection = await benchCollection(options);
  const store = createPracticeStore(collection.repositories, { settings: () => ({}), now: () => collection.now });
  return { collection, store };
}

const queueThroughStore = defineBenchCase<StoreState, BenchCollection>({
  name: 'practice: build due queue (100k cards)',
  unit: 'ms',
  runs: 5,
  budget: { maxRatio: 1.5 },
  setup: freshStore,
  async run({ store }) {
    await store.getState().load({ mode: 'daily' });
    const { status, overview, error } = store.getState();
    if (status !== 'start' || !overview) throw new Error(`the practice store did not load: ${error ?? status}`);
    if (overview.total === 0) throw new Error('the daily queue is empty');
  },
  async teardown({ store }) {
    // The streak is counted after the queue is ready (it is no part of it): let it finish before the next run.
    await waitUntil(() => store.getState().overview?.streak !== null);
  },
  baseline: dueBaseline,
});

/** Resolves once `ready()` holds, checking every few milliseconds (at most 30 s). */
async function waitUntil(ready: () => boolean): Promise<void> {
  const started = performance.now();
  while (!ready()) {
    if (performance.now() - started > 30_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Today's queue as the practice store builds it (the bounded collection read, then the daily plan). */
async function queueFromDueIndex(collection: BenchCollection): Promise<CardRecord[]> {
  const loaded = await loadCollection(collection.repositories, { mode: 'daily' }, dayOf(collection));
  return dailyQueue(loaded, { settings, scheduler, tzOffset: () => tzOf(collection) }, collection.now);
}

// ---- answer → next card ------------------------------------------------------------------

/** An answer for the card on screen that the store will judge (right or wrong does not matter here). */
function givenFor(store: PracticeStore): GivenAnswer {
  const card = store.getState().session!.current!;
  if (card.drill === 'choice') return { kind: 'choice', index: 0 };
  if (card.drill === 'sequence') return { kind: 'order', order: (card.spec.sequence ?? []).map((_, i) => i) };
  return { kind: 'text', text: card.spec.cloze ?? inlinePlain(card.spec.answer) };
}

let sessionStore: Promise<StoreState> | undefined;
let sessionQuick: boolean | undefined;
/** One started daily session for all runs (starting one reads the whole collection). */
function startedSession(options: BenchOptions): Promise<StoreState> {
  if (!sessionStore || sessionQuick !== options.quick) {
    sessionQuick = options.quick;
    sessionStore = (async () => {
      const state = await freshStore(options);
      await state.store.getState().load({ mode: 'daily' });
      await state.store.getState().start();
      if (state.store.getState().status !== 'session') throw new Error('the practice session did not start');
      return state;
    })();
  }
  return sessionStore;
}

const answerThroughStore = defineBenchCase<StoreState>({
  name: 'practice: answer → next card, store path (100k cards)',
  unit: 'ms',
  runs: 40,
  budget: { maxP95: 16 },
  async setup(options) {
    const state = await startedSession(options);
    const { store } = state;
    const current = store.getState().session?.current;
    if (!current) throw new Error('no card on screen');
    // Bring the card to the point where a key press stores the answer.
    if (current.drill === 'reveal') store.getState().reveal();
    else store.getState().submit(givenFor(store));
    return state;
  },
  async run({ store }) {
    const turn = store.getState().session!.turn;
    await store.getState().grade(3);
    const session = store.getState().session;
    if (session?.error) throw new Error(session.error);
    if (!session || session.turn === turn) throw new Error('no next card after the answer');
  },
  async teardown({ store }) {
    // Put the collection back as generated: the answer's event goes, the card's state returns.
    await store.getState().undo();
  },
});

interface DataPathState {
  collection: BenchCollection;
  queue: CardRecord[];
  answered?: ReviewEvent;
}

let dataQueue: Promise<CardRecord[]> | undefined;
let dataQuick: boolean | undefined;

const answerDataPath = defineBenchCase<DataPathState>({
  name: 'practice: answer → next card, data path (100k cards)',
  unit: 'ms',
  runs: 40,
  budget: { maxP95: 16 },
  async setup(options) {
    const collection = await benchCollection(options);
    if (!dataQueue || dataQuick !== options.quick) {
      dataQuick = options.quick;
      dataQueue = queueFromDueIndex(collection);
    }
    return { collection, queue: [...(await dataQueue)] };
  },
  async run(state) {
    const { repositories, now } = state.collection;
    const [first] = state.queue;
    const stored = first && (await repositories.cards.get(first.id));
    if (!stored) throw new Error('the queue is empty');
    const { card, event } = answerCard(scheduler, stored, 3, now, { id: crypto.randomUUID(), durationMs: 4_000, grader: 'self' });
    await repositories.events.recordAnswer(event, card);
    state.answered = event;
    state.queue.shift();
    if (!state.queue[0]) throw new Error('no next card');
  },
  async teardown(state) {
    if (state.answered) await state.collection.repositories.events.undoAnswer(state.answered.id);
  },
});

let mounted: Promise<MountedApp> | undefined;
let mountedQuick: boolean | undefined;
/** The app, mounted once for all runs (starting a session reads the whole collection). */
async function practiceApp(options: BenchOptions): Promise<MountedApp> {
  if (!mounted || mountedQuick !== options.quick) {
    if (mounted) {
      const previous = await mounted;
      previous.root.unmount();
      previous.container.remove();
    }
    mountedQuick = options.quick;
    mounted = benchCollection(options).then(mountPracticeSession);
    mounted.catch(() => (mounted = undefined));
  }
  return mounted;
}

const keyToPaint = defineBenchCase<MountedApp>({
  name: 'practice: key press → next card rendered (100k cards)',
  unit: 'ms',
  runs: 40,
  budget: { maxP95: 16 },
  async setup(options) {
    const app = await practiceApp(options);
    const { practice, container } = app;
    const current = practice.getState().session?.current;
    if (!current) throw new Error('no card on screen');
    // Bring the card to where a grade key stores the answer: the answer shown, or judged.
    if (current.drill === 'reveal') practice.getState().reveal();
    else practice.getState().submit(givenFor(practice));
    await waitFor(container, practice, () => {
      const phase = practice.getState().session?.phase.name;
      return phase === 'revealed' || phase === 'feedback';
    });
    await nextFrame();
    await nextFrame();
    // A person presses the key on a screen that is painted and idle, not mid-frame.
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 200 }));
    return app;
  },
  async run({ practice, container }) {
    const turn = practice.getState().session!.turn;
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '3', code: 'Digit3', bubbles: true, cancelable: true }));
    // The next card is rendered once the store moved on (the answer stored), React committed it and
    // the browser laid it out; the compositor paints it at the next display refresh.
    await waitFor(
      container,
      practice,
      () => {
        const session = practice.getState().session;
        if (session?.error) throw new Error(session.error);
        return session !== null && session.turn !== turn && !session.busy && container.querySelector('.practice-session') !== null;
      },
      10_000,
    );
    // Style and layout of the new card, forced now rather than left to the next frame.
    container.querySelector('.practice-session')?.getBoundingClientRect();
  },
  async teardown({ practice, container }) {
    // Put the collection back as generated: the answer's event goes, the card comes back.
    const turn = practice.getState().session?.turn;
    await practice.getState().undo();
    await waitFor(container, practice, () => practice.getState().session?.turn !== turn && !practice.getState().session?.busy, 10_000);
    await nextFrame();
  },
});

// ---- check collection ----------------------------------------------------------------------

/** The same pages the check reads, with raw getAll, and a plain ts-fsrs fold of each card's events. */
async function rawReadAndReplay(collection: BenchCollection): Promise<number> {
  const db = await rawDb(collection);
  const f = fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    enable_fuzz: settings.enableFuzz,
    enable_short_term: true,
    learning_steps: [...settings.learningSteps],
    relearning_steps: [...settings.relearningSteps],
  });
  let after: string | undefined;
  let replayed = 0;
  for (;;) {
    const tx = db.transaction(['cards', 'events'], 'readonly');
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const cards = (await requestToPromise(tx.objectStore('cards').getAll(range, CHECK_PAGE_SIZE))) as CardRecord[];
    if (cards.length === 0) break;
    const eventRange = IDBKeyRange.bound([cards[0]!.id, -Infinity], [cards[cards.length - 1]!.id, Infinity]);
    const events = (await requestToPromise(tx.objectStore('events').index('[cardId+at]').getAll(eventRange))) as ReviewEvent[];
    let e = 0;
    for (const card of cards) {
      let state = createEmptyCard(new Date(card.createdAt));
      while (e < events.length && events[e]!.cardId === card.id) {
        const event = events[e]!;
        state = f.next(state, new Date(event.at), event.rating as Grade).card;
        e += 1;
        replayed += 1;
      }
      if (state.reps !== card.reps) throw new Error(`raw replay disagrees on ${card.id}`);
    }
    after = cards[cards.length - 1]!.id;
  }
  return replayed;
}

const checkCollectionCase = defineBenchCase<BenchCollection, BenchCollection>({
  name: 'practice: check collection (1M events)',
  unit: 'ms',
  runs: 5,
  budget: { maxRatio: 1.5 },
  setup: benchCollection,
  async run(collection) {
    const outcome = await startCheck({ dbName: collection.dbName, settings }, () => undefined).outcome;
    if (outcome.status !== 'done') throw new Error(`the check did not finish: ${JSON.stringify(outcome)}`);
    const report = outcome.value;
    if (report.events !== collection.events || report.cards !== collection.cards) {
      throw new Error(`the check read ${report.cards} cards and ${report.events} events`);
    }
    if (report.driftedIds.length > 0) throw new Error(`the generated collection drifted: ${report.driftedIds.length} cards`);
  },
  baseline: {
    name: 'raw IndexedDB getAll of the same pages + ts-fsrs replay',
    setup: benchCollection,
    async run(collection) {
      const replayed = await rawReadAndReplay(collection);
      if (replayed !== collection.events) throw new Error(`the raw replay read ${replayed} events`);
    },
  },
});

// ---- open the Practice screen ---------------------------------------------------------------

interface OpenState {
  services: AppServices;
  unmount?: () => void;
}

const openPractice = defineBenchCase<OpenState>({
  name: 'practice: open the Practice screen (100k cards, 1M answers)',
  unit: 'ms',
  runs: 10,
  budget: { maxMedian: 300 },
  async setup(options) {
    // The app's services as after start-up (settings and library loaded); the screen's own load is timed.
    return { services: await benchServices(await benchCollection(options)) };
  },
  async run(state) {
    const { container, root } = renderApp(state.services, '#/practice');
    state.unmount = () => {
      root.unmount();
      container.remove();
    };
    const store = state.services.practiceStore;
    await waitFor(container, store, () => {
      if (store.getState().status === 'error') throw new Error(store.getState().error ?? 'the practice store failed');
      return container.querySelector('.start-panel') !== null;
    });
    container.querySelector('.start-panel')?.getBoundingClientRect();
  },
  async teardown(state) {
    const store = state.services.practiceStore;
    await waitUntil(() => store.getState().overview?.streak !== null);
    state.unmount?.();
  },
});

export const benchCases = [queueThroughStore, openPractice, answerThroughStore, answerDataPath, keyToPaint, checkCollectionCase];
