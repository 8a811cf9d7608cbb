/**
 * The chart's layout: every item placed, no two boxes overlapping, the same input giving the
 * same layout, trees drawn top to bottom, checklists as one column in reading order.
 */
import { describe, expect, it } from 'vitest';
import type { PackSource } from '../../../../shared/model';
import { layoutChart } from '../../../../renderer/features/simulate/chart/layout';
import type { ChartLayout, NodeBox } from '../../../../renderer/features/simulate/chart/layout-record';
import { LAYOUT_VERSION, layoutFitsPack, sectionBoxKey } from '../../../../renderer/features/simulate/chart/layout-record';
import { NODE_BOX, nodeSize, textWidth, wrapLines } from '../../../../renderer/features/simulate/chart/node-size';
import { generatedTree, samplePack, treeOf } from './chart-packs';

function overlaps(a: NodeBox, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Pairs of item boxes that overlap (section group boxes hold their steps by design and are left out). */
function overlapping(layout: ChartLayout): string[] {
  const entries = Object.entries(layout.nodes).filter(([id]) => !id.startsWith('§'));
  const found: string[] = [];
  for (let i = 0; i < entries.length; i += 1) {
    for (let j = i + 1; j < entries.length; j += 1) {
      const [a, boxA] = entries[i]!;
      const [b, boxB] = entries[j]!;
      if (overlaps(boxA, boxB)) found.push(`${a} × ${b}`);
    }
  }
  return found;
}

function expectSound(pack: PackSource, layout: ChartLayout): void {
  expect(layout.layoutVersion).toBe(LAYOUT_VERSION);
  for (const item of pack.items) {
    const box = layout.nodes[item.id];
    expect(box, item.id).toBeDefined();
    expect(Number.isFinite(box!.x) && Number.isFinite(box!.y)).toBe(true);
    expect(box!.width).toBeGreaterThan(0);
    expect(box!.height).toBeGreaterThan(0);
    // Inside the chart's frame.
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(layout.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(layout.height);
  }
  for (const edge of pack.edges) {
    expect(layout.nodes[edge.from], `edge from ${edge.from}`).toBeDefined();
    expect(layout.nodes[edge.to], `edge to ${edge.to}`).toBeDefined();
  }
  expect(overlapping(layout)).toEqual([]);
  expect(layoutFitsPack(layout, pack)).toBe(true);
}

describe('layoutChart on trees', () => {
  it.each(['feature-drift-response.yaml', 'overfitting-diagnosis.mmd'])('places every node of %s without overlaps', (file) => {
    const pack = samplePack(file);
    expectSound(pack, layoutChart(pack));
  });

  it('draws top to bottom: every edge of a tree without cycles points down', () => {
    const pack = samplePack('overfitting-diagnosis.mmd');
    const { nodes } = layoutChart(pack);
    for (const edge of pack.edges) {
      const from = nodes[edge.from]!;
      const to = nodes[edge.to]!;
      expect(to.y, `${edge.from} -> ${edge.to}`).toBeGreaterThanOrEqual(from.y + from.height);
    }
    expect(nodes[pack.rootId!]!.y).toBe(Math.min(...Object.values(nodes).map((box) => box.y)));
  });

  it('lays out a generated 200-node tree, and every edge joins two placed nodes', () => {
    const pack = generatedTree(200);
    expect(pack.items).toHaveLength(200);
    const layout = layoutChart(pack);
    expectSound(pack, layout);
    expect(Object.keys(layout.nodes)).toHaveLength(200);
  });

  it('is deterministic: the same pack gives the same layout, also after a structured clone', () => {
    const pack = generatedTree(120);
    expect(layoutChart(structuredClone(pack))).toEqual(layoutChart(pack));
  });

  it('keeps cycles, duplicate edges and edges to unknown nodes from breaking the layout', () => {
    const pack = treeOf(['a>b:yes', 'a>c:no', 'b>a:retry', 'b>d:done', 'c>d', 'c>d:again']);
    pack.edges.push({ from: 'c', to: 'ghost', line: 9 });
    const layout = layoutChart(pack);
    expect(Object.keys(layout.nodes).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(overlapping(layout)).toEqual([]);
  });

  it('sizes a box from its text: longer text wraps into a taller box, never past the maximum width', () => {
    const pack = treeOf(['a>b:x', 'a>c:y'], [], { b: 'Short', c: 'A much longer piece of text that has to wrap over several lines of the box, '.repeat(3) });
    const { nodes } = layoutChart(pack);
    expect(nodes.b!.width).toBe(NODE_BOX.minWidth);
    expect(nodes.c!.width).toBeLessThanOrEqual(NODE_BOX.maxWidth);
    expect(nodes.c!.height).toBeGreaterThan(nodes.b!.height);
    expect(nodes.c!.height).toBe(nodeSize(pack.items[2]!.text).height);
  });
});

describe('layoutChart on checklists', () => {
  it('stacks the steps in reading order, each section a box around its steps', () => {
    const pack = samplePack('model-deployment-checklist.md');
    const layout = layoutChart(pack);
    expectSound(pack, layout);
    const ordered = [...pack.items].sort((a, b) => a.order - b.order).map((item) => layout.nodes[item.id]!);
    for (let i = 1; i < ordered.length; i += 1) expect(ordered[i]!.y).toBeGreaterThan(ordered[i - 1]!.y + ordered[i - 1]!.height);
    for (const item of pack.items) {
      const section = layout.nodes[sectionBoxKey(item.sectionId!)]!;
      const box = layout.nodes[item.id]!;
      expect(box.x).toBeGreaterThanOrEqual(section.x);
      expect(box.y).toBeGreaterThanOrEqual(section.y);
      expect(box.x + box.width).toBeLessThanOrEqual(section.x + section.width);
      expect(box.y + box.height).toBeLessThanOrEqual(section.y + section.height);
    }
  });

  it('indents sub-steps under their step', () => {
    const pack = samplePack('model-deployment-checklist.md');
    const { nodes } = layoutChart(pack);
    const sub = pack.items.find((item) => item.parentId !== undefined)!;
    expect(nodes[sub.id]!.x).toBeGreaterThan(nodes[sub.parentId!]!.x);
  });
});

describe('node sizes', () => {
  it('wraps at the width, keeping every word', () => {
    const text = 'Roll back the upstream change and backfill the affected partitions';
    const lines = wrapLines(text, 150);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(150);
  });

  it('cuts a word longer than a line', () => {
    const lines = wrapLines('x'.repeat(200), 100);
    expect(lines.join('')).toBe('x'.repeat(200));
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(100);
  });

  it('caps the lines of a very long text', () => {
    const { height } = nodeSize('word '.repeat(500));
    expect(height).toBe(2 * NODE_BOX.paddingY + NODE_BOX.border + NODE_BOX.kindLine + NODE_BOX.maxLines * NODE_BOX.lineHeight);
  });
});
