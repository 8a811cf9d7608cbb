/**
 * Drill generation (practice.md): every item of a pack yields cards of the kinds
 * that fit it. Ids derive from pack, item and kind, so a re-import keeps them.
 * Prompts and answers are composed as inline trees from the items' trees: an item that
 * starts with a bold label, quoted in emphasis, still reads as written.
 */
import type { EdgeSource, InlineTree, ItemSource, PackSource } from '../model';
import type { CardSpec } from './card-spec';
import { pushTo } from '../group-by';
import {
  blankKey,
  emphasis,
  itemInline,
  joinTrees,
  normalizePlain,
  quoteInline,
  richInline,
  strong,
  text,
  withoutKeys,
} from '../text/inline-text';
import { branchCardId, cardId, sectionItemId } from './ids';

/** Options shown for a choice drill, the right one included. */
const MAX_CHOICES = 4;

/** All card specs for a pack, in reading order. */
export function generateCards(packId: string, pack: PackSource): CardSpec[] {
  if (pack.kind === 'qa') return pack.items.map((item) => qaCard(packId, item));
  if (pack.kind === 'tree') return treeCards(packId, pack);
  return checklistCards(packId, pack);
}

function qaCard(packId: string, item: ItemSource): CardSpec {
  return {
    id: cardId(packId, item.id, 'qa'),
    kind: 'qa',
    itemId: item.id,
    prompt: itemInline(item),
    answer: richInline(item.answer ?? '', item.answerInline),
  };
}

/** Lookups built once per pack, so per-item work stays constant. */
interface PackIndex {
  pack: PackSource;
  sectionTitles: Map<string, string>;
  itemsById: Map<string, ItemSource>;
}

function indexPack(pack: PackSource): PackIndex {
  return {
    pack,
    sectionTitles: new Map(pack.sections.map((s) => [s.id, s.title])),
    itemsById: new Map(pack.items.map((item) => [item.id, item])),
  };
}

function sectionTitle(index: PackIndex, sectionId: string | undefined): string {
  return (sectionId === undefined ? undefined : index.sectionTitles.get(sectionId)) ?? index.pack.title;
}

// An item is shown (as an answer, as another card's option) and read (to keep options
// apart) by several cards, up to a few per neighbour: both are computed once per item
// object. Items are not changed once parsed (a re-import remaps into new objects), and the
// trees handed out are never mutated, so cards may share them.
const shownTrees = new WeakMap<ItemSource, InlineTree>();
const readings = new WeakMap<ItemSource, string>();

/** An item's tree as an answer or an option: its key values unmarked. */
function shown(item: ItemSource): InlineTree {
  let tree = shownTrees.get(item);
  if (!tree) {
    tree = withoutKeys(itemInline(item));
    shownTrees.set(item, tree);
  }
  return tree;
}

/** An item's normalised plain reading: what makes two options read the same. */
function reading(item: ItemSource): string {
  let read = readings.get(item);
  if (read === undefined) {
    read = normalizePlain(item.text);
    readings.set(item, read);
  }
  return read;
}

/** An item quoted inside a prompt, set off in emphasis. */
function quoted(item: ItemSource, max?: number): InlineTree {
  return [emphasis(quoteInline(itemInline(item), max))];
}

function checklistCards(packId: string, pack: PackSource): CardSpec[] {
  const cards: CardSpec[] = [];
  const index = indexPack(pack);
  const groups = new Map<string, ItemSource[]>();
  for (const item of pack.items) pushTo(groups, `${item.sectionId ?? ''}\u0000${item.parentId ?? ''}`, item);
  for (const siblings of groups.values()) {
    siblings.forEach((item, i) => cards.push(...stepCards(packId, index, item, siblings[i - 1], siblings)));
    const first = siblings[0];
    if (siblings.length >= 3 && first && !first.parentId) {
      const itemId = sectionItemId(first.sectionId);
      const steps = siblings.map(shown);
      cards.push({
        id: cardId(packId, itemId, 'sequence'),
        kind: 'sequence',
        itemId,
        sectionId: first.sectionId,
        prompt: [text('Put the steps of '), emphasis([text(sectionTitle(index, first.sectionId))]), text(' in order.')],
        answer: joinTrees(steps.map((step, i) => [text(`${i + 1}. `), ...step])),
        sequence: steps,
      });
    }
  }
  return cards;
}

function stepCards(packId: string, index: PackIndex, item: ItemSource, previous: ItemSource | undefined, siblings: ItemSource[]): CardSpec[] {
  const cards: CardSpec[] = [];
  const section = sectionTitle(index, item.sectionId);
  const parent = item.parentId ? index.itemsById.get(item.parentId) : undefined;
  const where: InlineTree = parent
    ? [emphasis([text(section)]), text(', within '), ...quoted(parent, 60)]
    : [emphasis([text(section)])];
  const position: InlineTree = previous ? [text(', after '), ...quoted(previous), text(', what comes next?')] : [text(', what is the first step?')];
  const answer = shown(item);
  const kind = item.memory ? 'memory' : 'next-step';
  cards.push({
    id: cardId(packId, item.id, kind),
    kind,
    itemId: item.id,
    sectionId: item.sectionId,
    prompt: [text(item.memory ? 'Memory item — in ' : 'In '), ...where, ...position],
    answer,
    choices: item.memory ? undefined : pickChoices(item, previous ? [previous] : [], siblings),
  });
  item.keyValues.forEach((value, n) => {
    const blanked = blankKey(itemInline(item), n);
    if (blanked === null) return;
    cards.push({
      id: cardId(packId, item.id, 'cloze', n),
      kind: 'cloze',
      itemId: item.id,
      sectionId: item.sectionId,
      prompt: [text('In '), emphasis([text(section)]), text(': '), ...blanked],
      answer: [text(value)],
      cloze: value,
    });
  });
  if (item.rationale) {
    cards.push({
      id: cardId(packId, item.id, 'why'),
      kind: 'why',
      itemId: item.id,
      sectionId: item.sectionId,
      prompt: [text('Why: '), ...quoted(item), text('?')],
      answer: richInline(item.rationale, item.rationaleInline),
    });
  }
  return cards;
}

function treeCards(packId: string, pack: PackSource): CardSpec[] {
  const cards: CardSpec[] = [];
  const byId = new Map(pack.items.map((item) => [item.id, item]));
  const outgoing = new Map<string, EdgeSource[]>();
  const incoming = new Map<string, EdgeSource[]>();
  for (const edge of pack.edges) {
    pushTo(outgoing, edge.from, edge);
    pushTo(incoming, edge.to, edge);
  }
  // Distractors are things one can be sent to: nodes some edge leads to (never the start).
  const allTargets = pack.items.filter((i) => incoming.has(i.id));
  const targetsOf = (edges: readonly EdgeSource[]): ItemSource[] =>
    edges.map((edge) => byId.get(edge.to)).filter((target): target is ItemSource => target !== undefined);
  for (const item of pack.items) {
    const edges = outgoing.get(item.id) ?? [];
    if (item.kind === 'decision') {
      edges.forEach((edge, index) => {
        const target = byId.get(edge.to);
        if (!target) return;
        const label = edge.label ? strong([text(edge.label.replace(/\s*\n\s*/g, ' '))]) : text(`answer ${index + 1}`);
        cards.push({
          id: branchCardId(packId, item.id, edge, index),
          kind: 'branch',
          itemId: item.id,
          sectionId: item.sectionId,
          prompt: [...quoted(item), text(' — '), label, text('. What now?')],
          answer: shown(target),
          choices: pickChoices(target, [item], targetsOf(edges), allTargets),
        });
      });
    } else if (item.kind === 'action' && edges[0] && byId.get(edges[0].to)) {
      const next = byId.get(edges[0].to) as ItemSource;
      cards.push({
        id: cardId(packId, item.id, 'next-step'),
        kind: 'next-step',
        itemId: item.id,
        sectionId: item.sectionId,
        prompt: [text('After '), ...quoted(item), text(', what comes next?')],
        answer: shown(next),
        choices: pickChoices(next, [item], allTargets),
      });
    } else if (item.kind === 'outcome') {
      const ways = (incoming.get(item.id) ?? [])
        .map((edge): InlineTree | undefined => {
          const from = byId.get(edge.from);
          if (!from) return undefined;
          const way = quoteInline(itemInline(from));
          return edge.label ? [...way, text(` — ${edge.label.replace(/\s*\n\s*/g, ' ')}`)] : way;
        })
        .filter((way): way is InlineTree => way !== undefined && way.length > 0);
      if (ways.length === 0) continue;
      cards.push({
        id: cardId(packId, item.id, 'reverse'),
        kind: 'reverse',
        itemId: item.id,
        sectionId: item.sectionId,
        prompt: [text('What situation leads to '), ...quoted(item), text('?')],
        answer: joinTrees(ways),
      });
    }
    if (item.rationale) {
      cards.push({
        id: cardId(packId, item.id, 'why'),
        kind: 'why',
        itemId: item.id,
        sectionId: item.sectionId,
        prompt: [text('Why does it matter: '), ...quoted(item), text('?')],
        answer: richInline(item.rationale, item.rationaleInline),
      });
    }
  }
  return cards;
}

/**
 * Up to MAX_CHOICES options including the answer, taken from the pools in order,
 * deterministically, and fair: no option is the item the card asks about (`asked`: the
 * decision of a branch card, the step a next-step card starts from) or reads like it, and
 * no two options read the same (normalised plain text), so only one option can be right.
 */
function pickChoices(answer: ItemSource, asked: readonly ItemSource[], ...pools: readonly ItemSource[][]): InlineTree[] | undefined {
  const excludedIds = new Set(asked.map((item) => item.id));
  const taken = new Set([reading(answer), ...asked.map(reading)]);
  const options: ItemSource[] = [answer];
  for (const pool of pools) {
    for (const option of pool) {
      if (options.length >= MAX_CHOICES) break;
      const read = reading(option);
      if (read === '' || option.id === answer.id || excludedIds.has(option.id) || taken.has(read)) continue;
      taken.add(read);
      options.push(option);
    }
  }
  if (options.length < 2) return undefined;
  // Rotate by a hash of the answer so the right option is not always first.
  const shift = [...answer.text].reduce((sum, ch) => (sum + ch.charCodeAt(0)) % options.length, 0);
  const rotated = [...options.slice(shift), ...options.slice(0, shift)];
  return rotated.map(shown);
}

/** Counts of cards by kind, for previews. */
export function countCardsByKind(cards: readonly CardSpec[]): Partial<Record<CardSpec['kind'], number>> {
  const counts: Partial<Record<CardSpec['kind'], number>> = {};
  for (const card of cards) counts[card.kind] = (counts[card.kind] ?? 0) + 1;
  return counts;
}
