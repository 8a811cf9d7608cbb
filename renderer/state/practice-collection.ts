/**
 * What a practice session is built from: the active packs, their cards and
 * items, recent review events, and the card specs (what each card asks). Specs
 * are not stored: they are regenerated from the stored pack and its items with
 * the same generateCards the import used, and cached per pack import.
 */
import { generateCards } from '../../shared/drills/generate-cards';
import type { CardSpec } from '../../shared/drills/card-spec';
import type { CardKind, CardRecord, ItemRecord, PackRecord, PackSource, ReviewEvent } from '../../shared/model';
import { DAY_MS } from '../../shared/schedule/day';
import type { Repositories } from '../storage/index';

export type PracticeRepositories = Pick<Repositories, 'packs' | 'items' | 'cards' | 'events'>;

/**
 * How far back events are read: enough for the usual response times (the last 50
 * per kind), the average answer time and a streak of up to a year.
 */
export const EVENT_HISTORY_DAYS = 400;

/** The loaded collection. Mutated in place by the store as answers are committed or undone. */
export interface Collection {
  /** Active packs, by title. */
  packs: PackRecord[];
  packById: Map<string, PackRecord>;
  /** Cards of the active packs. */
  cards: Map<string, CardRecord>;
  /** Items of the active packs (retired ones too), by key. */
  items: Map<string, ItemRecord>;
  /** Events since EVENT_HISTORY_DAYS ago, oldest first. */
  events: ReviewEvent[];
  /** The kind of every card that has events (archived packs' too), for usual times per kind. */
  kindOfCard: Map<string, CardKind>;
}

/** Reads everything a session needs, in a handful of queries. */
export async function loadCollection(repos: PracticeRepositories, now: number): Promise<Collection> {
  const [packs, allCards, events] = await Promise.all([
    repos.packs.listActive(),
    repos.cards.all(),
    repos.events.between(now - EVENT_HISTORY_DAYS * DAY_MS, Number.POSITIVE_INFINITY),
  ]);
  const itemLists = await Promise.all(packs.map((pack) => repos.items.byPack(pack.id)));
  const packById = new Map(packs.map((pack) => [pack.id, pack]));
  return {
    packs,
    packById,
    cards: new Map(allCards.filter((card) => packById.has(card.packId)).map((card) => [card.id, card])),
    items: new Map(itemLists.flat().map((item) => [item.key, item])),
    events,
    kindOfCard: new Map(allCards.map((card) => [card.id, card.kind])),
  };
}

/** The pack as its parser produced it, rebuilt from the stored records (retired items left out). */
export function packSourceOf(pack: PackRecord, items: readonly ItemRecord[]): PackSource {
  const source: PackSource = {
    title: pack.title,
    kind: pack.kind,
    format: pack.format,
    sourceName: pack.sourceName,
    meta: pack.meta,
    sections: pack.sections,
    edges: pack.edges,
    items: items
      .filter((item) => !item.retired)
      .sort((a, b) => a.order - b.order)
      .map(({ key: _key, packId: _packId, retired: _retired, changedAt: _changedAt, ...item }) => item),
  };
  if (pack.rootId !== undefined) source.rootId = pack.rootId;
  return source;
}

/** Card specs per pack, regenerated only when the pack is re-imported (`importedAt` changes). */
export class SpecCache {
  private readonly byPack = new Map<string, { importedAt: number; specs: Map<string, CardSpec> }>();

  /** The spec of `cardId` in `pack`, or undefined when the pack no longer asks for it. */
  spec(pack: PackRecord, cardId: string, items: () => readonly ItemRecord[]): CardSpec | undefined {
    let cached = this.byPack.get(pack.id);
    if (!cached || cached.importedAt !== pack.importedAt) {
      const specs = generateCards(pack.id, packSourceOf(pack, items()));
      cached = { importedAt: pack.importedAt, specs: new Map(specs.map((spec) => [spec.id, spec])) };
      this.byPack.set(pack.id, cached);
    }
    return cached.specs.get(cardId);
  }
}

/** Items grouped by pack, per loaded item map (items do not change while a collection is loaded). */
const itemsByPack = new WeakMap<ReadonlyMap<string, ItemRecord>, Map<string, ItemRecord[]>>();

/** Every item of one pack in the collection (grouped once per collection, not on every card shown). */
export function itemsOfPack(collection: Collection, packId: string): ItemRecord[] {
  let grouped = itemsByPack.get(collection.items);
  if (!grouped) {
    grouped = new Map();
    for (const item of collection.items.values()) {
      const list = grouped.get(item.packId);
      if (list) list.push(item);
      else grouped.set(item.packId, [item]);
    }
    itemsByPack.set(collection.items, grouped);
  }
  return [...(grouped.get(packId) ?? [])];
}

/** How a card is answered on screen. */
export type DrillKind = 'sequence' | 'choice' | 'cloze' | 'memory' | 'reveal';

/** Objective drills are graded automatically; `reveal` ones by the person. */
export function drillKindOf(spec: CardSpec): DrillKind {
  switch (spec.kind) {
    case 'sequence':
      return (spec.sequence?.length ?? 0) >= 2 ? 'sequence' : 'reveal';
    case 'next-step':
    case 'branch':
      return (spec.choices?.length ?? 0) >= 2 ? 'choice' : 'reveal';
    case 'cloze':
      return spec.cloze || spec.answer ? 'cloze' : 'reveal';
    case 'memory':
      return 'memory';
    default:
      return 'reveal';
  }
}

/** Where a card comes from in its file, for "show source". */
export interface SourceRef {
  fileName: string;
  path?: string;
  line?: number;
  section?: string;
}

/** Memory items without a pack time limit get this long each. */
export const MEMORY_DEFAULT_LIMIT_MS = 20_000;
const MEMORY_MIN_LIMIT_MS = 10_000;
const MEMORY_MAX_LIMIT_MS = 60_000;

/**
 * The clock for one memory item: the pack's `time_limit` shared among its memory
 * items (they are the part done from recall, under pressure), kept between 10 s
 * and 60 s so a long budget does not remove the pressure and a short one leaves
 * time to type; 20 s when the pack sets no limit.
 */
export function memoryTimeLimitMs(pack: PackRecord, memoryItems: number): number {
  const budget = pack.meta.timeLimitMs;
  if (!budget || budget <= 0 || memoryItems <= 0) return MEMORY_DEFAULT_LIMIT_MS;
  const share = Math.round(budget / memoryItems / 1000) * 1000;
  return Math.min(MEMORY_MAX_LIMIT_MS, Math.max(MEMORY_MIN_LIMIT_MS, share));
}

/** One card ready to show: its stored state, what it asks, and where it comes from. */
export interface PracticeCard {
  record: CardRecord;
  spec: CardSpec;
  pack: PackRecord;
  /** The item drilled (undefined for a section's sequence card). */
  item?: ItemRecord;
  drill: DrillKind;
  source: SourceRef;
  /** Memory items only. */
  timeLimitMs?: number;
}

/** Assembles the card to show, or undefined when its pack or spec is gone (it is then skipped). */
export function practiceCard(collection: Collection, specs: SpecCache, record: CardRecord): PracticeCard | undefined {
  const pack = collection.packById.get(record.packId);
  if (!pack) return undefined;
  const spec = specs.spec(pack, record.id, () => itemsOfPack(collection, pack.id));
  if (!spec) return undefined;
  const item = collection.items.get(record.itemKey);
  const sectionId = spec.sectionId ?? item?.sectionId;
  const section = sectionId === undefined ? undefined : pack.sections.find((s) => s.id === sectionId);
  const source: SourceRef = { fileName: pack.sourceName };
  if (pack.sourcePath) source.path = pack.sourcePath;
  const line = item?.line ?? section?.line;
  if (line !== undefined) source.line = line;
  if (section) source.section = section.title;
  const drill = drillKindOf(spec);
  const card: PracticeCard = { record, spec, pack, drill, source };
  if (item) card.item = item;
  if (drill === 'memory') {
    const memoryItems = itemsOfPack(collection, pack.id).filter((i) => i.memory && !i.retired).length;
    card.timeLimitMs = memoryTimeLimitMs(pack, memoryItems);
  }
  return card;
}
