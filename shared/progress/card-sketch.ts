/**
 * What a pack's cards recall now, without reading its cards: a sketch of their memory states
 * (how many studied cards have stability in each bin and were last reviewed in each span of
 * time: an hour for the shortest stabilities, longer spans for longer ones, see SPAN_HOURS),
 * kept up to date in the answer's transaction (the old state out, the new one in) and rebuilt
 * from the cards after an import. Mean retrievability is estimated from it at any time; the
 * stability bins are fine enough that the estimate stays within 0.02 of the exact mean (a test
 * holds it to that), and one edge is at 21 days so the share of mature cards is exact.
 */
import type { FSRS } from 'ts-fsrs';
import type { CardState } from '../model';
import { DAY_MS } from '../schedule/day';

const HOUR_MS = 3_600_000;

/** Stability bin edges in days (a stability falls in the bin below the first edge above it). */
// Fine at the low end, where a few hours change recall most, and log-spaced above.
const EDGES: readonly number[] = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.65, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6.5, 8, 10, 12.5, 16, 21, 26, 33, 42, 54, 70, 90, 115, 150, 195, 250, 330, 430, 560, 730, 950, 1250, 1650, 2200, 36_500];
/** Stability counted as mature (Anki's 21 days). */
export const MATURE_DAYS = 21;

/**
 * Hours of last review counted together in each stability bin: a power of two, at most a
 * sixteenth of the bin's lowest stability (at least an hour). Recall falls by about a tenth
 * over one stability, so half a span moves it by well under 0.005; an hour for every card of
 * a long-studied pack, on the other hand, made sketches of 100 000 keys at 1 000 000 answers.
 */
const SPAN_HOURS: readonly number[] = EDGES.map((_, bin) => {
  const lowDays = bin === 0 ? 0 : (EDGES[bin - 1] as number);
  const hours = (lowDays * 24) / 16;
  return hours < 2 ? 1 : 2 ** Math.floor(Math.log2(hours));
});

export interface PackMemory {
  packId: string;
  /** Unsuspended cards. */
  cards: number;
  /** Unsuspended cards never answered. */
  fresh: number;
  /** Studied unsuspended cards, by `${stability bin}|${first hour of the span of the last review}` (hours since the epoch). */
  bins: Record<string, number>;
}

export function emptyMemory(packId: string): PackMemory {
  return { packId, cards: 0, fresh: 0, bins: {} };
}

function binOf(stability: number): number {
  const index = EDGES.findIndex((edge) => stability < edge);
  return index < 0 ? EDGES.length - 1 : index;
}

/** The bin's typical stability: the geometric middle of its edges. */
function stabilityOfBin(bin: number): number {
  const low = bin === 0 ? (EDGES[0] as number) / 2 : (EDGES[bin - 1] as number);
  const high = EDGES[bin] as number;
  return Math.sqrt(low * high);
}

/** Adds (`sign` 1) or takes away (-1) one unsuspended card in state `state`, in place. */
export function addCard(memory: PackMemory, state: CardState, sign: 1 | -1 = 1): void {
  memory.cards += sign;
  if (state.state === 0 || state.lastReview === undefined) {
    memory.fresh += sign;
    return;
  }
  const bin = binOf(state.stability);
  const span = SPAN_HOURS[bin] as number;
  const key = `${bin}|${Math.floor(state.lastReview / HOUR_MS / span) * span}`;
  const count = (memory.bins[key] ?? 0) + sign;
  if (count <= 0) delete memory.bins[key];
  else memory.bins[key] = count;
}

/** The sketch of a pack's unsuspended cards. */
export function sketchOf(packId: string, cards: Iterable<CardState & { suspended: 0 | 1 }>): PackMemory {
  const memory = emptyMemory(packId);
  for (const card of cards) if (card.suspended === 0) addCard(memory, card);
  return memory;
}

export interface RecallEstimate {
  cards: number;
  studied: number;
  /** Mean probability of recall of the pack's unsuspended cards now (0 for a card never studied), or null with none. */
  meanRetrievability: number | null;
  /** Mean over studied cards only, or null when none is studied. */
  studiedRetrievability: number | null;
  /** Share of the unsuspended cards with stability of 21 days or more. */
  matureShare: number | null;
}

/** What the pack recalls at `now`, by the scheduler's forgetting curve. */
export function estimateRecall(memory: PackMemory, scheduler: FSRS, now: number): RecallEstimate {
  let sum = 0;
  let studied = 0;
  let mature = 0;
  for (const [key, count] of Object.entries(memory.bins)) {
    const [binText, hourText] = key.split('|');
    const bin = Number(binText);
    // Whole days since the review (as FSRS counts them), from the middle of its span.
    const middle = Number(hourText) + (SPAN_HOURS[bin] as number) / 2;
    const elapsed = Math.max(0, Math.floor((now - middle * HOUR_MS) / DAY_MS));
    sum += count * scheduler.forgetting_curve(elapsed, stabilityOfBin(bin));
    studied += count;
    if (bin > 0 && (EDGES[bin - 1] as number) >= MATURE_DAYS) mature += count;
  }
  return {
    cards: memory.cards,
    studied,
    meanRetrievability: memory.cards > 0 ? sum / memory.cards : null,
    studiedRetrievability: studied > 0 ? sum / studied : null,
    matureShare: memory.cards > 0 ? mature / memory.cards : null,
  };
}
