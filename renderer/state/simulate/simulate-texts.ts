/** What the Simulate screen says in words: the notice of interrupted runs, and the spoken feedback of a decision. */
import type { SimulationAttempt } from '../../../shared/model';
import type { ActiveRun } from './simulate-types';

/** What the list says of runs the app closed or crashed in (marked abandoned when it next opened). */
export function interruptedNotice(abandoned: readonly SimulationAttempt[], entries: readonly { packId: string; title: string }[]): string {
  const titleOf = (packId: string): string => entries.find((entry) => entry.packId === packId)?.title ?? packId;
  const runs = abandoned.map((attempt) => {
    const n = attempt.decisions.length;
    return `${titleOf(attempt.packId)} (${n} decision${n === 1 ? '' : 's'} kept)`;
  });
  const which = abandoned.length === 1 ? 'A scenario was' : `${abandoned.length} scenarios were`;
  return `${which} interrupted when Kata closed: ${runs.join(', ')}. ${abandoned.length === 1 ? 'It is' : 'They are'} recorded as abandoned; every decision made is kept.`;
}

/** What a screen reader hears after a decision: right or wrong, and the right answer. */
export function feedbackText(run: ActiveRun): string {
  const { phase } = run.state;
  if (phase.name !== 'feedback') return '';
  const answer = run.state.texts[phase.decision.answer] ?? '';
  return phase.decision.correct ? `Right: ${answer}. ${phase.grade.reason}. Enter to go on.` : `Not this time. The right step: ${answer}. Enter to go on.`;
}
