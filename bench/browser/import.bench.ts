/**
 * Import benchmarks in the bench page (headless Chromium, persistent profile), on files
 * generated from a fixed seed (bench/fixtures):
 *
 * - "mermaid: Kata parse vs Mermaid parse (5 000 nodes)": Kata's parseMermaidGraph against
 *   Mermaid's own parser (`mermaid.mermaidAPI.getDiagramFromText`: the real flowchart grammar
 *   filling flowDb with vertices, edges and subgraphs) on the same text. Target: Kata at least
 *   10× faster, so the budget is a ratio of at most 0.1.
 * - "import: 10 000-step checklist into IndexedDB" and "import: 5 000-node flowchart into
 *   IndexedDB": what the app does on import — parseImportFile, planImport and
 *   savePackImport (one transaction) into a new Kata database — against a raw IndexedDB
 *   write of the same records (pack, items, cards, one transaction) into a plain database
 *   whose stores have the key paths and indexes of Kata's own (read from a real Kata
 *   database, so the baseline follows schema changes). Target: within 2× of raw.
 *
 * Mermaid is big: it is imported dynamically here, so it lands in chunks only the bench page
 * loads, never in the app's bundle. Its parsing path runs under the bench page's CSP as it
 * is (`script-src 'self'`, no 'unsafe-eval'): no relaxation was needed.
 */
import { parseMermaidGraph } from '../../shared/import/mermaid/index';
import { parseImportFile } from '../../shared/import/parse-file';
import { planImport, type ImportPlan } from '../../shared/library/plan-import';
import { createRepositories, openKataDb, type KataDb, type Repositories } from '../../renderer/storage/index';
import { CHECKLIST_STEPS, FIXTURE_SEED, FLOWCHART_NODES, generateChecklist, generateFlowchart } from '../fixtures/index';
import { defineBenchCase, type BenchCase, type BenchOptions } from '../lib/types';
import {
  countRecords,
  deleteDatabase,
  openExisting,
  readStoreShape,
  requestToPromise,
  transactionDone,
  type StoreShape,
} from './support/indexeddb';

/** When every import "happens": fixed, so every run plans the same records. */
const NOW = Date.UTC(2025, 0, 6, 9, 0, 0);
const IMPORT_STORES = ['packs', 'items', 'cards'] as const;
type ImportStore = (typeof IMPORT_STORES)[number];

// ---- inputs ------------------------------------------------------------------------------

interface Input {
  /** File name: its extension picks the parser. */
  name: string;
  text: string;
  /** Items the file must import (every step / node). */
  items: number;
}

function memoBySize<T>(make: (quick: boolean) => T): (options: BenchOptions) => T {
  const made = new Map<boolean, T>();
  return ({ quick }) => {
    if (!made.has(quick)) made.set(quick, make(quick));
    return made.get(quick)!;
  };
}

const checklistInput = memoBySize<Input>((quick) => {
  const items = quick ? CHECKLIST_STEPS.quick : CHECKLIST_STEPS.full;
  return { name: 'runbook.md', text: generateChecklist(items, FIXTURE_SEED), items };
});

const flowchartInput = memoBySize<Input>((quick) => {
  const items = quick ? FLOWCHART_NODES.quick : FLOWCHART_NODES.full;
  return { name: 'triage.mmd', text: generateFlowchart(items, FIXTURE_SEED), items };
});

/** What the app does with a file's text before writing: parse it and plan a first import. */
function parseAndPlan({ name, text, items }: Input): ImportPlan {
  const parsed = parseImportFile(name, text);
  if (!parsed.ok) throw new Error(`${name} did not parse: ${parsed.errors[0]?.message}`);
  if (parsed.pack.items.length !== items) throw new Error(`${name}: ${parsed.pack.items.length} items, expected ${items}`);
  return planImport(parsed.pack, null, NOW);
}

// ---- Mermaid: Kata's parser against Mermaid's -------------------------------------------

/** The parts of Mermaid's flowDb the baseline looks at. */
interface FlowDbView {
  getVertices(): Map<string, unknown>;
  getEdges(): unknown[];
}

interface MermaidApi {
  getDiagramFromText(text: string): Promise<{ type: string; db: unknown }>;
}

let mermaidApi: Promise<MermaidApi> | undefined;
/** Loads and configures Mermaid once, with the flowchart grammar already registered. */
function loadMermaid(): Promise<MermaidApi> {
  mermaidApi ??= (async () => {
    const { default: mermaid } = await import('mermaid');
    // maxEdges (default 500) and maxTextSize (default 50 000 characters) would refuse a
    // 5 000-node chart; both are "secure" keys, settable only here, not from a diagram.
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxEdges: 1_000_000, maxTextSize: 50_000_000 });
    const api = mermaid.mermaidAPI as unknown as MermaidApi;
    // Mermaid loads each diagram type's code on first use; do that here, untimed.
    await api.getDiagramFromText('flowchart TD\n  a --> b');
    return api;
  })();
  return mermaidApi;
}

interface MermaidState {
  input: Input;
  mermaid: MermaidApi;
}

const mermaidCase = defineBenchCase<Input, MermaidState>({
  name: 'mermaid: Kata parse vs Mermaid parse (5 000 nodes)',
  unit: 'ms',
  runs: 15,
  budget: { maxRatio: 0.1 },
  setup: flowchartInput,
  run(input) {
    const result = parseMermaidGraph(input.text, input.name);
    if (!result.ok) throw new Error(`Kata could not parse the chart: ${result.errors[0]?.message}`);
    if (result.graph.vertices.length !== input.items) throw new Error(`Kata read ${result.graph.vertices.length} nodes, expected ${input.items}`);
  },
  baseline: {
    name: 'mermaid.mermaidAPI.getDiagramFromText (flowDb)',
    setup: async (options) => ({ input: flowchartInput(options), mermaid: await loadMermaid() }),
    async run({ input, mermaid }) {
      const diagram = await mermaid.getDiagramFromText(input.text);
      const db = diagram.db as FlowDbView;
      const vertices = db.getVertices().size;
      if (vertices !== input.items) throw new Error(`Mermaid read ${vertices} nodes (${diagram.type}), expected ${input.items}`);
      if (db.getEdges().length < input.items - 1) throw new Error(`Mermaid read only ${db.getEdges().length} edges`);
    },
  },
});

// ---- import into IndexedDB: Kata against raw ----------------------------------------------

const SCHEMA_PROBE_DB = 'kata-bench-import-schema-probe';

let importShapes: Promise<Record<ImportStore, StoreShape>> | undefined;
/** The shapes of Kata's packs, items and cards stores, as Kata's own migrations create them. */
function kataImportShapes(): Promise<Record<ImportStore, StoreShape>> {
  importShapes ??= (async () => {
    await deleteDatabase(SCHEMA_PROBE_DB);
    (await openKataDb(SCHEMA_PROBE_DB)).close();
    const raw = await openExisting(SCHEMA_PROBE_DB);
    try {
      return Object.fromEntries(IMPORT_STORES.map((store) => [store, readStoreShape(raw, store)])) as Record<ImportStore, StoreShape>;
    } finally {
      raw.close();
      await deleteDatabase(SCHEMA_PROBE_DB);
    }
  })();
  return importShapes;
}

/** A new database (any old one of that name deleted) with the given stores. */
async function createDatabaseWithStores(name: string, shapes: Record<string, StoreShape>): Promise<IDBDatabase> {
  await deleteDatabase(name);
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    for (const [storeName, shape] of Object.entries(shapes)) {
      const store = request.result.createObjectStore(storeName, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
      for (const index of shape.indexes) {
        store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
    }
  };
  return requestToPromise(request);
}

function expectCounts(who: string, actual: Record<ImportStore, number>, plan: ImportPlan): void {
  const expected: Record<ImportStore, number> = { packs: 1, items: plan.items.length, cards: plan.cards.length };
  for (const store of IMPORT_STORES) {
    if (actual[store] !== expected[store]) throw new Error(`${who} stored ${actual[store]} ${store}, expected ${expected[store]}`);
  }
}

interface KataImportState {
  input: Input;
  db: KataDb;
  repositories: Repositories;
  /** Set by the timed run, checked in teardown. */
  plan?: ImportPlan;
}

interface RawImportState {
  plan: ImportPlan;
  db: IDBDatabase;
}

function importCase(name: string, input: (options: BenchOptions) => Input, slug: string): BenchCase {
  const kataDb = `kata-bench-import-${slug}`;
  const rawDb = `kata-bench-import-${slug}-raw`;
  // The baseline writes the records Kata's import writes; planned once per size, untimed.
  const plannedRecords = memoBySize((quick) => parseAndPlan(input({ quick })));
  return defineBenchCase<KataImportState, RawImportState>({
    name,
    unit: 'ms',
    runs: 7,
    budget: { maxRatio: 2 },
    async setup(options) {
      await deleteDatabase(kataDb);
      const db = await openKataDb(kataDb);
      return { input: input(options), db, repositories: createRepositories(db) };
    },
    async run(state) {
      const plan = parseAndPlan(state.input);
      state.plan = plan;
      await state.repositories.packs.savePackImport(plan.pack, plan.items, plan.cards);
    },
    async teardown({ db, repositories, plan }) {
      try {
        if (!plan) return;
        const counts = { packs: await repositories.packs.count(), items: await repositories.items.count(), cards: await repositories.cards.count() };
        expectCounts('Kata import', counts, plan);
      } finally {
        db.close();
        await deleteDatabase(kataDb);
      }
    },
    baseline: {
      name: 'raw IndexedDB put of the same records, one transaction',
      async setup(options) {
        const db = await createDatabaseWithStores(rawDb, await kataImportShapes());
        return { plan: plannedRecords(options), db };
      },
      run({ plan, db }) {
        const tx = db.transaction([...IMPORT_STORES], 'readwrite');
        tx.objectStore('packs').put(plan.pack);
        const items = tx.objectStore('items');
        for (const item of plan.items) items.put(item);
        const cards = tx.objectStore('cards');
        for (const card of plan.cards) cards.put(card);
        return transactionDone(tx);
      },
      async teardown({ plan, db }) {
        try {
          const counts = {
            packs: await countRecords(db, 'packs'),
            items: await countRecords(db, 'items'),
            cards: await countRecords(db, 'cards'),
          };
          expectCounts('raw IndexedDB', counts, plan);
        } finally {
          db.close();
          await deleteDatabase(rawDb);
        }
      },
    },
  });
}

export const benchCases = [
  mermaidCase,
  importCase('import: 10 000-step checklist into IndexedDB', checklistInput, 'checklist'),
  importCase('import: 5 000-node flowchart into IndexedDB', flowchartInput, 'flowchart'),
];
