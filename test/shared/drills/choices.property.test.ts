/**
 * Choice cards are fair (issue 9), over generated trees and checklists whose texts repeat
 * and differ only in case, spacing or a trailing full stop: no option is the item the card
 * asks about, no two options read the same, and exactly one option reads like the answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EdgeSource, ItemSource, PackSource } from '../../../shared/model';
import { generateCards } from '../../../shared/drills/generate-cards';
import { inlinePlain, normalizePlain } from '../../../shared/text/inline-text';

const TEXTS = ['Restart it', 'restart it.', 'Restart  it', 'Escalate', 'Page the on-call', 'Is it down?', 'Roll back', 'roll back'];

const item = (id: string, kind: ItemSource['kind'], text: string, order: number, sectionId?: string): ItemSource => ({
  id,
  kind,
  text,
  order,
  notes: [],
  keyValues: [],
  memory: false,
  tags: [],
  line: order + 1,
  col: 1,
  ...(sectionId ? { sectionId } : {}),
});

const pack = (over: Partial<PackSource>): PackSource => ({
  title: 'P',
  kind: 'checklist',
  format: 'markdown',
  sourceName: 'p.md',
  meta: { tags: [] },
  sections: [{ id: 's', title: 'S', line: 1 }],
  items: [],
  edges: [],
  ...over,
});

const trees = fc
  .tuple(fc.array(fc.constantFrom(...TEXTS), { minLength: 2, maxLength: 9 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 20 }))
  .map(([texts, links]) => {
    const edges: EdgeSource[] = links.map(([from, to, labelled], line) => ({
      from: `n${from % texts.length}`,
      to: `n${to % texts.length}`,
      ...(labelled ? { label: `answer ${line}` } : {}),
      line,
    }));
    const outgoing = (id: string): number => edges.filter((edge) => edge.from === id).length;
    const items = texts.map((text, i) => {
      const count = outgoing(`n${i}`);
      return item(`n${i}`, count >= 2 ? 'decision' : count === 1 ? 'action' : 'outcome', text, i);
    });
    return pack({ kind: 'tree', format: 'mermaid', sections: [], items, edges, rootId: 'n0' });
  });

const checklists = fc
  .array(fc.constantFrom(...TEXTS), { minLength: 2, maxLength: 8 })
  .map((texts) => pack({ items: texts.map((text, i) => item(`s${i}`, 'step', text, i, 's')) }));

function checkFair(source: PackSource): void {
  const byId = new Map(source.items.map((i) => [i.id, i]));
  for (const card of generateCards('p', source)) {
    if (!card.choices) continue;
    const options = card.choices.map((choice) => normalizePlain(inlinePlain(choice)));
    expect(new Set(options).size, JSON.stringify(options)).toBe(options.length);
    expect(options.filter((option) => option === normalizePlain(inlinePlain(card.answer)))).toHaveLength(1);
    // The item the card asks about: the decision of a branch card, the action of a tree's next-step card,
    // the step before the answer of a checklist's next-step card.
    const asked =
      source.kind === 'tree'
        ? byId.get(card.itemId)
        : source.items[source.items.findIndex((i) => i.id === card.itemId) - 1];
    if (asked && normalizePlain(asked.text) !== normalizePlain(inlinePlain(card.answer))) {
      expect(options).not.toContain(normalizePlain(asked.text));
    }
  }
}

describe('property: choice cards are fair', () => {
  it('on generated trees (loops, repeated texts)', () => {
    fc.assert(fc.property(trees, (source) => checkFair(source)), { numRuns: 400 });
  });

  it('on generated checklists (repeated steps)', () => {
    fc.assert(fc.property(checklists, (source) => checkFair(source)), { numRuns: 300 });
  });
});
