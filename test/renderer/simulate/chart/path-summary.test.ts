/** The chart's text equivalent says in words what the marks show. */
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../../../shared/model';
import { chartOutline, pathSummary } from '../../../../renderer/features/simulate/chart/path-summary';
import { samplePack } from './chart-packs';

const decision = (step: number, fields: Partial<DecisionRecord> & Pick<DecisionRecord, 'answer' | 'correct'>): DecisionRecord => ({
  step,
  shownAt: 1_000 * step,
  durationMs: 900,
  hints: [],
  ...fields,
});

const drift = samplePack('feature-drift-response.yaml');
const hidden = ['check-psi', 'check-upstream', 'check-performance', 'retrain'];

describe('pathSummary on a tree', () => {
  it('gives each decision its number, the right answer, what was chosen and right or wrong, then the outcome', () => {
    const lines = pathSummary(drift, hidden, [
      decision(0, { at: 'check-psi', answer: 'check-upstream', chosen: 'check-upstream', correct: true }),
      decision(1, { at: 'check-upstream', answer: 'check-performance', chosen: 'rollback-source', correct: false }),
      decision(2, { at: 'check-performance', answer: 'retrain', typed: 'retrain it', correct: false, late: true }),
    ]);
    expect(lines.map((line) => line.text)).toEqual([
      'Decision 1, at “Is PSI for the alerting feature above 0.25?”: the right answer is “yes”, to “Did an upstream schema or source change ship in the last 24 hours?”. You chose it: right.',
      'Decision 2, at “Did an upstream schema or source change ship in the last 24 hours?”: the right answer is “no”, to “Has the model\'s live performance dropped below its alert threshold?”. You chose “Roll back the upstream change and backfill the affected partitions”: wrong.',
      'Decision 3, at “Has the model\'s live performance dropped below its alert threshold?”: the right answer is “yes”, to “Trigger retraining on the last 30 days and run the deployment checklist”. You answered “retrain it”: wrong, after the time for it.',
      'Outcome · resolved: “Trigger retraining on the last 30 days and run the deployment checklist”.',
    ]);
    expect(lines.map((line) => line.verdict)).toEqual(['right', 'wrong', 'wrong', 'outcome']);
  });

  it('says which steps a run left before reaching them', () => {
    const lines = pathSummary(drift, hidden, [decision(0, { at: 'check-psi', answer: 'check-upstream', chosen: 'check-upstream', correct: true })]);
    expect(lines.map((line) => line.verdict)).toEqual(['right', 'not-reached', 'not-reached', 'outcome']);
    expect(lines[1]!.text).toMatch(/^Not reached: at “Did an upstream/);
  });
});

describe('pathSummary on a checklist', () => {
  it('says which steps were shown done and judges the asked ones', () => {
    const checklist = samplePack('model-deployment-checklist.md');
    const steps = [...checklist.items].sort((a, b) => a.order - b.order).slice(6, 9).map((item) => item.id);
    const lines = pathSummary(checklist, steps, [decision(2, { at: steps[1], answer: steps[2]!, chosen: steps[0], correct: false })]);
    expect(lines.map((line) => line.text)).toEqual([
      'Step 1, “Deploy to shadow traffic for 24 hours and compare predictions with the current model”: shown done.',
      'Step 2, “Ramp to 5%, then 50%, then 100% of traffic”: shown done.',
      'Decision 1, step 3, “Watch latency p99 and the prediction distribution at each ramp step”. You chose “Deploy to shadow traffic for 24 hours and compare predictions with the current model”: wrong.',
    ]);
  });
});

describe('chartOutline (the hint)', () => {
  it('lists every node with where its answers lead, and where the person stands, without a path', () => {
    const lines = chartOutline(drift, 'check-upstream');
    expect(lines).toHaveLength(drift.items.length);
    expect(lines[0]!.text).toBe('Question: “Is PSI for the alerting feature above 0.25?”. “yes”: “Did an upstream schema or source change ship in the last 24 hours?”; “no”: “Annotate the dashboard and keep watching”.');
    expect(lines.filter((line) => line.here).map((line) => line.key)).toEqual(['check-upstream']);
    expect(lines[1]!.text).toMatch(/^You are here\. Question: “Did an upstream/);
    expect(lines.some((line) => line.verdict !== undefined)).toBe(false);
  });
});
