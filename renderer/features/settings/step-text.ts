/**
 * Learning steps as the person types them (`1m 10m`, `1m, 10m`) and as they are
 * stored (`['1m', '10m']`). The rules are shared/schedule's parseSteps: whole
 * minutes, hours or days, above zero, at most MAX_STEPS of them.
 */
import type { StepList } from '../../state/settings/settings-definition';
import { MAX_STEPS, parseSteps } from '../../../shared/schedule/scheduler-settings';

export type StepTextResult = { ok: true; steps: StepList } | { ok: false; error: string };

/** The text a step list is shown as: `1m 10m` (empty for no steps). */
export function formatSteps(steps: StepList): string {
  return steps.join(' ');
}

/** Reads typed steps; on failure says which part is wrong and what would be right. */
export function parseStepText(text: string): StepTextResult {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length > MAX_STEPS) return { ok: false, error: `At most ${MAX_STEPS} steps; this has ${parts.length}.` };
  for (const part of parts) {
    if (!parseSteps([part.toLowerCase()])) {
      return {
        ok: false,
        error: `“${part}” is not a step. Use whole numbers above zero with m, h or d, such as 1m 10m 1h 1d.`,
      };
    }
  }
  const steps = parseSteps(parts.map((part) => part.toLowerCase()));
  return steps ? { ok: true, steps } : { ok: false, error: 'These steps could not be read.' };
}

/** True when two step lists are the same steps in the same order. */
export function sameSteps(a: StepList, b: StepList): boolean {
  return a.length === b.length && a.every((step, index) => step === b[index]);
}
