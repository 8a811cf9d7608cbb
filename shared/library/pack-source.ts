/** From stored records back to what a parser produced: card generation and simulations start from it. */
import type { ItemRecord, PackRecord, PackSource } from '../model';

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
