/**
 * The "chart" hint in a terminal: the tree as an indented outline (each answer under its
 * question), or the checklist's steps by section. A node reached a second way (charts
 * merge and loop) is named with "(see above)" instead of being expanded again, so the
 * outline has one full entry per node and stays linear in the chart's size.
 */
import type { ItemSource } from '../../shared/model';
import { scenarioGraph } from '../../shared/simulate/scenario-graph';
import type { WalkContext } from './walk-text';
import { itemText } from './walk-text';

const HERE = '  ← you are here';
/** Deeper than this the indent stops growing and the depth is written: a long chain must not print quadratic whitespace. */
const MAX_INDENT = 16;

function indent(depth: number): string {
  return depth <= MAX_INDENT ? '  '.repeat(depth) : `${'  '.repeat(MAX_INDENT)}(depth ${depth}) `;
}

function outcomeMark(item: ItemSource | undefined): string {
  return item?.outcome ? ` [${item.outcome}]` : '';
}

/** The tree from its start; `here` is marked. */
export function treeOutline(ctx: WalkContext, here?: string): string[] {
  const graph = scenarioGraph(ctx.pack);
  if (!graph) return [];
  const lines: string[] = [];
  const expanded = new Set<string>();
  // Depth-first in source order, without recursion: a long chain must not overflow the stack.
  const stack: { id: string; depth: number; label?: string }[] = [{ id: graph.rootId, depth: 0 }];
  while (stack.length > 0) {
    const { id, depth, label } = stack.pop() as { id: string; depth: number; label?: string };
    const lead = depth === 0 ? '' : label ? `${label} → ` : '→ ';
    const seen = expanded.has(id);
    const mark = seen ? ' (see above)' : `${outcomeMark(ctx.items.get(id))}${id === here ? HERE : ''}`;
    lines.push(`${indent(depth)}${lead}${itemText(ctx, id)}${mark}`);
    if (seen) continue;
    expanded.add(id);
    const edges = graph.outgoing.get(id) ?? [];
    for (let i = edges.length - 1; i >= 0; i -= 1) {
      const edge = edges[i] as (typeof edges)[number];
      stack.push(edge.label ? { id: edge.to, depth: depth + 1, label: edge.label } : { id: edge.to, depth: depth + 1 });
    }
  }
  return lines;
}

/** The checklist's steps, numbered in reading order under their sections; sub-steps indented. */
export function checklistOutline(ctx: WalkContext, here?: string): string[] {
  const steps = [...ctx.pack.items].sort((a, b) => a.order - b.order);
  const depthOf = (item: ItemSource): number => {
    let depth = 0;
    for (let parent = item.parentId; parent !== undefined && depth < steps.length; parent = ctx.items.get(parent)?.parentId) depth += 1;
    return depth;
  };
  const titles = new Map(ctx.pack.sections.map((section) => [section.id, section.title]));
  const lines: string[] = [];
  let section: string | undefined;
  steps.forEach((item, index) => {
    if (item.sectionId !== section) {
      section = item.sectionId;
      if (section !== undefined) lines.push(titles.get(section) ?? section);
    }
    lines.push(`${indent(1 + depthOf(item))}${index + 1}. ${itemText(ctx, item.id)}${item.id === here ? HERE : ''}`);
  });
  return lines;
}

export function chartOutline(ctx: WalkContext, here?: string): string[] {
  return ctx.scenario.kind === 'tree' ? treeOutline(ctx, here) : checklistOutline(ctx, here);
}
