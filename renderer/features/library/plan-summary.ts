/**
 * What a preview says about a planned import, as counts and labels: items by
 * kind, the drills by kind, sections. Pure, so the preview components only render.
 */
import { countCardsByKind } from '../../../shared/drills/generate-cards';
import { CARD_KINDS } from '../../../shared/drills/card-spec';
import type { ImportPlan } from '../../../shared/library/plan-import';
import type { CardKind, ItemKind, PackKind } from '../../../shared/model';

export interface KindCount {
  kind: string;
  label: string;
  count: number;
}

const ITEM_KINDS: readonly ItemKind[] = ['step', 'decision', 'action', 'outcome', 'question'];

const ITEM_LABELS: Record<ItemKind, [string, string]> = {
  step: ['step', 'steps'],
  decision: ['decision', 'decisions'],
  action: ['action', 'actions'],
  outcome: ['outcome', 'outcomes'],
  question: ['question', 'questions'],
};

/** Drill names as the preview lists them under "Drills": "12 next step", "3 why". */
const CARD_LABELS: Record<CardKind, string> = {
  'next-step': 'next step',
  sequence: 'put in order',
  cloze: 'key value (cloze)',
  why: 'why',
  memory: 'memory item',
  branch: 'branch',
  reverse: 'what leads here',
  qa: 'question',
};

const PACK_KIND_LABELS: Record<PackKind, string> = {
  checklist: 'Checklist',
  tree: 'Decision tree',
  qa: 'Questions',
};

export function packKindLabel(kind: PackKind): string {
  return PACK_KIND_LABELS[kind];
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The items the pack will hold (retired ones are not counted), by kind, in a fixed order. */
export function itemCountsByKind(plan: ImportPlan): KindCount[] {
  const live = plan.items.filter((item) => !item.retired);
  return ITEM_KINDS.map((kind) => {
    const count = live.filter((item) => item.kind === kind).length;
    const [one, many] = ITEM_LABELS[kind];
    return { kind, label: count === 1 ? one : many, count };
  }).filter((entry) => entry.count > 0);
}

/** The drills the pack will produce, by kind (countCardsByKind of the plan's card specs). */
export function drillCountsByKind(plan: ImportPlan): KindCount[] {
  const counts = countCardsByKind(plan.specs);
  return CARD_KINDS.map((kind) => {
    return { kind, label: CARD_LABELS[kind], count: counts[kind] ?? 0 };
  }).filter((entry) => entry.count > 0);
}

/** "12 steps, 2 decisions". */
export function describeCounts(counts: readonly KindCount[]): string {
  return counts.map((entry) => `${entry.count.toLocaleString('en')} ${entry.label}`).join(', ');
}
