/**
 * Automatic grading of objective drills (practice.md): wrong → Again; right with
 * a hint or slower than the person's own usual time for that card kind → Hard;
 * right → Good; right and clearly fast → Easy. Speed is measured against the
 * person, never against a fixed clock: a long checklist step is slow for everyone.
 * Automatic Hard/Easy is a hypothesis, so pass/fail mode (Again/Good) is offered.
 * The reason is a sentence shown on screen, so the rule is never hidden.
 */
import type { Rating, ReviewEvent } from '../model';
import type { GradingMode } from './scheduler-settings';

/** How many recent correct answers make up the usual time: recent enough to follow improvement. */
export const USUAL_WINDOW = 50;
/** Below this many correct answers there is no usual time yet, so speed grades nothing. */
export const USUAL_MIN_SAMPLES = 5;
/**
 * Under 0.6 × usual is "clearly fast" → Easy. Response times are skewed to the right,
 * so a time this far below the median is rare unless recall has become effortless.
 */
export const EASY_SPEED_FACTOR = 0.6;
/** Over 1.5 × usual is "slower" → Hard: recall took visible effort, beyond ordinary spread. */
export const SLOW_SPEED_FACTOR = 1.5;

/** Whether an event counts as a correct answer: auto-graded ones say so, self-graded ones passed unless Again. */
function wasCorrect(event: ReviewEvent): boolean {
  return event.correct ?? event.rating > 1;
}

/**
 * The person's usual response time (ms) for a card kind: the median duration of
 * the last USUAL_WINDOW correct answers among `events` (pass only that kind's), or
 * null when fewer than USUAL_MIN_SAMPLES. Answers with no recorded time are skipped.
 */
export function usualResponseMs(events: readonly ReviewEvent[]): number | null {
  const durations = events
    .filter((event) => wasCorrect(event) && event.durationMs > 0)
    .sort((a, b) => a.at - b.at)
    .slice(-USUAL_WINDOW)
    .map((event) => event.durationMs)
    .sort((a, b) => a - b);
  if (durations.length < USUAL_MIN_SAMPLES) return null;
  const middle = Math.floor(durations.length / 2);
  return durations.length % 2 === 1
    ? (durations[middle] as number)
    : ((durations[middle - 1] as number) + (durations[middle] as number)) / 2;
}

/** One objective answer, as the drill saw it. */
export interface GradeInput {
  correct: boolean;
  hintsUsed: number;
  durationMs: number;
  /** From usualResponseMs for this card kind (without this answer); null when not known yet. */
  usualMs: number | null;
  mode: GradingMode;
}

/** The grade given and the sentence explaining it. */
export interface AutoGrade {
  rating: Rating;
  reason: string;
}

/** `4.1 s`, or `1 min 05 s` past a minute. */
export function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 59.95) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

const NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** The rating practice.md's rule gives an answer, with the sentence to show for it. */
export function autoGrade(input: GradeInput): AutoGrade {
  const grade = (rating: Rating, why: string): AutoGrade => ({ rating, reason: `${why}: ${NAMES[rating]}` });
  const time = formatSeconds(input.durationMs);
  if (!input.correct) return grade(1, `Wrong, in ${time}`);
  if (input.mode === 'pass-fail') return grade(3, `Correct, in ${time} (pass/fail grading)`);
  if (input.hintsUsed > 0) {
    return grade(2, `Correct with ${input.hintsUsed === 1 ? 'a hint' : `${input.hintsUsed} hints`}, in ${time}`);
  }
  const usual = input.usualMs;
  if (usual === null || usual <= 0) {
    return grade(3, `Correct, in ${time} — speed counts once you have ${USUAL_MIN_SAMPLES} correct answers of this kind`);
  }
  const compared = `Correct, in ${time} — your usual is ${formatSeconds(usual)}`;
  if (input.durationMs > SLOW_SPEED_FACTOR * usual) return grade(2, compared);
  if (input.durationMs < EASY_SPEED_FACTOR * usual) return grade(4, compared);
  return grade(3, compared);
}
