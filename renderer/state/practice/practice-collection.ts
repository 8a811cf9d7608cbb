/**
 * What a practice session is built from, read in a bounded number of queries
 * whatever the size of the collection: the active packs; the cards the session
 * can show (for the daily plan, only the unsuspended cards due by the end of the
 * study day, those of items a re-import changed and those answered today); the
 * recent answers; and the facts the start panel shows (next due; the streak is
 * counted once the panel shows, day by day, as it is no part of the queue). Items
 * are read per pack, when a card of that pack is about to be shown: the queue
 * itself needs only each pack's `itemIndex`. Card specs (what each card asks) are
 * not stored: they are regenerated from the stored pack and its items with the
 * same generateCards the import used, and cached per pack import.
 */
import { generateCards } from '../../../shared/drills/generate-cards';
import type { DrillKind } from '../../../shared/drills/drill-kind';
import { drillKindOf } from '../../../shared/drills/drill-kind';
import { itemKey } from '../../../shared/drills/ids';
import { memoryTimeLimitMs } from '../../../shared/drills/memory-limit';
import type { CardSpec } from '../../../shared/drills/card-spec';
import { packItemIndex } from '../../../shared/library/item-index';
import { packSourceOf } from '../../../shared/library/pack-source';
import type { CardKind, CardRecord, ItemRecord, PackItemIndex, PackRecord, ReviewEvent } from '../../../shared/model';
import type { StudyDay } from '../../../shared/schedule/day';
import { DAY_MS } from '../../../shared/schedule/day';
import type { QueueItem } from '../../../shared/schedule/queue';
import type { Repositories } from '../../storage/index';
import type { SessionRequest } from './practice-request';

export type PracticeRepositories = Pick<Repositories, 'packs' | 'items' | 'cards' | 'events'>;

/**
 * How many of the latest answers are read: enough for the average answer time (the
 * last 200) and the usual response time per kind (the last 50 correct of each).
 */
export const RECENT_EVENTS = 2_000;

/** The loaded collection. Mutated in place by the store as answers are committed or undone. */
export interface Collection {
  /** Active packs, by title. */
  packs: PackRecord[];
  packById: Map<string, PackRecord>;
  /**
   * The cards the session may need: every unsuspended card due by the end of the study day,
   * the cards of changed items and of today's answers, and — for "this pack now" the pack's,
   * for "my weakest cards" all — unsuspended cards. Answered cards are updated in place.
   */
  cards: Map<string, CardRecord>;
  /** What the queue knows of the active packs' items (reading order, changes), by item key. */
  queueItems: Map<string, QueueItem>;
  /** Items of the packs read so far (ensurePackItems), retired ones too, by key. */
  items: Map<string, ItemRecord>;
  /** The same items per pack, in reading order. */
  packItems: Map<string, ItemRecord[]>;
  /** The RECENT_EVENTS latest answers before the load, all of today's, and every answer since: oldest first. */
  events: ReviewEvent[];
  /** The kind of every loaded card (for events written before events carried their kind). */
  kindOfCard: Map<string, CardKind>;
  /** The study day of the load (its number, and when it began and ends). */
  day: StudyDay;
  /**
   * Consecutive study days with an answer ending the day before `day`; null until counted.
   * The streak is no part of the queue, so it is counted after the load (`countStreak`).
   */
  streakBefore: number | null;
  /**
   * Counts `streakBefore` (once; later calls return the same promise), settling when it is
   * counted or could not be (it then stays null). The store starts it once the start panel
   * shows, so its day-by-day reads do not slow the queue down.
   */
  countStreak(): Promise<void>;
  /** The earliest-due studied, unsuspended card due after `day.end` (cards due later are not loaded). */
  nextDueBeyond: CardRecord | undefined;
}

/** A pack's item index: the stored one, or one made from its items for a pack written without it. */
async function itemIndexOf(repos: PracticeRepositories, pack: PackRecord): Promise<PackItemIndex> {
  return pack.itemIndex ?? packItemIndex(await repos.items.byPack(pack.id));
}

/**
 * Consecutive study days with an answer, ending the day before the one starting at
 * `dayStart`: asks about a few days at a time (one key per day), going back until a day has none.
 */
export async function streakBefore(repos: PracticeRepositories, dayStart: number): Promise<number> {
  let streak = 0;
  for (let batch = 30; ; batch = 400) {
    const windows = Array.from({ length: batch }, (_, i): [number, number] => {
      const end = dayStart - (streak + i) * DAY_MS;
      return [end - DAY_MS, end];
    });
    const active = await repos.events.anyIn(windows);
    const gap = active.indexOf(false);
    if (gap >= 0) return streak + gap;
    streak += batch;
  }
}

/** The cards "this pack now" needs beyond the daily ones. */
function requestCards(repos: PracticeRepositories, request: SessionRequest): Promise<CardRecord[]> {
  if (request.mode === 'pack') return repos.cards.unsuspendedInPack(request.packId);
  if (request.mode === 'cards') return repos.cards.getMany(request.ids).then((cards) => cards.filter((card): card is CardRecord => card !== undefined));
  return Promise.resolve([]);
}

/**
 * Reads what a session of `request` needs on study day `day` (see the file comment). Every read
 * starts as soon as what it depends on is there, so the small ones run beside the due range.
 */
export async function loadCollection(repos: PracticeRepositories, request: SessionRequest, day: StudyDay): Promise<Collection> {
  const packsRead = repos.packs.listActive();
  const indexesRead = packsRead.then((packs) => Promise.all(packs.map((pack) => itemIndexOf(repos, pack))));
  // Changed items' cards are due now whatever their date, and today's answered cards bury their
  // siblings: both may be due later than today, so they are read by item and by id.
  const changedRead = Promise.all([packsRead, indexesRead]).then(([packs, indexes]) =>
    repos.cards.byItems(packs.flatMap((pack, p) => Object.keys((indexes[p] as PackItemIndex).changedAt).map((id) => itemKey(pack.id, id)))),
  );
  const todaysRead = repos.events.between(day.start, Number.POSITIVE_INFINITY);
  const answeredRead = todaysRead.then((todays) => repos.cards.getMany([...new Set(todays.map((event) => event.cardId))]));
  const [packs, indexes, dueBy, extra, ofChanged, todays, answered, recent, beyond] = await Promise.all([
    packsRead,
    indexesRead,
    // "My weakest cards" ranks every unsuspended card: one read of the whole range holds today's too.
    repos.cards.unsuspendedDueBy(request.mode === 'weakest' ? Number.POSITIVE_INFINITY : day.end),
    requestCards(repos, request),
    changedRead,
    todaysRead,
    answeredRead,
    repos.events.latest(RECENT_EVENTS),
    repos.cards.firstStudiedDueAfter(day.end),
  ]);

  const packById = new Map(packs.map((pack) => [pack.id, pack]));
  const queueItems = new Map<string, QueueItem>();
  packs.forEach((pack, p) => {
    const index = indexes[p] as PackItemIndex;
    index.order.forEach((id, order) => {
      const key = itemKey(pack.id, id);
      const changedAt = index.changedAt[id];
      queueItems.set(key, changedAt === undefined ? { key, order } : { key, order, changedAt });
    });
  });
  const cards = new Map<string, CardRecord>();
  const kindOfCard = new Map<string, CardKind>();
  const add = (card: CardRecord | undefined): void => {
    if (!card || !packById.has(card.packId)) return;
    cards.set(card.id, card);
    kindOfCard.set(card.id, card.kind);
  };
  for (const card of dueBy) add(card);
  for (const card of extra) add(card);
  for (const card of answered) add(card);
  for (const card of ofChanged) if (card.suspended === 0) add(card);
  let counting: Promise<void> | undefined;
  const collection: Collection = {
    packs,
    packById,
    cards,
    queueItems,
    items: new Map(),
    packItems: new Map(),
    events: [...recent.filter((event) => event.at < day.start), ...todays],
    kindOfCard,
    day,
    streakBefore: null,
    countStreak() {
      counting ??= streakBefore(repos, day.start).then(
        (streak) => {
          collection.streakBefore = streak;
        },
        // An unreadable streak is shown as unknown; it never stops practice.
        () => undefined,
      );
      return counting;
    },
    nextDueBeyond: beyond,
  };
  return collection;
}

const pendingItems = new WeakMap<Collection, Map<string, Promise<void>>>();

/** Reads the items of `packId` into the collection once (cards of the pack can then be shown). */
export function ensurePackItems(repos: PracticeRepositories, c: Collection, packId: string): Promise<void> {
  if (c.packItems.has(packId)) return Promise.resolve();
  let pending = pendingItems.get(c);
  if (!pending) {
    pending = new Map();
    pendingItems.set(c, pending);
  }
  let loading = pending.get(packId);
  if (!loading) {
    const started = repos.items.byPack(packId).then(
      (items) => {
        c.packItems.set(packId, items);
        for (const item of items) c.items.set(item.key, item);
      },
      (error: unknown) => {
        // A failed read is tried again the next time a card of the pack is about to be shown.
        pending?.delete(packId);
        throw error;
      },
    );
    pending.set(packId, started);
    loading = started;
  }
  return loading;
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

/** Every item of one pack in the collection (empty until ensurePackItems has read them). */
export function itemsOfPack(collection: Collection, packId: string): ItemRecord[] {
  return [...(collection.packItems.get(packId) ?? [])];
}

/** Where a card comes from in its file, for "show source". */
export interface SourceRef {
  fileName: string;
  path?: string;
  line?: number;
  section?: string;
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
  // Specs made from no items would be cached as the pack's: a caller that forgot ensurePackItems must fail loudly.
  if (!collection.packItems.has(pack.id)) throw new Error(`practiceCard: the items of pack ${pack.id} are not read yet`);
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
