import { describe, expect, it } from 'vitest';
import type { ItemSource, PackSource } from '../../../shared/model';
import { countCardsByKind, generateCards } from '../../../shared/drills/generate-cards';
import { blankKeyValue, withoutKeyMarkers } from '../../../shared/drills/item-text';

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
      item({ id: 'shadow', text: 'Shadow traffic for ==24 hours==', sectionId: 'rollout', keyValues: ['24 hours'] }),
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
    expect(ramp?.prompt).toBe('In *Rollout*, after *Shadow traffic for 24 hours*, what comes next?');
    expect(ramp?.answer).toBe('Ramp to 5%');
    expect(ramp?.choices).toContain('Ramp to 5%');
  });

  it('blanks the key value in a cloze and keeps the sequence in order', () => {
    const cloze = cards.find((c) => c.kind === 'cloze');
    expect(cloze?.prompt).toBe('In *Rollout*: Shadow traffic for […]');
    expect(cloze?.cloze).toBe('24 hours');
    expect(cards.find((c) => c.kind === 'sequence')?.sequence).toEqual([
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
    expect(yes?.prompt).toBe('*Validation loss rising?* — **yes**. What now?');
    expect(yes?.answer).toBe('Add regularization');
    expect(cards.find((c) => c.id === 't/fix1/reverse')?.answer).toBe('Validation loss rising? — yes');
    // Options are places an answer can lead to: never the start of the tree.
    expect(yes?.choices?.sort()).toEqual(['Add regularization', 'Compare features', 'Escalate']);
  });
});

describe('generateCards for question files', () => {
  it('makes one qa card per row', () => {
    const qa = pack({ kind: 'qa', format: 'csv', sections: [], items: [item({ id: 'r1', kind: 'question', text: 'PSI threshold?', answer: '0.25' })] });
    expect(generateCards('q', qa)).toEqual([{ id: 'q/r1/qa', kind: 'qa', itemId: 'r1', prompt: 'PSI threshold?', answer: '0.25' }]);
  });
});

describe('item text helpers', () => {
  it('removes key markers and blanks the n-th value', () => {
    expect(withoutKeyMarkers('AUC up ==0.005== in ==7 days==')).toBe('AUC up 0.005 in 7 days');
    expect(blankKeyValue('AUC up ==0.005== in ==7 days==', '7 days', 1)).toBe('AUC up 0.005 in […]');
    expect(blankKeyValue('AUC up 0.005', '0.005', 0)).toBe('AUC up […]');
    expect(blankKeyValue('AUC up', '0.005', 0)).toBeNull();
  });
});
