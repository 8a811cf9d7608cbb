/**
 * How long Kata's importer takes to read a big file, text to PackSource (parseImportFile:
 * the same call the app makes): a 10 000-step Markdown checklist and a 5 000-node Mermaid
 * decision tree, both generated from a fixed seed (bench/fixtures). Each run checks that
 * the whole file came through, so a parser that bails out early cannot look fast.
 *
 * "import: parse + diff 10 000-step checklist (re-import)" is the budgeted one (≤ 200 ms):
 * what the app does when the checklist comes back edited — parseImportFile and planImport
 * against the stored version (matchItems: ids, then texts, then close texts per section).
 * The edited file rewords every 25th step, so all three matching rules do real work.
 */
import { CHECKLIST_STEPS, FIXTURE_SEED, FLOWCHART_NODES, generateChecklist, generateFlowchart } from '../fixtures/index';
import { parseImportFile } from '../../shared/import/parse-file';
import { planImport, type StoredPack } from '../../shared/library/plan-import';
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

interface Reimport extends Input {
  stored: StoredPack;
}

const NOW = Date.UTC(2025, 0, 6, 9, 0, 0);

/** The stored first import of the checklist, and an edited file: every 25th step reworded. */
const reimport = memo(({ quick }) => {
  const base = checklist({ quick });
  const first = parseImportFile(base.name, base.text);
  if (!first.ok) throw new Error('the checklist did not parse');
  const plan = planImport(first.pack, null, NOW);
  let step = 0;
  const text = base.text.replace(/^(\s*- \[[ x]\] )(\S+)/gm, (line, box: string, verb: string) =>
    (step++ % 25 === 0 ? `${box}Carefully ${verb.toLowerCase()}` : line));
  return { ...base, text, stored: { pack: plan.pack, items: plan.items, cards: plan.cards } } as Input;
}) as (options: BenchOptions) => Reimport;

function parseAndDiff(input: Reimport): void {
  const result = parseImportFile(input.name, input.text);
  if (!result.ok) throw new Error(`${input.name} did not parse: ${result.errors[0]?.message}`);
  const plan = planImport(result.pack, input.stored, NOW + 1);
  if (!plan.diff || plan.diff.changed.length === 0) throw new Error('the re-import found no changed steps');
  if (plan.diff.added.length + plan.diff.changed.length + plan.diff.unchanged !== input.items) {
    throw new Error(`re-import: ${plan.diff.added.length} added, ${plan.diff.changed.length} changed, ${plan.diff.unchanged} unchanged of ${input.items}`);
  }
}

export const benchCases = [
  defineBenchCase<Reimport>({
    name: 'import: parse + diff 10 000-step checklist (re-import)',
    unit: 'ms',
    runs: 10,
    budget: { maxMedian: 200 },
    setup: reimport,
    run: parseAndDiff,
  }),
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
