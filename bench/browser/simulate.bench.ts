/**
 * Simulations at scale, on the practice benchmarks' collection (100 000 cards and
 * 1 000 000 answers, written once into the persistent bench profile; `--quick`: 2 000 / 20 000):
 *
 * - "simulate: open the Simulate screen": the real App rendered at `#/simulate` to the list of
 *   scenarios committed and laid out. It reads the packs and one summary per pack walked, never
 *   attempts or answers; the texts of outcomes never reached and the incident of the day come
 *   after this first useful paint.
 * - "simulate: debrief of a 200-node chart on screen (layout cached)": a generated 200-node
 *   flowchart walked once; its debrief opened by address in a fresh store (as after a reload) to
 *   the chart's nodes drawn, the layout read from its cache (laid out once, in a worker, by the
 *   untimed first opening).
 * - "simulate: choice key → feedback on screen" and "simulate: Enter → next decision on
 *   screen": runs of a section of a big checklist at level 1 (options), a new one drawn when one
 *   ends (untimed); a `1` keydown to the decision's
 *   feedback, and Enter to the next decision, each committed by React and laid out. As with the
 *   practice key-press case, the wait for the display's next refresh is not counted. Each
 *   decision's review event is undone afterwards (teardown), so the collection stays as generated.
 */
import type { AppServices } from '../../renderer/app/app-services';
import type { SimulateStore } from '../../renderer/state/simulate/simulate-store';
import { optionsShown } from '../../shared/simulate/run';
import { defineBenchCase, type BenchOptions } from '../lib/types';
import { benchCollection } from './support/collection';
import { benchServices, nextFrame, renderApp, waitFor } from './support/practice-ui';
import { deleteDatabase } from './support/indexeddb';
import { createRepositories, openKataDb } from '../../renderer/storage/index';
import { parseImportFile } from '../../shared/import/parse-file';
import { planImport } from '../../shared/library/plan-import';
import { createSimulateStore } from '../../renderer/state/simulate/simulate-store';
import { FIXTURE_SEED, generateFlowchart } from '../fixtures/index';

interface Mounted {
  services: AppServices;
  container: HTMLElement;
  unmount(): void;
}

function mount(services: AppServices, hash = '#/simulate'): Mounted {
  const { container, root } = renderApp(services, hash);
  return {
    services,
    container,
    unmount() {
      root.unmount();
      container.remove();
    },
  };
}

const openScreen = defineBenchCase<Mounted>({
  name: 'simulate: open the Simulate screen (100k cards, 1M answers)',
  unit: 'ms',
  runs: 10,
  budget: { maxMedian: 300 },
  async setup(options) {
    const services = await benchServices(await benchCollection(options));
    return { services, container: document.body, unmount: () => undefined };
  },
  async run(state) {
    const mounted = mount(state.services);
    Object.assign(state, mounted);
    const store = state.services.simulateStore;
    await waitFor(mounted.container, store, () => {
      if (store.getState().status === 'error') throw new Error(store.getState().error);
      return mounted.container.querySelector('.scenario-list') !== null;
    });
    mounted.container.querySelector('.scenario-list')?.getBoundingClientRect();
  },
  async teardown(state) {
    // What follows the first paint (the suggestion, the outcome texts, the ladder) finishes before the next run.
    const store = state.services.simulateStore;
    await waitFor(document.body, store, () => store.getState().incident !== undefined && store.getState().entries.every((entry) => entry.ladder !== undefined));
    state.unmount();
  },
});

let running: Promise<Mounted & { packId: string }> | undefined;
let runningQuick: boolean | undefined;

/** The app on the Simulate screen, mounted once for all runs, with the biggest checklist to walk. */
function simulationApp(options: BenchOptions): Promise<Mounted & { packId: string }> {
  if (!running || runningQuick !== options.quick) {
    runningQuick = options.quick;
    running = (async () => {
      const collection = await benchCollection(options);
      const mounted = mount(await benchServices(collection));
      const store = mounted.services.simulateStore;
      await waitFor(mounted.container, store, () => store.getState().status === 'list');
      const packs = await collection.repositories.packs.listActive();
      const biggest = packs.filter((pack) => pack.kind === 'checklist').sort((a, b) => b.itemCount - a.itemCount)[0];
      if (!biggest) throw new Error('the collection has no checklist to walk');
      return { ...mounted, packId: biggest.id };
    })();
    running.catch(() => (running = undefined));
  }
  return running as Promise<Mounted & { packId: string }>;
}

/** Starts a run of a drawn section at level 1 (options), untimed, when none is on screen. */
async function ensureRun(mounted: Mounted & { packId: string }): Promise<void> {
  const store = mounted.services.simulateStore;
  if (store.getState().status === 'running') return;
  await store.getState().brief(mounted.packId);
  store.getState().setLevel(1);
  await store.getState().start();
  await waitFor(mounted.container, store, () => mounted.container.querySelector('.decision') !== null);
}

/** Review events of this run's decisions already undone. */
const undone = new Set<string>();

async function undoEvent(services: AppServices, eventId: string | undefined): Promise<void> {
  if (!eventId || undone.has(eventId)) return;
  undone.add(eventId);
  await services.repositories.events.undoAnswer(eventId);
}

/** Waits for the decision on screen to be stored, and undoes its review event (the collection stays as generated). */
async function undoStoredDecision(store: SimulateStore, container: HTMLElement, services: AppServices): Promise<void> {
  await waitFor(container, store, () => store.getState().run?.saving === false);
  const run = store.getState().run;
  await undoEvent(services, run?.state.phase.name === 'feedback' ? run.state.phase.decision.eventId : run?.state.decisions.at(-1)?.eventId);
}

/** A painted, idle screen: a person presses a key on one, not mid-frame. */
async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 200 }));
}

function press(key: string, code: string): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }));
}

/** Brings a run to a decision on screen (going on from a feedback left by the other case, or starting a new run). */
async function toDecision(mounted: Mounted & { packId: string }): Promise<void> {
  const store = mounted.services.simulateStore;
  if (store.getState().run?.state.phase.name === 'feedback') {
    await undoStoredDecision(store, mounted.container, mounted.services);
    await store.getState().next();
  }
  for (let guard = 0; guard < 10_000; guard += 1) {
    await ensureRun(mounted);
    const run = store.getState().run;
    if (run?.state.phase.name === 'deciding' && optionsShown(run.state)) return;
    // A memory item (recalled, never chosen): answered untimed, and its event undone.
    await store.getState().recall('not sure');
    if (store.getState().run?.state.phase.name === 'confirming') await store.getState().confirm(false);
    await undoStoredDecision(store, mounted.container, mounted.services);
    await store.getState().next();
  }
  throw new Error('no decision with options came up');
}

const choiceToFeedback = defineBenchCase<Mounted>({
  name: 'simulate: choice key → feedback on screen (100k cards)',
  unit: 'ms',
  runs: 40,
  budget: { maxP95: 16 },
  async setup(options) {
    const mounted = await simulationApp(options);
    await toDecision(mounted);
    await settle();
    return mounted;
  },
  async run({ services, container }) {
    const store = services.simulateStore;
    if (!optionsShown(store.getState().run!.state)) throw new Error('level 1 shows no options');
    press('1', 'Digit1');
    await waitFor(container, store, () => container.querySelector('.decision-feedback') !== null, 10_000);
    container.querySelector('.decision-feedback')?.getBoundingClientRect();
  },
  async teardown({ services, container }) {
    await undoStoredDecision(services.simulateStore, container, services);
  },
});

const enterToNext = defineBenchCase<Mounted>({
  name: 'simulate: Enter → next decision on screen (100k cards)',
  unit: 'ms',
  runs: 40,
  budget: { maxP95: 16 },
  async setup(options) {
    const mounted = await simulationApp(options);
    const store = mounted.services.simulateStore;
    await toDecision(mounted);
    // Enter after a run's last decision opens the debrief, not a next decision: that one is made untimed.
    while (store.getState().run!.state.step === store.getState().run!.scenario.steps.length - 1) {
      await store.getState().choose(optionsShown(store.getState().run!.state)![0]!);
      await undoStoredDecision(store, mounted.container, mounted.services);
      await store.getState().next();
      await toDecision(mounted);
    }
    const run = store.getState().run!;
    await store.getState().choose(optionsShown(run.state)![0]!);
    await waitFor(mounted.container, store, () => store.getState().run?.stored === true);
    await settle();
    return mounted;
  },
  async run({ services, container }) {
    const store = services.simulateStore;
    const step = store.getState().run!.state.step;
    press('Enter', 'Enter');
    await waitFor(container, store, () => store.getState().run?.state.step !== step && container.querySelector('.decision') !== null, 10_000);
    container.querySelector('.decision')?.getBoundingClientRect();
  },
  async teardown({ services }) {
    await undoEvent(services, services.simulateStore.getState().run?.state.decisions.at(-1)?.eventId);
  },
});

export const benchCases = [openScreen, choiceToFeedback, enterToNext];


// ---- the debrief of a 200-node chart --------------------------------------------------------

interface DebriefState {
  services: AppServices;
  attemptId: string;
  mounted?: Mounted;
}

let debriefReady: Promise<DebriefState> | undefined;

/**
 * A 200-node generated flowchart imported into its own database, walked once (so a finished
 * attempt exists), with its layout computed and cached by a first, untimed, opening.
 */
function debriefFixture(): Promise<DebriefState> {
  debriefReady ??= (async () => {
    const dbName = 'kata-bench-debrief';
    await deleteDatabase(dbName);
    const db = await openKataDb(dbName);
    const repositories = createRepositories(db);
    const parsed = parseImportFile('chart-200.mmd', generateFlowchart(200, FIXTURE_SEED));
    if (!parsed.ok) throw new Error('the generated chart does not parse');
    const plan = planImport(parsed.pack, null, Date.now());
    await repositories.packs.savePackImport(plan.pack, plan.items, plan.cards);
    const services = await benchServices({ dbName, db, repositories, cards: plan.cards.length, events: 0, now: Date.now() });
    const store = services.simulateStore;
    await store.getState().brief(plan.pack.id);
    store.getState().setLevel(1);
    await store.getState().start();
    while (store.getState().status === 'running') {
      const run = store.getState().run!;
      await store.getState().choose(optionsShown(run.state)?.[0] ?? run.scenario.steps[run.state.step]!.answer);
      await store.getState().next();
    }
    const attemptId = store.getState().debrief!.attempt.id;
    // The analysis (and its chart) follows the person's first reaction.
    await store.getState().saveReaction('Timed by the bench');
    return { services, attemptId };
  })();
  debriefReady.catch(() => (debriefReady = undefined));
  return debriefReady;
}

const debriefOnScreen = defineBenchCase<DebriefState>({
  name: 'simulate: debrief of a 200-node chart on screen (layout cached)',
  unit: 'ms',
  runs: 10,
  budget: { maxMedian: 300 },
  async setup() {
    const state = await debriefFixture();
    // A fresh store each time, as after a reload: nothing of the debrief is in memory, the layout is in the cache.
    return { ...state, services: { ...state.services, simulateStore: createSimulateStore(state.services.repositories, { settings: () => ({}) }) } };
  },
  async run(state) {
    const mounted = mount(state.services, `#/simulate?attempt=${encodeURIComponent(state.attemptId)}`);
    state.mounted = mounted;
    await waitFor(mounted.container, state.services.simulateStore, () => mounted.container.querySelector('.react-flow__node') !== null, 30_000);
    mounted.container.querySelector('.react-flow')?.getBoundingClientRect();
  },
  teardown(state) {
    state.mounted?.unmount();
  },
});

benchCases.push(debriefOnScreen);
