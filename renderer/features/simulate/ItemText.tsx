import type { ItemSource, PackSource } from '../../../shared/model';
import { InlineText } from '../../app/ui/InlineText';
import { itemInline } from '../../../shared/text/inline-text';

/** Each pack's items by id, made once per pack object (a run renders many item texts per step). */
const indexes = new WeakMap<PackSource, Map<string, ItemSource>>();

/** The item `id` of `pack`, looked up in an index built once per pack. */
export function itemOf(pack: PackSource, id: string | undefined): ItemSource | undefined {
  if (id === undefined) return undefined;
  let index = indexes.get(pack);
  if (!index) {
    index = new Map(pack.items.map((item) => [item.id, item]));
    indexes.set(pack, index);
  }
  return index.get(id);
}

/** An item of the scenario's pack as the person reads it (the one place simulate shows item text). */
export function ItemText({ pack, id }: { pack: PackSource; id: string | undefined }) {
  const item = itemOf(pack, id);
  if (!item) return <span className="muted">(not in this version of the pack)</span>;
  return <InlineText tree={itemInline(item)} />;
}
