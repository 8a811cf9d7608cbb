/**
 * What the chart marks: in a debrief the right path's nodes and edges, each decision by
 * number where it was made and whether it was right, each wrong turn on the chosen node and
 * on the edge taken where there is one; in a hint only where the person stands.
 */
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../../../shared/model';
import { edgeId, hereMarks, marksOf, pathMarks } from '../../../../renderer/features/simulate/chart/path-marks';
import { samplePack } from './chart-packs';

const decision = (step: number, fields: Partial<DecisionRecord> & Pick<DecisionRecord, 'answer' | 'correct'>): DecisionRecord => ({
  step,
  shownAt: 1_000 * step,
  durationMs: 900,
  hints: [],
  ...fields,
});

const drift = samplePack('feature-drift-response.yaml');
const edgeIndex = (from: string, to: string): number => drift.edges.findIndex((edge) => edge.from === from && edge.to === to);
// check-psi -yes-> check-upstream -no-> check-performance -yes-> retrain
const hidden = ['check-psi', 'check-upstream', 'check-performance', 'retrain'];

describe('pathMarks on a tree', () => {
  const decisions = [
    decision(0, { at: 'check-psi', answer: 'check-upstream', chosen: 'check-upstream', correct: true }),
    // A wrong turn along an edge of the chart: "yes" instead of "no".
    decision(1, { at: 'check-upstream', answer: 'check-performance', chosen: 'rollback-source', correct: false }),
    // A wrong turn to a node no edge from here leads to.
    decision(2, { at: 'check-performance', answer: 'retrain', chosen: 'annotate', correct: false }),
  ];
  const marks = pathMarks(drift, hidden, decisions);

  it('marks the hidden path: its nodes and the edges between them, nothing else', () => {
    for (const id of hidden) expect(marksOf(marks, id).onPath).toBe(true);
    expect(marksOf(marks, 'watch').onPath).toBe(false);
    const onPath = [...marks.edges].filter(([, edge]) => edge.onPath).map(([id]) => id).sort();
    expect(onPath).toEqual([edgeIndex('check-psi', 'check-upstream'), edgeIndex('check-upstream', 'check-performance'), edgeIndex('check-performance', 'retrain')].map(edgeId).sort());
  });

  it('numbers each decision on the node it was made at, with whether it was right', () => {
    expect(marksOf(marks, 'check-psi').decisions).toEqual([{ n: 1, correct: true }]);
    expect(marksOf(marks, 'check-upstream').decisions).toEqual([{ n: 2, correct: false }]);
    expect(marksOf(marks, 'check-performance').decisions).toEqual([{ n: 3, correct: false }]);
    expect(marksOf(marks, 'retrain').decisions).toEqual([]);
  });

  it('marks a wrong turn on the chosen node and on the edge it took', () => {
    expect(marksOf(marks, 'rollback-source').chosenInstead).toEqual([2]);
    expect(marks.edges.get(edgeId(edgeIndex('check-upstream', 'rollback-source')))).toEqual({ onPath: false, wrongTurns: [2] });
  });

  it('marks a wrong turn to a node no edge leads to on that node only', () => {
    expect(marksOf(marks, 'annotate').chosenInstead).toEqual([3]);
    expect([...marks.edges.values()].flatMap((edge) => edge.wrongTurns)).toEqual([2]);
  });

  it('marks nothing for a right choice or a recall beyond the decision itself', () => {
    const recall = pathMarks(drift, hidden, [decision(0, { at: 'check-psi', answer: 'check-upstream', typed: 'upstream?', correct: false })]);
    expect(marksOf(recall, 'check-psi').decisions).toEqual([{ n: 1, correct: false }]);
    expect([...recall.nodes.values()].every((node) => node.chosenInstead.length === 0)).toBe(true);
    expect([...recall.edges.values()].some((edge) => edge.wrongTurns.length > 0)).toBe(false);
  });

  it('leaves out ids the pack no longer has (an attempt from before a re-import)', () => {
    const stale = pathMarks(drift, ['check-psi', 'gone'], [decision(0, { at: 'check-psi', answer: 'gone', chosen: 'also-gone', correct: false })]);
    expect(stale.nodes.has('gone')).toBe(false);
    expect(stale.nodes.has('also-gone')).toBe(false);
    expect([...stale.edges.values()].some((edge) => edge.wrongTurns.length > 0)).toBe(false);
  });
});

describe('pathMarks on a checklist', () => {
  const checklist = samplePack('model-deployment-checklist.md');
  const steps = [...checklist.items].sort((a, b) => a.order - b.order).slice(6, 10).map((item) => item.id);

  it('marks the steps shown done, and numbers the asked ones on the step itself', () => {
    const decisions = [
      decision(2, { at: steps[1], answer: steps[2]!, chosen: steps[3], correct: false }),
      decision(3, { at: steps[2], answer: steps[3]!, chosen: steps[3], correct: true }),
    ];
    const marks = pathMarks(checklist, steps, decisions);
    expect(steps.map((id) => marksOf(marks, id).shownDone)).toEqual([true, true, false, false]);
    expect(marksOf(marks, steps[2]!).decisions).toEqual([{ n: 1, correct: false }]);
    expect(marksOf(marks, steps[3]!).decisions).toEqual([{ n: 2, correct: true }]);
    expect(marksOf(marks, steps[3]!).chosenInstead).toEqual([1]);
    expect(marks.edges.size).toBe(0);
  });
});

describe('hereMarks', () => {
  it('marks only where the person stands: no path, no decisions', () => {
    const marks = hereMarks(drift, 'check-upstream');
    expect([...marks.nodes.keys()]).toEqual(['check-upstream']);
    expect(marksOf(marks, 'check-upstream')).toMatchObject({ here: true, onPath: false, decisions: [], chosenInstead: [] });
    expect(marks.edges.size).toBe(0);
    expect(hereMarks(drift, 'nowhere').nodes.size).toBe(0);
  });
});
