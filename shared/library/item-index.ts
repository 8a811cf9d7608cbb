/**
 * A pack's PackItemIndex: its active items in reading order and the ones a
 * re-import changed. Kept on the pack record so the daily queue can order new
 * cards and find changed items without reading the items table (at 100 000
 * cards that read costs as much as the whole queue may).
 */
import type { ItemRecord, PackItemIndex } from '../model';

export function packItemIndex(items: readonly ItemRecord[]): PackItemIndex {
  const active = items.filter((item) => !item.retired).sort((a, b) => a.order - b.order);
  const changedAt: Record<string, number> = {};
  for (const item of active) if (item.changedAt !== undefined) changedAt[item.id] = item.changedAt;
  return { order: active.map((item) => item.id), changedAt };
}
