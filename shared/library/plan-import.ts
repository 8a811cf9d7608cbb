/**
 * Turns a parsed source into the records an import writes, and — on re-import —
 * the diff against what is stored (formats.md, "Re-import keeps history").
 * Pure: the renderer shows the plan as a preview and writes it in one transaction.
 */
import { countCardsByKind, generateCards } from '../drills/generate-cards';
import type { CardSpec } from '../drills/card-spec';
import { itemKey } from '../drills/ids';
import type { CardRecord, ItemRecord, ItemSource, ListReading, PackRecord, PackSource } from '../model';
import { newCardState } from '../schedule/card-state';
import { packItemIndex } from './item-index';
import { matchItems } from './match-items';

export interface StoredPack {
  pack: PackRecord;
  items: ItemRecord[];
  cards: CardRecord[];
}

export interface ChangedItem {
  before: ItemRecord;
  after: ItemRecord;
}

export interface ImportDiff {
  added: ItemRecord[];
  changed: ChangedItem[];
  retired: ItemRecord[];
  unchanged: number;
}

export interface ImportPlan {
  pack: PackRecord;
  /** Items to write: new, matched (under their stored ids) and newly retired. Items retired earlier stay as stored. */
  items: ItemRecord[];
  /** Cards to write: new ones, revived ones, and suspended ones of retired items. */
  cards: CardRecord[];
  specs: CardSpec[];
  /** Null on a first import. */
  diff: ImportDiff | null;
}

/** The pack id of a source: its front-matter `id`, else a slug of its file name. */
export function packIdFor(source: Pick<PackSource, 'meta' | 'sourceName'>): string {
  if (source.meta.id) return source.meta.id;
  const base = source.sourceName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'pack';
}

export interface ImportOrigin {
  /** Full path of the file, where the platform knows it. */
  sourcePath?: string;
  /** hashText() of the file's text. */
  sourceHash?: string;
  /** The person's readings of the file's lists (import review), kept with the pack for its re-imports. */
  listChoices?: Record<string, ListReading>;
}

/** Plans writing `source` as a new pack, or over `stored` as a re-import that keeps history. */
export function planImport(source: PackSource, stored: StoredPack | null, now: number, origin: ImportOrigin = {}): ImportPlan {
  const sourcePath = origin.sourcePath ?? stored?.pack.sourcePath;
  const packId = stored?.pack.id ?? packIdFor(source);
  const match = matchItems(stored?.items ?? [], source.items);
  const storedById = new Map((stored?.items ?? []).map((item) => [item.id, item]));
  const idMap = new Map<string, string>(source.items.map((item) => [item.id, item.id]));
  for (const m of match.matches) idMap.set(m.newId, m.storedId);
  const changedIds = new Set(match.matches.filter((m) => m.changed).map((m) => m.storedId));

  const remapped = remapSource(source, idMap);
  const items: ItemRecord[] = remapped.items.map((item) => {
    const before = storedById.get(item.id);
    const changedAt = changedIds.has(item.id) ? now : before?.changedAt;
    return {
      ...item,
      key: itemKey(packId, item.id),
      packId,
      retired: false,
      ...(changedAt === undefined ? {} : { changedAt }),
    };
  });
  const retiredItems = match.retired.map((id) => ({ ...(storedById.get(id) as ItemRecord), retired: true }));

  const specs = generateCards(packId, remapped);
  const cards = planCards(packId, specs, stored?.cards ?? [], now);

  const pack: PackRecord = {
    id: packId,
    title: source.title,
    kind: source.kind,
    format: source.format,
    sourceName: source.sourceName,
    ...(sourcePath ? { sourcePath } : {}),
    ...(origin.sourceHash ? { sourceHash: origin.sourceHash } : {}),
    ...(origin.listChoices && Object.keys(origin.listChoices).length > 0 ? { listChoices: origin.listChoices } : {}),
    meta: source.meta,
    sections: remapped.sections,
    edges: remapped.edges,
    ...(remapped.rootId ? { rootId: remapped.rootId } : {}),
    status: stored?.pack.status ?? 'active',
    createdAt: stored?.pack.createdAt ?? now,
    importedAt: now,
    itemCount: items.length,
    cardCount: specs.length,
    cardKinds: countCardsByKind(specs),
    itemIndex: packItemIndex(items),
  };

  const diff: ImportDiff | null = stored
    ? {
        added: items.filter((item) => !storedById.has(item.id)),
        changed: items
          .filter((item) => changedIds.has(item.id))
          .map((after) => ({ before: storedById.get(after.id) as ItemRecord, after })),
        retired: retiredItems,
        unchanged: match.matches.filter((m) => !m.changed).length,
      }
    : null;
  return { pack, items: [...items, ...retiredItems], cards, specs, diff };
}

/** Renames matched items to their stored ids everywhere they are referenced. */
function remapSource(source: PackSource, idMap: Map<string, string>): PackSource {
  const id = (value: string): string => idMap.get(value) ?? value;
  const items: ItemSource[] = source.items.map((item) => ({
    ...item,
    id: id(item.id),
    ...(item.parentId ? { parentId: id(item.parentId) } : {}),
  }));
  return {
    ...source,
    items,
    edges: source.edges.map((edge) => ({ ...edge, from: id(edge.from), to: id(edge.to) })),
    ...(source.rootId ? { rootId: id(source.rootId) } : {}),
  };
}

/**
 * New specs get new cards; existing cards keep their FSRS state. Cards no spec asks
 * for any more (a retired item, a removed rationale) are suspended, never deleted.
 */
function planCards(packId: string, specs: CardSpec[], storedCards: CardRecord[], now: number): CardRecord[] {
  const storedById = new Map(storedCards.map((card) => [card.id, card]));
  const wanted = new Set(specs.map((spec) => spec.id));
  const cards: CardRecord[] = [];
  for (const spec of specs) {
    const existing = storedById.get(spec.id);
    if (existing) {
      if (existing.suspended === 1 && existing.retiredBySource) {
        const { retiredBySource: _dropped, ...revived } = existing;
        cards.push({ ...revived, suspended: 0 });
      }
      continue;
    }
    cards.push({
      ...newCardState(now),
      id: spec.id,
      packId,
      itemKey: itemKey(packId, spec.itemId),
      kind: spec.kind,
      suspended: 0,
      buriedUntil: 0,
      createdAt: now,
    });
  }
  for (const card of storedCards) {
    if (!wanted.has(card.id) && card.suspended === 0) cards.push({ ...card, suspended: 1, retiredBySource: true });
  }
  return cards;
}
