/**
 * How well one set of FSRS parameters predicts the held-out answers: each card's answers are
 * replayed from the empty card through ts-fsrs (Kata's scheduler, with the person's steps),
 * and at each held-out target the recall predicted from the state before it is scored against
 * what happened, in srs-benchmark's log loss and RMSE(bins) (shared/progress/calibration-bins.ts).
 * Every set is scored on the same answers with the same replay, so the two numbers compare.
 */
import type { FSRS } from 'ts-fsrs';
import type { CalibrationBins, CalibrationSummary } from '../../progress/calibration-bins';
import { addReview, calibrationKey, summarizeCalibration } from '../../progress/calibration-bins';
import type { Rating } from '../../model';
import { newCardState } from '../card-state';
import { DAY_MS } from '../day';
import { retrievability, reviewCard } from '../review';
import type { CardHistory } from './review-history';

/** Adds the held-out targets (answered at or after `cut`) of one card to `bins`, predicted by `scheduler`. */
export function addHeldOutPredictions(bins: CalibrationBins, scheduler: FSRS, history: CardHistory, cut: number): number {
  const { ratings, times, targets } = history;
  const last = times.length - 1;
  // Nothing to score on a card whose last answer is before the cut: skip its replay.
  if (last < 0 || (times[last] as number) < cut) return 0;
  let state = newCardState(times[0] as number);
  let scored = 0;
  for (let i = 0; i <= last; i += 1) {
    const at = times[i] as number;
    if (targets[i] && at >= cut && state.lastReview !== undefined) {
      const elapsedDays = Math.max(0, Math.floor((at - state.lastReview) / DAY_MS));
      const p = retrievability(scheduler, state, at);
      addReview(bins, calibrationKey(elapsedDays, state.reps + 1, state.lapses), p, (ratings[i] as number) > 1);
      scored += 1;
    }
    state = reviewCard(scheduler, state, ratings[i] as Rating, at).after;
  }
  return scored;
}

/** The log loss and RMSE(bins) of `scheduler` on every held-out target of `histories`. */
export function evaluateHeldOut(scheduler: FSRS, histories: readonly CardHistory[], cut: number): CalibrationSummary {
  const bins: CalibrationBins = {};
  for (const history of histories) addHeldOutPredictions(bins, scheduler, history, cut);
  return summarizeCalibration(bins);
}
