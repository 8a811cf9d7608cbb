import { describe, expect, it } from 'vitest';
import type { ItemSource, PackSource } from '../../../shared/model';
import { packIdFor, planImport, type StoredPack } from '../../../shared/library/plan-import';

const step = (id: string, text: string, sectionId: string, order: number, extra: Partial<ItemSource> = {}): ItemSource => ({
  id, text, sectionId, order, kind: 'step', notes: [], keyValues: [], memory: false, tags: [], line: order + 1, col: 1, ...extra,
});

const source = (items: ItemSource[], meta: PackSource['meta'] = { tags: [] }): PackSource => ({
  title: 'Deploy', kind: 'checklist', format: 'markdown', sourceName: 'docs/Deploy Checklist.md', meta,
  sections: [{ id: 'before', title: 'Before', line: 1 }, { id: 'rollout', title: 'Rollout', line: 5 }],
  items, edges: [],
});

const first = source([
  step('before/freeze', 'Freeze the feature schema', 'before', 0, { rationale: 'skew' }),
  step('before/signoff', 'Get sign-off from the owner', 'before', 1),
  step('rollout/shadow', 'Shadow traffic for 24 hours', 'rollout', 2),
  step('rollout/ramp', 'Ramp to 5% then 50%', 'rollout', 3),
]);

function stored(plan: ReturnType<typeof planImport>): StoredPack {
  return { pack: plan.pack, items: plan.items, cards: plan.cards };
}

describe('packIdFor', () => {
  it('prefers the front-matter id and otherwise slugs the file name', () => {
    expect(packIdFor(first)).toBe('deploy-checklist');
    expect(packIdFor(source([], { tags: [], id: 'deploy-v2' }))).toBe('deploy-v2');
  });
});

describe('planImport', () => {
  it('plans a first import: one new card per spec, all new and due now', () => {
    const plan = planImport(first, null, 1000);
    expect(plan.diff).toBeNull();
    expect(plan.items.map((i) => i.key)).toContain('deploy-checklist/before/freeze');
    expect(plan.cards).toHaveLength(plan.specs.length);
    expect(plan.cards.every((c) => c.state === 0 && c.due === 1000 && c.suspended === 0)).toBe(true);
    expect(plan.pack).toMatchObject({ itemCount: 4, cardCount: plan.specs.length, createdAt: 1000, importedAt: 1000 });
  });

  it('re-imports: reworded steps keep their ids and cards, deleted ones retire, new ones are added', () => {
    const firstPlan = planImport(first, null, 1000);
    const edited = source([
      step('before/freeze-the-feature-schema-and-types', 'Freeze the feature schema and types', 'before', 0, { rationale: 'skew' }),
      step('before/new', 'Run the data quality checklist', 'before', 1),
      step('rollout/shadow', 'Shadow traffic for 24 hours', 'rollout', 2),
      step('rollout/ramp', 'Ramp to 5% then 50%', 'rollout', 3),
    ]);
    const plan = planImport(edited, stored(firstPlan), 2000);
    expect(plan.diff?.added.map((i) => i.id)).toEqual(['before/new']);
    expect(plan.diff?.changed.map((c) => [c.before.text, c.after.text])).toEqual([
      ['Freeze the feature schema', 'Freeze the feature schema and types'],
    ]);
    expect(plan.diff?.retired.map((i) => i.id)).toEqual(['before/signoff']);
    expect(plan.diff?.unchanged).toBe(2);
    const freeze = plan.items.find((i) => i.text.startsWith('Freeze'));
    expect(freeze).toMatchObject({ id: 'before/freeze', key: 'deploy-checklist/before/freeze', changedAt: 2000 });
    // The reworded step's cards already exist: they are not rewritten (their FSRS state stays).
    expect(plan.cards.some((c) => c.id === 'deploy-checklist/before/freeze/why')).toBe(false);
    // The retired step's card is suspended, not deleted.
    const retiredCard = plan.cards.find((c) => c.id === 'deploy-checklist/before/signoff/next-step');
    expect(retiredCard).toMatchObject({ suspended: 1, retiredBySource: true });
    expect(plan.pack.createdAt).toBe(1000);
  });

  it('revives cards when a retired step comes back', () => {
    const firstPlan = planImport(first, null, 1000);
    const without = source(first.items.filter((i) => i.id !== 'before/signoff'));
    const second = planImport(without, stored(firstPlan), 2000);
    const afterSecond: StoredPack = {
      pack: second.pack,
      items: [...firstPlan.items.filter((i) => !second.items.some((s) => s.key === i.key)), ...second.items],
      cards: [...firstPlan.cards.filter((c) => !second.cards.some((s) => s.id === c.id)), ...second.cards],
    };
    const third = planImport(first, afterSecond, 3000);
    expect(third.diff?.added).toEqual([]);
    const revived = third.cards.find((c) => c.id === 'deploy-checklist/before/signoff/next-step');
    expect(revived?.suspended).toBe(0);
    expect(revived && 'retiredBySource' in revived).toBe(false);
    expect(third.items.find((i) => i.id === 'before/signoff')?.retired).toBe(false);
  });
});
