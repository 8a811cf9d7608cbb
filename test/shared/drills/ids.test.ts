/** The id formulas: stored ids depend on them, so they are pinned, and the cards the import makes use them. */
import { describe, expect, test } from 'vitest';
import { branchCardId, cardId, itemKey, sectionItemId, slugLabel } from '../../../shared/drills/ids';
import { generateCards } from '../../../shared/drills/generate-cards';
import { parseImportFile } from '../../../shared/import/parse-file';

describe('id formulas', () => {
  test('item keys and card ids', () => {
    expect(itemKey('deploy', 'freeze-schema')).toBe('deploy/freeze-schema');
    expect(cardId('deploy', 'freeze-schema', 'why')).toBe('deploy/freeze-schema/why');
    expect(cardId('deploy', 'freeze-schema', 'cloze', 0)).toBe('deploy/freeze-schema/cloze/0');
    expect(sectionItemId('rollout')).toBe('§rollout');
    expect(sectionItemId(undefined)).toBe('§pack');
  });

  test('a branch card is keyed by its answer label, or by position when unlabelled', () => {
    expect(slugLabel('Yes, rising!')).toBe('yes-rising');
    expect(slugLabel('???')).toBe('answer');
    expect(branchCardId('t', 'q1', { label: 'No' }, 1)).toBe('t/q1/branch/no');
    expect(branchCardId('t', 'q1', {}, 2)).toBe('t/q1/branch/2');
  });

  test('generated branch cards carry exactly the ids the formula gives', () => {
    const result = parseImportFile('t.mmd', 'flowchart TD\n  q{Rising?} -->|yes| a[Stop]:::ok\n  q --> b[Go on]:::ok\n');
    if (!result.ok) throw new Error('parse failed');
    const ids = generateCards('t', result.pack).filter((card) => card.kind === 'branch').map((card) => card.id);
    expect(ids.sort()).toEqual([branchCardId('t', 'q', { label: 'yes' }, 0), branchCardId('t', 'q', {}, 1)].sort());
  });
});
