import type { PackSource } from '../../../shared/model';
import { InlineMarkdown } from '../../app/ui/InlineMarkdown';

/** An item of the scenario's pack as the person reads it (the one place simulate shows item text). */
export function ItemText({ pack, id }: { pack: PackSource; id: string | undefined }) {
  const item = id === undefined ? undefined : pack.items.find((candidate) => candidate.id === id);
  if (!item) return <span className="muted">(not in this version of the pack)</span>;
  return <InlineMarkdown text={item.text} />;
}

/** The rationale (`Why:`) of an item, if it has one. */
export function rationaleOf(pack: PackSource, id: string | undefined): string | undefined {
  return id === undefined ? undefined : pack.items.find((item) => item.id === id)?.rationale;
}
