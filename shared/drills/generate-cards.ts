/**
 * Drill generation (practice.md): every item of a pack yields cards of the kinds
 * that fit it. Ids derive from pack, item and kind, so a re-import keeps them.
 */
import type { EdgeSource, ItemSource, PackSource } from '../model';
import type { CardSpec } from './card-spec';
import { blankKeyValue, quote, withoutKeyMarkers } from './item-text';
import { pushTo } from '../group-by';
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
  return { id: cardId(packId, item.id, 'qa'), kind: 'qa', itemId: item.id, prompt: item.text, answer: item.answer ?? '' };
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

function checklistCards(packId: string, pack: PackSource): CardSpec[] {
  const cards: CardSpec[] = [];
  const index = indexPack(pack);
  const groups = new Map<string, ItemSource[]>();
  for (const item of pack.items) pushTo(groups, `${item.sectionId ?? ''}\u0000${item.parentId ?? ''}`, item);
  for (const siblings of groups.values()) {
    const texts = siblings.map((s) => withoutKeyMarkers(s.text));
    siblings.forEach((item, i) => cards.push(...stepCards(packId, index, item, siblings[i - 1], texts)));
    const first = siblings[0];
    if (siblings.length >= 3 && first && !first.parentId) {
      const itemId = sectionItemId(first.sectionId);
      cards.push({
        id: cardId(packId, itemId, 'sequence'),
        kind: 'sequence',
        itemId,
        sectionId: first.sectionId,
        prompt: `Put the steps of *${sectionTitle(index, first.sectionId)}* in order.`,
        answer: texts.map((text, i) => `${i + 1}. ${text}`).join('\n'),
        sequence: texts,
      });
    }
  }
  return cards;
}

function stepCards(
  packId: string,
  index: PackIndex,
  item: ItemSource,
  previous: ItemSource | undefined,
  siblingTexts: string[],
): CardSpec[] {
  const cards: CardSpec[] = [];
  const section = sectionTitle(index, item.sectionId);
  const parent = item.parentId ? index.itemsById.get(item.parentId) : undefined;
  const where = parent ? `*${section}*, within *${quote(parent.text, 60)}*` : `*${section}*`;
  const position = previous ? `after *${quote(previous.text)}*, what comes next?` : 'what is the first step?';
  const answer = withoutKeyMarkers(item.text);
  const kind = item.memory ? 'memory' : 'next-step';
  cards.push({
    id: cardId(packId, item.id, kind),
    kind,
    itemId: item.id,
    sectionId: item.sectionId,
    prompt: item.memory ? `Memory item — in ${where}, ${position}` : `In ${where}, ${position}`,
    answer,
    choices: item.memory ? undefined : pickChoices(answer, siblingTexts),
  });
  item.keyValues.forEach((value, n) => {
    const blanked = blankKeyValue(item.text, value, n);
    if (blanked === null) return;
    cards.push({
      id: cardId(packId, item.id, 'cloze', n),
      kind: 'cloze',
      itemId: item.id,
      sectionId: item.sectionId,
      prompt: `In *${section}*: ${blanked}`,
      answer: value,
      cloze: value,
    });
  });
  if (item.rationale) {
    cards.push({
      id: cardId(packId, item.id, 'why'),
      kind: 'why',
      itemId: item.id,
      sectionId: item.sectionId,
      prompt: `Why: *${quote(item.text)}*?`,
      answer: item.rationale,
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
  const allTargets = pack.items.filter((i) => incoming.has(i.id)).map((i) => withoutKeyMarkers(i.text));
  for (const item of pack.items) {
    const edges = outgoing.get(item.id) ?? [];
    if (item.kind === 'decision') {
      edges.forEach((edge, index) => {
        const target = byId.get(edge.to);
        if (!target) return;
        const answer = withoutKeyMarkers(target.text);
        const label = edge.label ? `**${edge.label}**` : `answer ${index + 1}`;
        cards.push({
          id: branchCardId(packId, item.id, edge, index),
          kind: 'branch',
          itemId: item.id,
          sectionId: item.sectionId,
          prompt: `*${quote(item.text)}* — ${label}. What now?`,
          answer,
          choices: pickChoices(answer, edges.map((e) => withoutKeyMarkers(byId.get(e.to)?.text ?? '')), allTargets),
        });
      });
    } else if (item.kind === 'action' && edges[0] && byId.get(edges[0].to)) {
      const next = byId.get(edges[0].to) as ItemSource;
      const answer = withoutKeyMarkers(next.text);
      cards.push({
        id: cardId(packId, item.id, 'next-step'),
        kind: 'next-step',
        itemId: item.id,
        sectionId: item.sectionId,
        prompt: `After *${quote(item.text)}*, what comes next?`,
        answer,
        choices: pickChoices(answer, allTargets),
      });
    } else if (item.kind === 'outcome') {
      const ways = (incoming.get(item.id) ?? [])
        .map((edge) => {
          const from = byId.get(edge.from);
          return from ? `${quote(from.text)}${edge.label ? ` — ${edge.label}` : ''}` : '';
        })
        .filter(Boolean);
      if (ways.length === 0) continue;
      cards.push({
        id: cardId(packId, item.id, 'reverse'),
        kind: 'reverse',
        itemId: item.id,
        sectionId: item.sectionId,
        prompt: `What situation leads to *${quote(item.text)}*?`,
        answer: ways.join('\n'),
      });
    }
    if (item.rationale) {
      cards.push({
        id: cardId(packId, item.id, 'why'),
        kind: 'why',
        itemId: item.id,
        sectionId: item.sectionId,
        prompt: `Why does it matter: *${quote(item.text)}*?`,
        answer: item.rationale,
      });
    }
  }
  return cards;
}

/** Up to MAX_CHOICES distinct options including the answer, taken from the pools in order, deterministically. */
function pickChoices(answer: string, ...pools: readonly string[][]): string[] | undefined {
  const options = [answer];
  for (const pool of pools) {
    for (const option of pool) {
      if (options.length >= MAX_CHOICES) break;
      if (option && !options.includes(option)) options.push(option);
    }
  }
  if (options.length < 2) return undefined;
  // Rotate by a hash of the answer so the right option is not always first.
  const shift = [...answer].reduce((sum, ch) => (sum + ch.charCodeAt(0)) % options.length, 0);
  return [...options.slice(shift), ...options.slice(0, shift)];
}

/** Counts of cards by kind, for previews. */
export function countCardsByKind(cards: readonly CardSpec[]): Partial<Record<CardSpec['kind'], number>> {
  const counts: Partial<Record<CardSpec['kind'], number>> = {};
  for (const card of cards) counts[card.kind] = (counts[card.kind] ?? 0) + 1;
  return counts;
}
