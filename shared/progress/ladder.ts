/**
 * The independence ladder (practice.md; ten Cate's entrustment levels, the Zwisch scale):
 * Observe, Guided, Assisted, Independent, Can teach. A pack stands on the highest level whose
 * conditions, and every lower level's, hold; the app always says why, and what would move it up.
 * Thresholds are settings (LadderThresholds), shown in the app.
 */
import type { AttemptResult, PackKind } from '../model';
import type { RecallEstimate } from './card-sketch';
import type { Automaticity, Independence, PersonCalibration, Rate } from './metrics';
import { isIndependentSuccess } from './metrics';

export type LadderLevel = 1 | 2 | 3 | 4 | 5;

export const LADDER_NAMES: Readonly<Record<LadderLevel, string>> = {
  1: 'Observe',
  2: 'Guided',
  3: 'Assisted',
  4: 'Independent',
  5: 'Can teach',
};

export interface LadderThresholds {
  /** Guided: simulations finished with at least this score (options and hints allowed). */
  guidedSimulations: number;
  guidedScore: number;
  /** Assisted: simulations at a recall level (3+) with every decision right, hints allowed; and recall of studied cards. */
  assistedSimulations: number;
  assistedRecall: number;
  /** Independent: recent simulations right, unaided and in time, on at least so many days; drill accuracy and recall. */
  independentSimulations: number;
  independentDays: number;
  independentAccuracy: number;
  independentRecall: number;
  /** Can teach: independent for at least so many days, the reasons explained, and well calibrated. */
  teachDays: number;
  teachWhyAccuracy: number;
  teachBrier: number;
}

export const DEFAULT_THRESHOLDS: LadderThresholds = {
  guidedSimulations: 2,
  guidedScore: 60,
  assistedSimulations: 2,
  assistedRecall: 0.7,
  independentSimulations: 3,
  independentDays: 2,
  independentAccuracy: 0.85,
  independentRecall: 0.85,
  teachDays: 60,
  teachWhyAccuracy: 0.9,
  teachBrier: 0.15,
};

/** Everything the ladder reads of one pack. */
export interface PackEvidence {
  kind: PackKind;
  now: number;
  recall: RecallEstimate;
  drillAccuracy: Rate;
  whyAccuracy: Rate;
  /** Why cards in the pack (null when not recorded). */
  whyCards: number | null;
  automaticity: Automaticity;
  independence: Independence;
  calibration: PersonCalibration;
  results: readonly AttemptResult[];
}

export interface LadderPlacement {
  level: LadderLevel;
  name: string;
  /** Why it stands there, in a sentence. */
  why: string;
  /** What would move it up, in a sentence (null at the top). */
  next: string | null;
}

const DAY_MS = 86_400_000;
const percent = (share: number): string => `${Math.round(share * 100)} %`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

interface Check {
  met: boolean;
  /** What is still missing, as an instruction ("2 more simulations…"). */
  missing: string[];
  /** What holds, as evidence ("you recalled it unaided twice"). */
  holds: string[];
}

function guided(e: PackEvidence, t: LadderThresholds): Check {
  const good = e.results.filter((r) => r.score >= t.guidedScore).length;
  if (good >= t.guidedSimulations) return { met: true, missing: [], holds: [`${plural(good, 'simulation')} finished with a score of ${t.guidedScore} or more`] };
  return { met: false, holds: [], missing: [`${plural(t.guidedSimulations - good, 'more simulation')} with a score of ${t.guidedScore} or more (options and hints are fine)`] };
}

function assisted(e: PackEvidence, t: LadderThresholds): Check {
  const recalled = e.results.filter((r) => r.level >= 3 && r.correct).length;
  const recall = e.recall.studiedRetrievability;
  const missing: string[] = [];
  const holds: string[] = [];
  if (recalled >= t.assistedSimulations) holds.push(`${plural(recalled, 'simulation')} recalled freely with every decision right`);
  else missing.push(`${plural(t.assistedSimulations - recalled, 'more simulation')} at level 3 or above with every decision right (hints allowed)`);
  if (recall !== null && recall >= t.assistedRecall) holds.push(`your cards' recall is ${percent(recall)}`);
  else missing.push(recall === null ? 'some practice of its cards, to measure your recall' : `recall of its cards at ${percent(t.assistedRecall)} (now ${percent(recall)})`);
  return { met: missing.length === 0, missing, holds };
}

function independent(e: PackEvidence, t: LadderThresholds): Check {
  const { independence: ind } = e;
  const missing: string[] = [];
  const holds: string[] = [];
  const lacking = t.independentSimulations - ind.successes;
  const daysLacking = t.independentDays - ind.days;
  if (lacking <= 0 && daysLacking <= 0) {
    holds.push(`${plural(ind.successes, 'recent simulation')} right, unaided and in time, on ${plural(ind.days, 'day')}`);
  } else if (lacking > 0) {
    missing.push(`${plural(lacking, 'more unaided simulation')} in time, on at least ${plural(t.independentDays, 'different day')}`);
  } else {
    missing.push(`an unaided simulation in time on ${plural(daysLacking, 'more day')} (all ${ind.successes} were on ${plural(ind.days, 'day')})`);
  }
  const recall = e.recall.studiedRetrievability;
  if (recall !== null && recall >= t.independentRecall) holds.push(`recall of its cards ${percent(recall)}`);
  else missing.push(recall === null ? 'practice of its cards, to measure your recall' : `recall of its cards at ${percent(t.independentRecall)} (now ${percent(recall)})`);
  const acc = e.drillAccuracy;
  if (acc.answers >= 10 && acc.share !== null) {
    if (acc.share >= t.independentAccuracy) holds.push(`${percent(acc.share)} of recent drill answers right`);
    else missing.push(`drill accuracy at ${percent(t.independentAccuracy)} (now ${percent(acc.share)} of ${acc.answers})`);
  }
  const a = e.automaticity;
  if (a.medianMs !== null && a.firstWeekMedianMs !== null && a.medianMs > a.firstWeekMedianMs) {
    missing.push(`answers at least as quick as in your first week (median ${(a.firstWeekMedianMs / 1000).toFixed(1)} s; now ${(a.medianMs / 1000).toFixed(1)} s)`);
  }
  return { met: missing.length === 0, missing, holds };
}

function canTeach(e: PackEvidence, t: LadderThresholds): Check {
  const missing: string[] = [];
  const holds: string[] = [];
  const { firstSuccessAt, lastSuccessAt } = e.independence;
  const held = firstSuccessAt !== undefined && lastSuccessAt !== undefined ? Math.floor((lastSuccessAt - firstSuccessAt) / DAY_MS) : 0;
  const recentSuccess = lastSuccessAt !== undefined && e.now - lastSuccessAt <= 30 * DAY_MS;
  if (held >= t.teachDays && recentSuccess) holds.push(`independent for ${plural(held, 'day')}`);
  else if (!recentSuccess) missing.push('an unaided simulation in time within the last 30 days');
  else missing.push(`independence held for ${plural(t.teachDays, 'day')} (now ${plural(held, 'day')})`);
  if (e.whyCards !== 0) {
    const why = e.whyAccuracy;
    const needed = Math.min(5, e.whyCards ?? 5);
    if (why.answers >= needed && why.share !== null && why.share >= t.teachWhyAccuracy) holds.push(`${percent(why.share)} of the reasons explained`);
    else missing.push(why.answers < needed ? `${plural(needed - why.answers, 'more answer')} on its "why" cards` : `the reasons explained ${percent(t.teachWhyAccuracy)} of the time (now ${percent(why.share ?? 0)})`);
  }
  const c = e.calibration;
  if (c.n >= 4 && c.brier !== null && c.brier <= t.teachBrier) holds.push('your confidence matches your results');
  else missing.push(c.n < 4 ? `your confidence stated before ${plural(4 - c.n, 'more simulation')}` : `confidence that matches your results (Brier ${c.brier?.toFixed(2)}, needs ${t.teachBrier} or less)`);
  return { met: missing.length === 0, missing, holds };
}

const CHECKS: readonly ((e: PackEvidence, t: LadderThresholds) => Check)[] = [guided, assisted, independent, canTeach];

/** The pack's place on the ladder, with why and what would move it up. */
export function placeOnLadder(evidence: PackEvidence, thresholds: LadderThresholds = DEFAULT_THRESHOLDS): LadderPlacement {
  let level: LadderLevel = 1;
  let holds: string[] = [];
  for (const check of CHECKS) {
    const result = check(evidence, thresholds);
    if (!result.met) {
      const nextLevel = (level + 1) as LadderLevel;
      return {
        level,
        name: LADDER_NAMES[level],
        why: whySentence(level, holds, evidence),
        next: `For ${LADDER_NAMES[nextLevel]}: ${result.missing.join('; ')}.`,
      };
    }
    holds = result.holds;
    level = (level + 1) as LadderLevel;
  }
  return { level: 5, name: LADDER_NAMES[5], why: whySentence(5, holds, evidence), next: null };
}

function whySentence(level: LadderLevel, holds: readonly string[], evidence: PackEvidence): string {
  if (level === 1) {
    return evidence.results.length === 0 && evidence.recall.studied === 0
      ? 'Imported, not practised yet.'
      : 'Studied, but not yet practised enough in simulations to judge.';
  }
  const meaning: Record<LadderLevel, string> = {
    1: '',
    2: 'You succeed with options and hints',
    3: 'You recall it unaided, but not yet fast, accurate and steady across days',
    4: 'You do it unaided, accurately and in time, across days',
    5: 'You have done it unaided for months, explain its reasons and judge yourself well',
  };
  return `${meaning[level]}: ${holds.join('; ')}.`;
}

/** "Could I do this alone tonight?" */
export interface TonightAnswer {
  answer: 'yes' | 'probably' | 'not yet';
  evidence: string[];
}

/** An honest answer, with its evidence, from the placement and the latest results. */
export function aloneTonight(placement: LadderPlacement, evidence: PackEvidence): TonightAnswer {
  const lines: string[] = [];
  const { lastSuccessAt } = evidence.independence;
  const recentDays = lastSuccessAt === undefined ? null : Math.floor((evidence.now - lastSuccessAt) / DAY_MS);
  if (recentDays === null) lines.push('You have not yet finished a simulation of it unaided, right and in time.');
  else lines.push(`Last done unaided, right and in time ${recentDays === 0 ? 'today' : recentDays === 1 ? 'yesterday' : `${recentDays} days ago`}.`);
  const recall = evidence.recall.studiedRetrievability;
  if (recall !== null) lines.push(`Your recall of its cards now: ${percent(recall)}.`);
  const latest = evidence.results.at(-1);
  if (latest) lines.push(`Latest simulation: score ${latest.score}, ${isIndependentSuccess(latest) ? 'unaided and in time' : latest.correct ? 'right, but with help or over time' : 'with misses'}.`);
  const fresh = recentDays !== null && recentDays <= 30;
  if (placement.level >= 4 && fresh && (recall ?? 0) >= 0.85) return { answer: 'yes', evidence: lines };
  if (placement.level >= 3 && (fresh || (recall ?? 0) >= 0.8)) return { answer: 'probably', evidence: lines };
  return { answer: 'not yet', evidence: lines };
}
