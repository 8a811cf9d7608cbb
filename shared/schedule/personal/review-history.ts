/**
 * A person's answers as FSRS's optimizer reads them: each card's reviews in time order as
 * (rating, delta_t) pairs, delta_t in whole study days since the card's previous review
 * (fsrs-rs's FSRSItem; Anki counts days by its "next day starts at" hour, Kata by its day
 * start). One training item is a card's reviews up to and including one *target* review,
 * whose outcome the earlier ones must predict.
 *
 * Kept compact (plain number arrays per card) because a collection of a million answers
 * is read into one of these in the training worker.
 */
import type { Rating, ReviewEvent } from '../../model';
import { studyDayIndex } from '../day';

/** One card's answers, oldest first, as parallel arrays. */
export interface CardHistory {
  cardId: string;
  ratings: Rating[];
  /** Study days since the previous answer (0 for the first, and for a second answer the same day). */
  deltaTs: number[];
  /** Epoch ms of each answer (what ts-fsrs is given on replay). */
  times: number[];
  /** Whether each answer may be a target: see isTarget. */
  targets: boolean[];
}

/**
 * Why an answer is a target: it has an earlier answer on another study day (FSRS predicts
 * long-term recall from the history before it; srs-benchmark counts the first review of a
 * card per day, and so does Kata's calibration) and it is a drill answer. Simulation answers
 * stay in the history (they are real retrievals that shaped memory, and the scheduler folded
 * them in) but are never targets: they are graded against a scenario's clock and under its
 * pressure, and a decision is often a chain of what the previous one revealed, so their
 * outcomes measure the scenario as much as memory of the card.
 */
function isTarget(index: number, deltaT: number, event: ReviewEvent): boolean {
  return index > 0 && deltaT > 0 && event.source !== 'simulation';
}

/** The history of one card from its events (any order; sorted by time here), study days by `dayStartHour` and the time zone in force at each answer. */
export function cardHistory(
  cardId: string,
  events: readonly ReviewEvent[],
  dayStartHour: number,
  timezoneOffsetMinutes: (at: number) => number,
): CardHistory {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  const history: CardHistory = { cardId, ratings: [], deltaTs: [], times: [], targets: [] };
  let previousDay: number | undefined;
  sorted.forEach((event, index) => {
    const day = studyDayIndex(event.at, dayStartHour, timezoneOffsetMinutes(event.at));
    const deltaT = previousDay === undefined ? 0 : Math.max(0, day - previousDay);
    previousDay = day;
    history.ratings.push(event.rating);
    history.deltaTs.push(deltaT);
    history.times.push(event.at);
    history.targets.push(isTarget(index, deltaT, event));
  });
  return history;
}

/** How many answers in `histories` are targets. */
export function countTargets(histories: readonly CardHistory[]): number {
  let n = 0;
  for (const history of histories) for (const target of history.targets) if (target) n += 1;
  return n;
}

/** The optimizer's input: items flattened as fsrs-browser's computeParameters takes them. */
export interface TrainingSet {
  /** Every item's ratings, one item after another. */
  ratings: Uint32Array;
  /** Every item's delta_t, aligned with `ratings`. */
  deltaTs: Uint32Array;
  /** Each item's number of reviews (its last one is the target). */
  lengths: Uint32Array;
}

/**
 * The training items of the targets answered before `cut` (epoch ms), the most recent
 * `maxItems` of them at most: the optimizer's time grows with the items, and recent answers
 * say the most about memory now.
 */
export function trainingSet(histories: readonly CardHistory[], cut: number, maxItems = Infinity): TrainingSet {
  const chosen: { history: CardHistory; end: number; at: number }[] = [];
  for (const history of histories) {
    history.targets.forEach((target, index) => {
      const at = history.times[index] as number;
      if (target && at < cut) chosen.push({ history, end: index + 1, at });
    });
  }
  if (chosen.length > maxItems) {
    chosen.sort((a, b) => a.at - b.at);
    chosen.splice(0, chosen.length - maxItems);
  }
  let total = 0;
  for (const item of chosen) total += item.end;
  const ratings = new Uint32Array(total);
  const deltaTs = new Uint32Array(total);
  const lengths = new Uint32Array(chosen.length);
  let offset = 0;
  chosen.forEach((item, i) => {
    for (let k = 0; k < item.end; k += 1) {
      ratings[offset + k] = item.history.ratings[k] as number;
      deltaTs[offset + k] = item.history.deltaTs[k] as number;
    }
    offset += item.end;
    lengths[i] = item.end;
  });
  return { ratings, deltaTs, lengths };
}

/** Share of the targets held out for evaluation: the latest fifth, as one test fold of a time-series split. */
export const HELD_OUT_SHARE = 0.2;

/**
 * The time from which answers are held out: the targets answered at or after it are the latest
 * `share` of all targets (by answer time, across cards). One global cut, not the last reviews of
 * each card: the parameters are fit only on what was known before the first held-out answer,
 * as srs-benchmark's time-series split does, so no later answer of any card leaks into training.
 * Null when there are no targets.
 */
export function heldOutCut(histories: readonly CardHistory[], share = HELD_OUT_SHARE): number | null {
  const times: number[] = [];
  for (const history of histories) {
    history.targets.forEach((target, index) => {
      if (target) times.push(history.times[index] as number);
    });
  }
  if (times.length === 0) return null;
  times.sort((a, b) => a - b);
  const heldOut = Math.max(1, Math.round(times.length * share));
  return times[times.length - heldOut] as number;
}

/** Targets before and from `cut`: the training and held-out sizes. */
export function splitSizes(histories: readonly CardHistory[], cut: number): { training: number; heldOut: number } {
  let training = 0;
  let heldOut = 0;
  for (const history of histories) {
    history.targets.forEach((target, index) => {
      if (!target) return;
      if ((history.times[index] as number) < cut) training += 1;
      else heldOut += 1;
    });
  }
  return { training, heldOut };
}
