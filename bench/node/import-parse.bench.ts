/**
 * How long Kata's importer takes to read a big file, text to PackSource (parseImportFile:
 * the same call the app makes): a 10 000-step Markdown checklist and a 5 000-node Mermaid
 * decision tree, both generated from a fixed seed (bench/fixtures). Each run checks that
 * the whole file came through, so a parser that bails out early cannot look fast.
 */
import { CHECKLIST_STEPS, FIXTURE_SEED, FLOWCHART_NODES, generateChecklist, generateFlowchart } from '../fixtures/index';
import { parseImportFile } from '../../shared/import/parse-file';
import { defineBenchCase, type BenchOptions } from '../lib/types';

interface Input {
  name: string;
  text: string;
  items: number;
}

/** Generates each input once per size (generation is not what is measured). */
function memo(make: (options: BenchOptions) => Input): (options: BenchOptions) => Input {
  const bySize = new Map<boolean, Input>();
  return (options) => {
    let input = bySize.get(options.quick);
    if (!input) {
      input = make(options);
      bySize.set(options.quick, input);
    }
    return input;
  };
}

const checklist = memo(({ quick }) => {
  const items = quick ? CHECKLIST_STEPS.quick : CHECKLIST_STEPS.full;
  return { name: 'runbook.md', text: generateChecklist(items, FIXTURE_SEED), items };
});

const flowchart = memo(({ quick }) => {
  const items = quick ? FLOWCHART_NODES.quick : FLOWCHART_NODES.full;
  return { name: 'triage.mmd', text: generateFlowchart(items, FIXTURE_SEED), items };
});

function parseAll({ name, text, items }: Input): void {
  const result = parseImportFile(name, text);
  if (!result.ok) throw new Error(`${name} did not parse: ${result.errors[0]?.message}`);
  if (result.pack.items.length !== items) throw new Error(`${name}: ${result.pack.items.length} items, expected ${items}`);
}

export const benchCases = [
  defineBenchCase<Input>({
    name: 'import: parse 10 000-step checklist',
    unit: 'ms',
    runs: 10,
    setup: checklist,
    run: parseAll,
  }),
  defineBenchCase<Input>({
    name: 'import: parse 5 000-node flowchart',
    unit: 'ms',
    runs: 15,
    setup: flowchart,
    run: parseAll,
  }),
];
