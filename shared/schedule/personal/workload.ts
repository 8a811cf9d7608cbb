/**
 * The reviews a desired retention asks for: each studied card is scheduled forward through
 * ts-fsrs with the person's parameters and that retention for the next days, recall drawn
 * from its predicted retrievability at each review (recalled: Good, forgotten: Again, then its
 * relearning steps), and the reviews counted per day. Seeded, so the same cards and seed give
 * the same chart; fuzz off, because it spreads intervals without changing how many there are.
 * New cards are left out: how many the person starts is their daily limit, not the retention.
 */
import { Rating as FsrsRating, type Card as FsrsCard, type Grade } from 'ts-fsrs';
import type { CardState } from '../../model';
import { createRandom } from '../../random';
import { toFsrsCard } from '../card-state';
import { DAY_MS } from '../day';
import type { SchedulerSettings } from '../scheduler-settings';
import { makeScheduler } from '../scheduler-settings';

/** The retentions the chart offers, 0.80 to 0.97 in hundredths (above 0.97 the workload climbs steeply). */
export const WORKLOAD_RETENTIONS: readonly number[] = Array.from({ length: 18 }, (_, i) => Math.round((0.8 + i * 0.01) * 100) / 100);

/** Days simulated. */
export const WORKLOAD_DAYS = 30;

/**
 * Cards simulated at most: a seeded sample of this size stands for the collection (its counts
 * scaled up), which keeps 18 retentions over 100 000 cards to seconds while the sampling error
 * stays around one per cent of a day's count.
 */
export const WORKLOAD_SAMPLE = 20_000;

export interface WorkloadPoint {
  retention: number;
  /** Expected reviews on each of the next days (day 0 is the one starting at `start`). */
  perDay: number[];
  /** Mean reviews per day over the days. */
  perDayMean: number;
}

export interface WorkloadOptions {
  /** Epoch ms of the first simulated day's start (the current study day's). */
  start: number;
  days?: number;
  retentions?: readonly number[];
  seed?: number;
  sample?: number;
}

/** A seeded sample of at most `size` of `states` (all of them when there are fewer). */
function sampleOf(states: readonly CardState[], size: number, seed: number): readonly CardState[] {
  if (states.length <= size) return states;
  const random = createRandom(seed ^ 0x5eed);
  const copy = [...states];
  // Partial Fisher–Yates: the first `size` places end up a uniform sample.
  for (let i = 0; i < size; i += 1) {
    const j = i + random.int(copy.length - i);
    [copy[i], copy[j]] = [copy[j] as CardState, copy[i] as CardState];
  }
  return copy.slice(0, size);
}

function simulateOne(counts: number[], scheduler: ReturnType<typeof makeScheduler>, state: CardState, start: number, end: number, next: () => number): void {
  let card: FsrsCard = toFsrsCard(state);
  // An overdue card is reviewed on the first day.
  let at = Math.max(state.due, start);
  // A guard against a pathological parameter set that schedules minutes apart forever.
  for (let reviews = 0; at < end && reviews < 500; reviews += 1) {
    counts[Math.floor((at - start) / DAY_MS)]! += 1;
    const last = card.last_review?.getTime();
    const elapsed = last === undefined ? 0 : Math.max(0, Math.floor((at - last) / DAY_MS));
    const recall = card.state === 0 || last === undefined ? 0 : scheduler.forgetting_curve(elapsed, card.stability);
    const grade: Grade = next() < recall ? FsrsRating.Good : FsrsRating.Again;
    card = scheduler.next(card, new Date(at), grade).card;
    at = Math.max(card.due.getTime(), at + 1);
  }
}

/**
 * The expected daily reviews of the studied cards among `states` over the next days, for each
 * retention, scheduled with `settings` (the person's parameters and steps) at that retention.
 */
export function simulateWorkload(states: readonly CardState[], settings: Partial<SchedulerSettings>, options: WorkloadOptions): WorkloadPoint[] {
  const days = options.days ?? WORKLOAD_DAYS;
  const seed = options.seed ?? 1;
  const studied = states.filter((state) => state.state !== 0);
  const sample = sampleOf(studied, options.sample ?? WORKLOAD_SAMPLE, seed);
  const scale = sample.length === 0 ? 0 : studied.length / sample.length;
  const end = options.start + days * DAY_MS;
  return (options.retentions ?? WORKLOAD_RETENTIONS).map((retention) => {
    const scheduler = makeScheduler({ ...settings, desiredRetention: retention, enableFuzz: false });
    // The same draws for every retention: the curves differ by the retention, not by luck.
    const random = createRandom(seed);
    const counts = new Array<number>(days).fill(0);
    for (const state of sample) simulateOne(counts, scheduler, state, options.start, end, random.next);
    const perDay = counts.map((n) => n * scale);
    return { retention, perDay, perDayMean: perDay.reduce((a, b) => a + b, 0) / days };
  });
}
