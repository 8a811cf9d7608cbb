/**
 * A decision's grade on its card (one memory model), by the rule of the automatic drill
 * grade, measured against the scenario's clock instead of the person's usual drill time:
 * wrong → Again; right with a hint, or slower than its share of the clock → Hard; right →
 * Good; right in under 40 % of its share → Easy. Pass/fail grading gives Again or Good.
 */
import type { Rating } from '../model';
import type { GradingMode } from '../schedule/scheduler-settings';
import { formatSeconds } from '../schedule/auto-grade';

/** Under this share of its time, a right decision was clearly easy. */
export const EASY_SHARE = 0.4;

export interface DecisionGrade {
  rating: Rating;
  reason: string;
}

/** The grade of one decision, with the sentence explaining it. */
export function gradeDecision(facts: { correct: boolean; hints: number; durationMs: number; budgetMs: number; mode: GradingMode }): DecisionGrade {
  const time = formatSeconds(facts.durationMs);
  if (!facts.correct) return { rating: 1, reason: `Wrong, in ${time}: Again` };
  if (facts.mode === 'pass-fail') return { rating: 3, reason: `Right, in ${time} (pass/fail grading): Good` };
  if (facts.hints > 0) return { rating: 2, reason: `Right with ${facts.hints === 1 ? 'a hint' : `${facts.hints} hints`}, in ${time}: Hard` };
  const share = `its share of the clock is ${formatSeconds(facts.budgetMs)}`;
  if (facts.durationMs > facts.budgetMs) return { rating: 2, reason: `Right, in ${time} — ${share}: Hard` };
  if (facts.durationMs < EASY_SHARE * facts.budgetMs) return { rating: 4, reason: `Right, in ${time} — ${share}: Easy` };
  return { rating: 3, reason: `Right, in ${time} — ${share}: Good` };
}
