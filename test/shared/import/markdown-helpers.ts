/** Shared by the Markdown importer tests: build texts, parse them, and fail loudly on the wrong outcome. */
import type { PackSource } from '../../../shared/model';
import { parseMarkdown } from '../../../shared/import/markdown/index';
import type { ParseResult } from '../../../shared/import/result';

export const md = (...lines: string[]): string => lines.join('\n');

/** The pack of a text that must import. */
export function packOf(text: string, file = 'runbook.md'): PackSource {
  const result = parseMarkdown(text, file);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.pack;
}

/** The result of a text that must fail. */
export function errorsOf(text: string, file = 'runbook.md'): ParseResult & { ok: false } {
  const result = parseMarkdown(text, file);
  if (result.ok) throw new Error('expected errors');
  return result;
}

/** The example checklist of formats.md, verbatim. */
export const FORMATS_MD_EXAMPLE = md(
  '---',
  'title: Model deployment checklist',
  'rarity: occasional',
  'time_limit: 10m',
  '---',
  '# Model deployment checklist',
  '',
  '## Before deploy',
  '- [ ] Confirm offline metrics beat the current model on the holdout set',
  '  > Why: a regression caught here costs minutes; in production it costs days.',
  '  - [ ] AUC improves by at least ==0.005==',
  '- [ ] Freeze the feature schema {#freeze-schema}',
  '',
  '## Rollout',
  '1. Shadow traffic for ==24 hours==',
  '2. Ramp to 5%, then 50%, then 100%',
);
