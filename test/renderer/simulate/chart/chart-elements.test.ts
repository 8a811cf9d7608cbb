/**
 * What the chart hands React Flow: each node's badges, edges drawn marked-over-plain with
 * their marks in words, and the first view — the whole chart where it is readable, else the
 * part that matters at a readable zoom.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../../../shared/model';
import { badgesOf, chartEdges, chartNodes, focusNodeIds } from '../../../../renderer/features/simulate/chart/chart-elements';
import { firstView, READABLE_ZOOM } from '../../../../renderer/features/simulate/chart/chart-viewport';
import { layoutChart } from '../../../../renderer/features/simulate/chart/layout';
import { hereMarks, marksOf, pathMarks } from '../../../../renderer/features/simulate/chart/path-marks';
import { generatedTree, samplePack } from './chart-packs';

const decision = (step: number, fields: Partial<DecisionRecord> & Pick<DecisionRecord, 'answer' | 'correct'>): DecisionRecord => ({
  step,
  shownAt: 0,
  durationMs: 900,
  hints: [],
  ...fields,
});

const drift = samplePack('feature-drift-response.yaml');
const hidden = ['check-psi', 'check-upstream', 'rollback-source'];
const decisions = [
  decision(0, { at: 'check-psi', answer: 'check-upstream', chosen: 'annotate', correct: false }),
  decision(1, { at: 'check-upstream', answer: 'rollback-source', chosen: 'rollback-source', correct: true }),
];

describe('badgesOf', () => {
  const marks = pathMarks(drift, hidden, decisions);
  it('gives a decision node its numbered verdict, the path end "right path", a wrong choice its number', () => {
    expect(badgesOf(marksOf(marks, 'check-psi'), true)).toEqual([{ kind: 'decision', n: 1, correct: false }]);
    expect(badgesOf(marksOf(marks, 'rollback-source'), true)).toEqual([{ kind: 'path' }]);
    expect(badgesOf(marksOf(marks, 'annotate'), false)).toEqual([{ kind: 'chosen', n: 1 }]);
    expect(badgesOf(marksOf(marks, 'watch'), false)).toEqual([]);
  });

  it('gives the hint one badge: where the person stands', () => {
    expect(badgesOf(marksOf(hereMarks(drift, 'check-upstream'), 'check-upstream'), false)).toEqual([{ kind: 'here' }]);
  });
});

describe('chartNodes and chartEdges', () => {
  const layout = layoutChart(drift);
  const marks = pathMarks(drift, hidden, decisions);

  it('makes one read-only node per item at its layout box, edges ending above badges', () => {
    const nodes = chartNodes(drift, layout, marks, 'debrief');
    expect(nodes.map((node) => node.id).sort()).toEqual(drift.items.map((item) => item.id).sort());
    for (const node of nodes) {
      const box = layout.nodes[node.id]!;
      expect(node).toMatchObject({ position: { x: box.x, y: box.y }, width: box.width, height: box.height, draggable: false, connectable: false, selectable: false });
    }
    const psi = nodes.find((node) => node.id === 'check-psi')!;
    const watch = nodes.find((node) => node.id === 'watch')!;
    expect(psi.handles?.find((handle) => handle.type === 'target')?.y).toBeLessThan(0);
    expect(watch.handles?.find((handle) => handle.type === 'target')?.y).toBe(0);
  });

  it('draws marked edges over plain ones, and says their marks in their labels', () => {
    const edges = chartEdges(drift, layout, marks);
    expect(edges).toHaveLength(drift.edges.length);
    const looks = edges.map((edge) => edge.className);
    expect(looks.indexOf('chart-edge is-path')).toBeGreaterThan(looks.lastIndexOf('chart-edge is-plain'));
    expect(looks.indexOf('chart-edge is-wrong')).toBeGreaterThan(looks.lastIndexOf('chart-edge is-path'));
    expect(edges.filter((edge) => edge.className === 'chart-edge is-path').map((edge) => edge.label)).toEqual(['✓ yes', '✓ yes']);
    expect(edges.find((edge) => edge.className === 'chart-edge is-wrong')?.label).toBe('✗ no: your choice (1)');
  });
});

describe('the first view', () => {
  it('fits a small chart whole', () => {
    const layout = layoutChart(drift);
    const view = firstView(layout, [], { width: 800, height: 640 });
    expect(view.focused).toBe(false);
    expect(view.viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('opens a big debrief on the first wrong decision and its ways on, at a readable zoom', () => {
    const pack = generatedTree(200);
    const layout = layoutChart(pack);
    const root = pack.rootId!;
    const next = pack.edges.find((edge) => edge.from === root)!.to;
    const marks = pathMarks(pack, [root, next], [decision(0, { at: root, answer: next, chosen: 'n0150', correct: false })]);
    const focus = focusNodeIds(pack, marks, [root, next])!;
    expect(focus.sort()).toEqual([root, ...pack.edges.filter((edge) => edge.from === root).map((edge) => edge.to)].sort());
    const view = firstView(layout, focus.map((id) => layout.nodes[id]!), { width: 800, height: 640 });
    expect(view.focused).toBe(true);
    expect(view.viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // The root's box is in view.
    const box = layout.nodes[root]!;
    const left = box.x * view.viewport.zoom + view.viewport.x;
    const top = box.y * view.viewport.zoom + view.viewport.y;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(left + box.width * view.viewport.zoom).toBeLessThanOrEqual(800);
  });

  it('opens a big hint where the person stands', () => {
    const pack = generatedTree(200);
    const here = pack.edges[10]!.from;
    const focus = focusNodeIds(pack, hereMarks(pack, here), [])!;
    expect(focus).toContain(here);
    for (const edge of pack.edges.filter((e) => e.from === here)) expect(focus).toContain(edge.to);
  });
});
