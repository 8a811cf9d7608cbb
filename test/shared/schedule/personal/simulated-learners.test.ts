/**
 * Personal scheduling on simulated learners whose memory follows known FSRS parameters
 * (simulated-learner.ts), trained with the real optimizer (fsrs-browser's WebAssembly, here in
 * Node): training beats the defaults on the held-out answers, Kata's automatic grades schedule
 * about as well as the true grades would, and adoption refuses parameters that predict worse.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fsrsBrowserOptimizer } from '../../../../renderer/features/settings/personal/fsrs-browser-optimizer';
import { decideAdoption } from '../../../../shared/schedule/personal/adoption';
import { evaluateHeldOut } from '../../../../shared/schedule/personal/held-out-evaluation';
import type { Optimizer } from '../../../../shared/schedule/personal/optimizer';
import type { PersonalTrainingResult } from '../../../../shared/schedule/personal/personal-training';
import { trainPersonalParameters } from '../../../../shared/schedule/personal/personal-training';
import type { CardHistory } from '../../../../shared/schedule/personal/review-history';
import { cardHistory } from '../../../../shared/schedule/personal/review-history';
import { makeScheduler } from '../../../../shared/schedule/scheduler-settings';
import { loadFsrsBrowser } from './fsrs-node';
import type { LearnerOptions } from './simulated-learner';
import { FAST_FORGETTER, SLOW_FORGETTER, eventsByCard, simulateLearner } from './simulated-learner';

const UTC = (): number => 0;

function historiesOf(options: LearnerOptions): CardHistory[] {
  return [...eventsByCard(simulateLearner(options))].map(([cardId, events]) => cardHistory(cardId, events, 0, UTC));
}

let optimizer: Optimizer;
const never = { aborted: false };

async function train(histories: readonly CardHistory[]): Promise<PersonalTrainingResult> {
  return trainPersonalParameters(histories, {}, optimizer, () => undefined, never);
}

beforeAll(async () => {
  optimizer = fsrsBrowserOptimizer(await loadFsrsBrowser());
  // fsrs-rs prints each epoch's loss.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(() => vi.restoreAllMocks());

const LEARNER = { seed: 7, trueWeights: FAST_FORGETTER, cards: 1_000, days: 365 } satisfies LearnerOptions;

describe('training on a simulated learner', () => {
  it('recovers parameters that predict the held-out answers better than the defaults, and adopts them', { timeout: 120_000 }, async () => {
    const histories = historiesOf(LEARNER);
    const result = await train(histories);
    const { defaults, personal, heldOut, trainedOn, cut } = result.comparison;
    // The learner's own true parameters: the best any parameter set can do on these answers.
    const oracle = evaluateHeldOut(makeScheduler({ weights: FAST_FORGETTER }), histories, cut);
    console.info(
      `fast forgetter: trained on ${trainedOn}, held out ${heldOut}; log loss / RMSE(bins): defaults ${defaults.logLoss?.toFixed(4)} / ${defaults.rmseBins?.toFixed(4)}, ` +
        `trained ${personal.logLoss?.toFixed(4)} / ${personal.rmseBins?.toFixed(4)}, true parameters ${oracle.logLoss?.toFixed(4)} / ${oracle.rmseBins?.toFixed(4)}`,
    );
    expect(heldOut).toBeGreaterThan(1_000);
    expect(personal.logLoss!).toBeLessThan(defaults.logLoss!);
    expect(personal.rmseBins!).toBeLessThan(defaults.rmseBins!);
    // Training closes most of the gap between the defaults and the truth.
    expect(personal.logLoss! - oracle.logLoss!).toBeLessThan((defaults.logLoss! - oracle.logLoss!) / 2);
    expect(result.decision.adopt).toBe(true);
    expect(result.decision.sentence).toMatch(/^Your own parameters predicted your held-out answers better: log loss 0\.\d{3} vs 0\.\d{3}/);
  });

  it('schedules from Kata’s automatic grades about as well as from the true grades', { timeout: 120_000 }, async () => {
    const truth = await train(historiesOf({ ...LEARNER, seed: 11, grading: 'true' }));
    const auto = await train(historiesOf({ ...LEARNER, seed: 11, grading: 'auto' }));
    const t = truth.comparison.personal;
    const a = auto.comparison.personal;
    console.info(`true grades ${t.logLoss?.toFixed(4)} / ${t.rmseBins?.toFixed(4)} (defaults ${truth.comparison.defaults.logLoss?.toFixed(4)}), auto grades ${a.logLoss?.toFixed(4)} / ${a.rmseBins?.toFixed(4)} (defaults ${auto.comparison.defaults.logLoss?.toFixed(4)})`);
    expect(a.logLoss!).toBeLessThan(t.logLoss! + 0.02);
    expect(a.rmseBins!).toBeLessThan(t.rmseBins! + 0.02);
  });

  it('refuses parameters trained on someone else’s history, and deliberately worse ones', { timeout: 120_000 }, async () => {
    const own = historiesOf(LEARNER);
    const other = await train(historiesOf({ ...LEARNER, seed: 3, trueWeights: SLOW_FORGETTER }));
    const ownResult = await train(own);
    const cut = ownResult.comparison.cut;
    const defaults = ownResult.comparison.defaults;
    const mismatched = evaluateHeldOut(makeScheduler({ weights: other.weights }), own, cut);
    console.info(`slow forgetter's parameters on the fast forgetter: ${mismatched.logLoss?.toFixed(4)} / ${mismatched.rmseBins?.toFixed(4)} vs defaults ${defaults.logLoss?.toFixed(4)}`);
    const refused = decideAdoption({ ...ownResult.comparison, personal: mismatched });
    expect(mismatched.logLoss!).toBeGreaterThan(defaults.logLoss!);
    expect(refused.adopt).toBe(false);
    expect(refused.sentence).toMatch(/^FSRS’s defaults predicted your held-out answers at least as well/);
    // First stabilities of 100 days and three times the growth: the scheduler expects recall that is not there.
    const worse = ownResult.weights.map((w, i) => (i < 4 ? 100 : i === 8 ? w * 3 : w));
    const worseSummary = evaluateHeldOut(makeScheduler({ weights: worse }), own, cut);
    expect(decideAdoption({ ...ownResult.comparison, personal: worseSummary }).adopt).toBe(false);
  });
});
