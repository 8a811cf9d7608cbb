import { describe, expect, it } from 'vitest';
import type { ItemSource, PackSource } from '../../../shared/model';
import { countCardsByKind, generateCards } from '../../../shared/drills/generate-cards';
import { blankKey, inlinePlain, withoutKeys } from '../../../shared/text/inline-text';
import { readInlineSource } from '../../../shared/import/markdown/inline-source';

const plain = (tree: Parameters<typeof inlinePlain>[0] | undefined): string => inlinePlain(tree ?? []);
/** An item whose text is read from inline Markdown, as the importers do. */
const md = (source: string): Pick<ItemSource, 'text' | 'inline' | 'keyValues'> => {
  const read = readInlineSource(source);
  return { text: read.plain, inline: read.tree, keyValues: read.keyValues };
};

let order = 0;
const item = (over: Partial<ItemSource> & Pick<ItemSource, 'id' | 'text'>): ItemSource => ({
  kind: 'step',
  order: order++,
  notes: [],
  keyValues: [],
  memory: false,
  tags: [],
  line: 1,
  col: 1,
  ...over,
});

const pack = (over: Partial<PackSource>): PackSource => ({
  title: 'Deploy',
  kind: 'checklist',
  format: 'markdown',
  sourceName: 'deploy.md',
  meta: { tags: [] },
  sections: [{ id: 'rollout', title: 'Rollout', line: 3 }],
  items: [],
  edges: [],
  ...over,
});

describe('generateCards for checklists', () => {
  const checklist = pack({
    items: [
      item({ id: 'shadow', ...md('Shadow traffic for ==24 hours=='), sectionId: 'rollout' }),
      item({ id: 'ramp', text: 'Ramp to 5%', sectionId: 'rollout', rationale: 'limits the blast radius' }),
      item({ id: 'warm', text: 'Keep the previous model warm', sectionId: 'rollout', memory: true }),
    ],
  });
  const cards = generateCards('p1', checklist);

  it('makes next-step, cloze, why, memory and sequence cards with stable ids', () => {
    expect(countCardsByKind(cards)).toEqual({ 'next-step': 2, cloze: 1, why: 1, memory: 1, sequence: 1 });
    expect(cards.map((c) => c.id)).toContain('p1/shadow/cloze/0');
    expect(cards.map((c) => c.id)).toContain('p1/§rollout/sequence');
    expect(generateCards('p1', checklist).map((c) => c.id)).toEqual(cards.map((c) => c.id));
  });

  it('asks for the next step after the previous one and offers it among the choices', () => {
    const ramp = cards.find((c) => c.id === 'p1/ramp/next-step');
    expect(plain(ramp?.prompt)).toBe('In Rollout, after Shadow traffic for 24 hours, what comes next?');
    expect(ramp?.prompt).toContainEqual({ type: 'emphasis', children: [{ type: 'text', value: 'Rollout' }] });
    expect(plain(ramp?.answer)).toBe('Ramp to 5%');
    expect(ramp?.choices?.map(plain)).toContain('Ramp to 5%');
    // The step the question starts from is never an option.
    expect(ramp?.choices?.map(plain)).not.toContain('Shadow traffic for 24 hours');
  });

  it('blanks the key value in a cloze and keeps the sequence in order', () => {
    const cloze = cards.find((c) => c.kind === 'cloze');
    expect(plain(cloze?.prompt)).toBe('In Rollout: Shadow traffic for […]');
    expect(cloze?.prompt).toContainEqual({ type: 'blank' });
    expect(cloze?.cloze).toBe('24 hours');
    expect(cards.find((c) => c.kind === 'sequence')?.sequence?.map(plain)).toEqual([
      'Shadow traffic for 24 hours',
      'Ramp to 5%',
      'Keep the previous model warm',
    ]);
  });
});

describe('generateCards for trees', () => {
  const tree = pack({
    kind: 'tree',
    format: 'mermaid',
    sections: [],
    items: [
      item({ id: 'q1', kind: 'decision', text: 'Validation loss rising?' }),
      item({ id: 'fix1', kind: 'outcome', text: 'Add regularization', outcome: 'ok' }),
      item({ id: 'check', kind: 'action', text: 'Compare features' }),
      item({ id: 'esc', kind: 'outcome', text: 'Escalate' }),
    ],
    edges: [
      { from: 'q1', to: 'fix1', label: 'yes', line: 2 },
      { from: 'q1', to: 'check', label: 'no', line: 3 },
      { from: 'check', to: 'esc', line: 4 },
    ],
  });
  const cards = generateCards('t', tree);

  it('makes a branch card per answer, next-step for actions and reverse for outcomes', () => {
    expect(countCardsByKind(cards)).toEqual({ branch: 2, 'next-step': 1, reverse: 2 });
    const yes = cards.find((c) => c.id === 't/q1/branch/yes');
    expect(plain(yes?.prompt)).toBe('Validation loss rising? — yes. What now?');
    expect(yes?.prompt.slice(0, 3)).toEqual([
      { type: 'emphasis', children: [{ type: 'text', value: 'Validation loss rising?' }] },
      { type: 'text', value: ' — ' },
      { type: 'strong', children: [{ type: 'text', value: 'yes' }] },
    ]);
    expect(plain(yes?.answer)).toBe('Add regularization');
    expect(plain(cards.find((c) => c.id === 't/fix1/reverse')?.answer)).toBe('Validation loss rising? — yes');
    // Options are places an answer can lead to: never the start of the tree.
    expect(yes?.choices?.map(plain).sort()).toEqual(['Add regularization', 'Compare features', 'Escalate']);
  });
});

describe('generateCards for question files', () => {
  it('makes one qa card per row', () => {
    const qa = pack({ kind: 'qa', format: 'csv', sections: [], items: [item({ id: 'r1', kind: 'question', text: 'PSI threshold?', answer: '0.25' })] });
    expect(generateCards('q', qa)).toEqual([
      { id: 'q/r1/qa', kind: 'qa', itemId: 'r1', prompt: [{ type: 'text', value: 'PSI threshold?' }], answer: [{ type: 'text', value: '0.25' }] },
    ]);
  });
});

describe('item text helpers', () => {
  it('remove key marks and blank the n-th value', () => {
    const tree = md('AUC up ==0.005== in ==7 days==').inline!;
    expect(inlinePlain(withoutKeys(tree))).toBe('AUC up 0.005 in 7 days');
    expect(inlinePlain(blankKey(tree, 1)!)).toBe('AUC up 0.005 in […]');
    expect(blankKey(tree, 2)).toBeNull();
  });
});

describe('prompts are trees, not Markdown strings', () => {
  it('a step that starts with a bold label, quoted in a prompt, keeps its bold and shows no asterisks', () => {
    const checklist = pack({
      items: [
        item({ id: 'a', ...md('**Loss of observability:** Metrics stop arriving'), sectionId: 'rollout' }),
        item({ id: 'b', ...md('Page the on-call'), sectionId: 'rollout' }),
      ],
    });
    const next = generateCards('p', checklist).find((card) => card.id === 'p/b/next-step')!;
    expect(plain(next.prompt)).toBe('In Rollout, after Loss of observability: Metrics stop arriving, what comes next?');
    expect(JSON.stringify(next.prompt)).not.toContain('*');
    expect(next.prompt).toContainEqual({
      type: 'emphasis',
      children: [{ type: 'strong', children: [{ type: 'text', value: 'Loss of observability:' }] }, { type: 'text', value: ' Metrics stop arriving' }],
    });
  });

  it('a cloze of a decoded value expects the value as read', () => {
    const checklist = pack({ items: [item({ id: 'a', ...md('Ask ==R&amp;D== first'), sectionId: 'rollout' })] });
    const cloze = generateCards('p', checklist).find((card) => card.kind === 'cloze')!;
    expect(cloze.cloze).toBe('R&D');
    expect(plain(cloze.prompt)).toBe('In Rollout: Ask […] first');
  });
});

describe('choice cards are fair', () => {
  it('a branch card never offers its own question, nor two options that read the same', () => {
    const tree = pack({
      kind: 'tree',
      format: 'mermaid',
      sections: [],
      items: [
        item({ id: 'q', kind: 'decision', text: 'Is it down?' }),
        item({ id: 'a', kind: 'action', text: 'Restart it' }),
        item({ id: 'a2', kind: 'outcome', text: 'restart it.' }),
        item({ id: 'b', kind: 'outcome', text: 'Escalate' }),
      ],
      edges: [
        { from: 'q', to: 'a', label: 'yes', line: 1 },
        { from: 'q', to: 'b', label: 'no', line: 2 },
        // A retry loop makes the question a place an answer leads to.
        { from: 'a', to: 'q', line: 3 },
        { from: 'b', to: 'a2', line: 4 },
      ],
    });
    for (const card of generateCards('t', tree).filter((c) => c.choices)) {
      const options = card.choices!.map(plain);
      if (card.kind === 'branch') expect(options).not.toContain('Is it down?');
      const readings = options.map((o) => o.toLowerCase().replace(/[.\s]+$/, ''));
      expect(new Set(readings).size).toBe(readings.length);
      expect(options.filter((o) => o.toLowerCase().replace(/[.\s]+$/, '') === plain(card.answer).toLowerCase().replace(/[.\s]+$/, ''))).toHaveLength(1);
    }
  });
});
