/**
 * Whether the person's own parameters are adopted: only when they predicted the held-out
 * answers better than FSRS's defaults, never on the assumption that trained means better.
 * The rule: a lower log loss (the quantity FSRS is trained to lower, and the benchmark's first
 * measure) and an RMSE(bins) no higher than the defaults' (calibration not traded away for it).
 * Equal log loss is not better: then there is nothing to gain from a change.
 */
import type { CalibrationSummary } from '../../progress/calibration-bins';

/** Both parameter sets scored on the same held-out answers. */
export interface ParameterComparison {
  defaults: CalibrationSummary;
  personal: CalibrationSummary;
  /** Answers the personal parameters were trained on. */
  trainedOn: number;
  /** The held-out answers (from `cut` on) both were scored on. */
  heldOut: number;
  /** Epoch ms from which answers were held out. */
  cut: number;
}

export type AdoptionVerdict = 'better' | 'worse-log-loss' | 'worse-rmse' | 'no-held-out';

export interface AdoptionDecision {
  adopt: boolean;
  verdict: AdoptionVerdict;
  /** The decision in plain words, with the numbers it rests on. */
  sentence: string;
}

function fixed(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** The adoption rule applied to `comparison`, with the sentence that explains it. */
export function decideAdoption(comparison: ParameterComparison): AdoptionDecision {
  const { defaults, personal, heldOut } = comparison;
  if (heldOut === 0 || defaults.logLoss === null || personal.logLoss === null || defaults.rmseBins === null || personal.rmseBins === null) {
    return {
      adopt: false,
      verdict: 'no-held-out',
      sentence: 'There are no later answers to test the trained parameters on, so Kata does not adopt them.',
    };
  }
  const numbers =
    `log loss ${fixed(personal.logLoss)} vs ${fixed(defaults.logLoss)}, ` +
    `RMSE(bins) ${fixed(personal.rmseBins)} vs ${fixed(defaults.rmseBins)}, on ${count(heldOut)} held-out ${heldOut === 1 ? 'answer' : 'answers'}`;
  if (personal.logLoss < defaults.logLoss && personal.rmseBins <= defaults.rmseBins) {
    return {
      adopt: true,
      verdict: 'better',
      sentence: `Your own parameters predicted your held-out answers better: ${numbers}. Adopting them schedules your reviews with them from now on.`,
    };
  }
  const verdict: AdoptionVerdict = personal.logLoss >= defaults.logLoss ? 'worse-log-loss' : 'worse-rmse';
  const why =
    verdict === 'worse-log-loss'
      ? 'FSRS’s defaults predicted your held-out answers at least as well as your own parameters'
      : 'Your own parameters had a lower log loss but were less well calibrated than FSRS’s defaults';
  return { adopt: false, verdict, sentence: `${why}: ${numbers}. Kata does not adopt them.` };
}
