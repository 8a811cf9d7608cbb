/**
 * "Rare incident of the day": one suggestion a day, the same all day (drawn with the study
 * day as seed), toward the pack that is rarest in life (`rarity`, `criticality`) and
 * weakest in memory, and that has not been walked lately — with one line saying why.
 */
import type { Criticality, Rarity } from '../model';
import { hash32 } from '../hash';
import { createRandom } from '../random';

export interface IncidentCandidate {
  packId: string;
  title: string;
  rarity?: Rarity;
  criticality?: Criticality;
  /** 0 (every card well recalled) to 1 (nothing recalled or never studied). */
  weakness: number;
  lastWalkedAt?: number;
}

export interface IncidentOfDay {
  packId: string;
  /** One line: why this pack today. */
  reason: string;
}

const RARITY_WEIGHT: Record<Rarity, number> = { rare: 3, occasional: 2, common: 1 };
const CRITICALITY_WEIGHT: Record<Criticality, number> = { high: 3, medium: 2, low: 1 };
const DAY_MS = 86_400_000;

/** How strongly a candidate is pulled toward today (exported for tests of the ordering). */
export function incidentWeight(candidate: IncidentCandidate, now: number): number {
  const rarity = RARITY_WEIGHT[candidate.rarity ?? 'occasional'];
  const criticality = CRITICALITY_WEIGHT[candidate.criticality ?? 'medium'];
  const days = candidate.lastWalkedAt === undefined ? 30 : Math.min(30, Math.max(0, (now - candidate.lastWalkedAt) / DAY_MS));
  const weak = Math.max(0, Math.min(1, candidate.weakness));
  // Squared so the rarest, weakest pack wins most days, while others still come up sometimes.
  return (rarity * criticality * (0.25 + weak) * (1 + days / 30)) ** 2;
}

function reasonFor(candidate: IncidentCandidate, now: number): string {
  const parts: string[] = [];
  const rarity = candidate.rarity === 'rare' ? 'Rare in real life' : candidate.rarity === 'common' ? 'Common in real life' : 'Occasional in real life';
  parts.push(candidate.criticality ? `${rarity}, ${candidate.criticality} criticality` : rarity);
  parts.push(`${Math.round(Math.max(0, Math.min(1, candidate.weakness)) * 100)} % of its cards are due or not yet learned`);
  if (candidate.lastWalkedAt === undefined) parts.push('never walked');
  else {
    const days = Math.floor((now - candidate.lastWalkedAt) / DAY_MS);
    parts.push(days <= 0 ? 'walked today' : days === 1 ? 'last walked yesterday' : `last walked ${days} days ago`);
  }
  return `${parts.join('; ')}.`;
}

/** Today's suggestion among `candidates` (walkable packs), or null when there are none. */
export function incidentOfDay(candidates: readonly IncidentCandidate[], studyDay: number, now: number): IncidentOfDay | null {
  if (candidates.length === 0) return null;
  // Sorted first, so the draw does not depend on the order packs were read in.
  const sorted = [...candidates].sort((a, b) => (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0));
  const weights = sorted.map((candidate) => incidentWeight(candidate, now));
  const total = weights.reduce((sum, w) => sum + w, 0);
  let r = createRandom(hash32(`incident-of-the-day/${studyDay}`)).next() * total;
  let chosen = sorted[sorted.length - 1] as IncidentCandidate;
  for (let i = 0; i < sorted.length; i += 1) {
    r -= weights[i] as number;
    if (r < 0) {
      chosen = sorted[i] as IncidentCandidate;
      break;
    }
  }
  return { packId: chosen.packId, reason: reasonFor(chosen, now) };
}
