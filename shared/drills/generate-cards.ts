/**
 * Drill generation (practice.md): every item of a pack yields cards of the kinds
 * that fit it. Ids derive from pack, item and kind, so a re-import keeps them.
 */
import type { EdgeSource, ItemSource, PackSource } from '../model';
import type { CardSpec } from './card-spec';
import { blankKeyValue, quote, withoutKeyMarkers } from './item-text';

/** Options shown for a choice drill, the right one included. */
const MAX_CHOICES = 4;

/** All card specs for a pack, in reading order. */
export function generateCards(packId: string, pack: PackSource): CardSpec[] {
  if (pack.kind === 'qa') return pack.items.map((item) => qaCard(packId, item));
  if (pack.kind === 'tree') return treeCards(packId, pack);
  return checklistCards(packId, pack);
}

function cardId(packId: string, itemId: string, kind: string, suffix?: string | number): string {
  return suffix === undefined ? `${packId}/${itemId}/${kind}` : `${packId}/${itemId}/${kind}/${suffix}`;
}

function qaCard(packId: string, item: ItemSource): CardSpec {
  return { id: cardId(packId, item.id, 'qa'), kind: 'qa', itemId: item.id, prompt: item.text, answer: item.answer ?? '' };
}

function sectionTitle(pack: PackSource, sectionId: string | undefined): string {
  return pack.sections.find((s) => s.id === sectionId)?.title ?? pack.title;
}

function checklistCards(packId: string, pack: PackSource): CardSpec[] {
  const cards: CardSpec[] = [];
  const groups = new Map<string, ItemSource[]>();
  for (const item of pack.items) {
    const key = `${item.sectionId ?? ''}\u0000${item.parentId ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const siblings of groups.values()) {
    siblings.forEach((item, index) => cards.push(...stepCards(packId, pack, item, siblings[index - 1], siblings)));
    const first = siblings[0];
    if (siblings.length >= 3 && first && !first.parentId) {
      const where = first.sectionId ?? 'pack';
      cards.push({
        id: cardId(packId, `§${where}`, 'sequence'),
        kind: 'sequence',
        itemId: `§${where}`,
        sectionId: first.sectionId,
        prompt: `Put the steps of *${sectionTitle(pack, first.sectionId)}* in order.`,
        answer: siblings.map((s, i) => `${i + 1}. ${withoutKeyMarkers(s.text)}`).join('\n'),
        sequence: siblings.map((s) => withoutKeyMarkers(s.text)),
      });
    }
  }
  return cards;
}

function stepCards(
  packId: string,
  pack: PackSource,
  item: ItemSource,
  previous: ItemSource | undefined,
  siblings: ItemSource[],
): CardSpec[] {
  const cards: CardSpec[] = [];
  const section = sectionTitle(pack, item.sectionId);
  const parent = item.parentId ? pack.items.find((p) => p.id === item.parentId) : undefined;
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
    choices: item.memory ? undefined : pickChoices(answer, siblings.map((s) => withoutKeyMarkers(s.text))),
  });
  item.keyValues.forEach((value, index) => {
    const blanked = blankKeyValue(item.text, value, index);
    if (blanked === null) return;
    cards.push({
      id: cardId(packId, item.id, 'cloze', index),
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
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
    incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge]);
  }
  const allTargets = pack.items.filter((i) => i.kind !== 'decision').map((i) => withoutKeyMarkers(i.text));
  for (const item of pack.items) {
    const edges = outgoing.get(item.id) ?? [];
    if (item.kind === 'decision') {
      edges.forEach((edge, index) => {
        const target = byId.get(edge.to);
        if (!target) return;
        const answer = withoutKeyMarkers(target.text);
        const label = edge.label ? `**${edge.label}**` : `answer ${index + 1}`;
        cards.push({
          id: cardId(packId, item.id, 'branch', edge.label ? slugLabel(edge.label) : index),
          kind: 'branch',
          itemId: item.id,
          sectionId: item.sectionId,
          prompt: `*${quote(item.text)}* — ${label}. What now?`,
          answer,
          choices: pickChoices(answer, [...edges.map((e) => byId.get(e.to)?.text ?? ''), ...allTargets]),
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

/** Lower-case slug of an edge label, stable enough to key a branch card. */
function slugLabel(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'answer';
}

/** Up to MAX_CHOICES distinct options including the answer, in a deterministic order. */
function pickChoices(answer: string, pool: string[]): string[] | undefined {
  const options = [answer];
  for (const option of pool) {
    if (options.length >= MAX_CHOICES) break;
    if (option && !options.includes(option)) options.push(option);
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
