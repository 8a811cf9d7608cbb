import { describe, expect, it } from 'vitest';
import { matchItems, type MatchableItem } from '../../../shared/library/match-items';
import { normalizeItemText, textSimilarity } from '../../../shared/library/normalize-text';

const item = (id: string, text: string, sectionId = 'rollout'): MatchableItem => ({ id, text, sectionId });

describe('normalizeItemText', () => {
  it('ignores case, spacing and trailing punctuation of the plain text', () => {
    expect(normalizeItemText('  Ramp to 5%,  then 50%.  ')).toBe('ramp to 5%, then 50%');
    // Item text is the plain reading: a `*` in it is a character the person reads.
    expect(normalizeItemText('2 * 3')).toBe('2 * 3');
  });
});

describe('textSimilarity', () => {
  it('is 1 for equal texts and lower for rewordings', () => {
    expect(textSimilarity('freeze the schema', 'freeze the schema')).toBe(1);
    const reworded = textSimilarity('freeze the feature schema', 'freeze the feature schema before training');
    expect(reworded).toBeGreaterThan(0.6);
    expect(textSimilarity('freeze the feature schema', 'call the on-call engineer')).toBeLessThan(0.4);
  });
});

describe('matchItems', () => {
  it('matches by explicit id even when the text changed, and flags the change', () => {
    const plan = matchItems([item('freeze', 'Freeze the schema')], [item('freeze', 'Freeze the feature schema')]);
    expect(plan.matches).toEqual([{ storedId: 'freeze', newId: 'freeze', rule: 'id', changed: true }]);
    expect(plan.added).toEqual([]);
    expect(plan.retired).toEqual([]);
  });

  it('matches by exact normalized text when a derived id changed (section moved)', () => {
    const plan = matchItems(
      [item('before/shadow-traffic', 'Shadow traffic for 24 hours', 'before')],
      [item('rollout/shadow-traffic', 'Shadow  traffic for 24 hours.', 'rollout')],
    );
    expect(plan.matches).toEqual([
      { storedId: 'before/shadow-traffic', newId: 'rollout/shadow-traffic', rule: 'text', changed: false },
    ]);
  });

  it('matches close text only within the same section', () => {
    const stored = [item('a', 'Ramp to 5% then 50% then 100%'), item('b', 'Page the on-call engineer', 'other')];
    const fresh = [item('x', 'Ramp to 5%, then 25%, then 50%, then 100%'), item('y', 'Page the on-call engineer now', 'moved')];
    const plan = matchItems(stored, fresh);
    expect(plan.matches).toEqual([{ storedId: 'a', newId: 'x', rule: 'similar', changed: true }]);
    expect(plan.added).toEqual(['y']);
    expect(plan.retired).toEqual(['b']);
  });

  it('accounts for every item exactly once: added, retired, matched', () => {
    const stored = [item('1', 'one'), item('2', 'two steps here'), item('3', 'three'), { ...item('4', 'gone'), retired: true }];
    const fresh = [item('1', 'one'), item('5', 'two steps there'), item('6', 'a brand new step')];
    const plan = matchItems(stored, fresh);
    expect(plan.matches.map((m) => m.newId).sort()).toEqual(['1', '5']);
    expect(plan.added).toEqual(['6']);
    // Already retired items are not retired again.
    expect(plan.retired).toEqual(['3']);
  });

  it('never pairs one stored item with two new items', () => {
    const plan = matchItems([item('a', 'Check the logs')], [item('x', 'Check the logs'), item('y', 'Check the logs')]);
    expect(plan.matches).toHaveLength(1);
    expect(plan.added).toHaveLength(1);
  });
});
