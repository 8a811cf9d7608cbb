/**
 * Training and its proof, in one pure pass over a person's card histories: hold out the latest
 * answers (heldOutCut), train on the earlier ones through an Optimizer, score FSRS's defaults
 * and the trained parameters on the held-out answers, and decide (adoption.ts). The training
 * worker and the tests on simulated learners run exactly this.
 */
import type { SchedulerSettings } from '../scheduler-settings';
import { makeScheduler } from '../scheduler-settings';
import type { AdoptionDecision, ParameterComparison } from './adoption';
import { decideAdoption } from './adoption';
import { evaluateHeldOut } from './held-out-evaluation';
import type { Optimizer, StopSignal, TrainingProgress } from './optimizer';
import { MIN_TRAINING_ITEMS, TrainingStopped } from './optimizer';
import type { CardHistory } from './review-history';
import { heldOutCut, splitSizes, trainingSet } from './review-history';

/**
 * Training items given to the optimizer at most (the most recent ones). fsrs-browser's time
 * grows with the items (single-threaded, roughly a second per thousand here); this keeps a
 * million-answer collection's training to about a minute and a half.
 */
export const MAX_TRAINING_ITEMS = 100_000;

/** Whether there are enough answers to train, and how they split. */
export interface TrainingReadiness {
  enough: boolean;
  /** All targets (answers that FSRS can learn from: see review-history.ts). */
  targets: number;
  training: number;
  heldOut: number;
  cut: number | null;
}

/** How `histories` would split, and whether the earlier part reaches MIN_TRAINING_ITEMS with a held-out part to test on. */
export function trainingReadiness(histories: readonly CardHistory[]): TrainingReadiness {
  const cut = heldOutCut(histories);
  if (cut === null) return { enough: false, targets: 0, training: 0, heldOut: 0, cut };
  const { training, heldOut } = splitSizes(histories, cut);
  return { enough: training >= MIN_TRAINING_ITEMS && heldOut > 0, targets: training + heldOut, training, heldOut, cut };
}

export interface PersonalTrainingResult {
  weights: number[];
  comparison: ParameterComparison;
  decision: AdoptionDecision;
}

export type TrainingPhase = 'training' | 'evaluating';

/**
 * Trains on the answers before the held-out cut and scores both parameter sets on the rest,
 * replayed with `settings`' steps. Rejects with TrainingStopped when `signal` aborts, and with
 * an Error when there are too few answers (check trainingReadiness first).
 */
export async function trainPersonalParameters(
  histories: readonly CardHistory[],
  settings: Partial<SchedulerSettings>,
  optimizer: Optimizer,
  onProgress: (phase: TrainingPhase, progress: TrainingProgress) => void,
  signal: StopSignal,
  maxItems = MAX_TRAINING_ITEMS,
): Promise<PersonalTrainingResult> {
  const readiness = trainingReadiness(histories);
  if (!readiness.enough || readiness.cut === null) {
    throw new Error(`too few answers to train on: ${readiness.training} before the held-out ones, ${MIN_TRAINING_ITEMS} needed`);
  }
  const cut = readiness.cut;
  const items = trainingSet(histories, cut, maxItems);
  const weights = await optimizer.train(items, (progress) => onProgress('training', progress), signal);
  if (signal.aborted) throw new TrainingStopped();
  onProgress('evaluating', { done: 0, total: 2 });
  const defaults = evaluateHeldOut(makeScheduler({ ...settings, weights: null }), histories, cut);
  if (signal.aborted) throw new TrainingStopped();
  onProgress('evaluating', { done: 1, total: 2 });
  const personal = evaluateHeldOut(makeScheduler({ ...settings, weights }), histories, cut);
  onProgress('evaluating', { done: 2, total: 2 });
  const comparison: ParameterComparison = { defaults, personal, trainedOn: items.lengths.length, heldOut: defaults.reviews, cut };
  return { weights, comparison, decision: decideAdoption(comparison) };
}
