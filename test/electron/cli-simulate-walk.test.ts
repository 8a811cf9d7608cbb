/** `kata simulate` in a terminal, driven by a script on a fake clock, to its debrief; and its errors. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioJson } from '../../electron/cli/scenario-json';
import { corpus, digitOf, drift, sample, samples, scenarioOf, session, wrongDigit } from './cli-simulate-driver';
import type { Typed } from './cli-simulate-driver';

describe('kata simulate in a terminal', () => {
  it('walks the tree by number, opens the chart, and ends on a debrief of right, missed, times and the why', async () => {
    const scenario = await scenarioOf([drift, '--seed', '7', '--level', '2']);
    const [first, second] = scenario.steps as [ScenarioJson['steps'][0], ScenarioJson['steps'][0]];
    const script: Typed[] = [
      [4_000, digitOf(first.options, first.answer)],
      [3_000, 'h'],
      [4_000, wrongDigit(second.options, second.answer)],
    ];
    const run = await session(['simulate', drift, '--seed', '7', '--level', '2'], script);
    expect(run.err).toEqual([]);
    expect(run.status).toBe(0);
    const t = run.transcript;
    expect(t).not.toMatch(/seed 7: rerun/);
    expect(t).toContain('Feature drift alert: a decision tree, level 2 (Guided), seed 7');
    expect(t).toContain('You are at: Is PSI for the alerting feature above 0.25?\nObserved: yes\nWhat do you check or do next?\n  1. ');
    // The clock at each prompt: elapsed of the limit.
    expect(t).toContain('[0:00 of 7:30] > ');
    expect(t).toContain('[0:04 of 7:30] > h\nHint: show the chart (costs 25 % of this decision)\nIs PSI for the alerting feature above 0.25?\n');
    expect(t).toContain('  yes → Did an upstream schema or source change ship in the last 24 hours?  ← you are here\n');
    expect(t).toContain('[0:07 of 7:30] > ');
    expect(t).toContain('RIGHT: Did an upstream schema or source change ship in the last 24 hours?');
    expect(t).toContain('WRONG: you chose ');
    const debrief = t.slice(t.indexOf('Debrief: '));
    expect(debrief.split('\n')).toEqual([
      'Debrief: Feature drift alert: a decision tree, level 2 (Guided), seed 7',
      'The right path and yours, decision by decision:',
      '  1. right in 4.0 s',
      '     at:    Is PSI for the alerting feature above 0.25? (observed: yes)',
      '     right: Did an upstream schema or source change ship in the last 24 hours?',
      '  2. MISSED in 7.0 s, 1 hint (chart)',
      '     at:    Did an upstream schema or source change ship in the last 24 hours? (observed: yes)',
      '     right: Roll back the upstream change and backfill the affected partitions',
      `     yours: ${t.match(/WRONG: you chose (.*)\n/)?.[1]}`,
      '     why:   Most sudden drift is a pipeline change, not a change in the world.',
      'Outcome: Roll back the upstream change and backfill the affected partitions [ok]',
      '',
      'Score 50 of 100: 1 of 2 decisions right, 1 missed, 1 hint.',
      'Time 11.0 s of 7 min 30 s: within time.',
      `Walk it again: kata simulate ${drift} --seed 7 --level 2`,
      '',
    ]);
    // No colour off a TTY.
    expect(t).not.toContain('\u001b[');
  });

  it('free recall at level 3: typed, shown beside the answer, confirmed y/n; the options hint turns it into a choice', async () => {
    const scenario = await scenarioOf([drift, '--seed', '7', '--level', '3']);
    // The hint's options are not in the JSON: read them off the screen.
    const probe = await session(['simulate', drift, '--seed', '7', '--level', '3'], [[1_000, 'check upstream'], [1_000, 'y'], [1_000, 'h']]);
    const shown = probe.transcript.slice(probe.transcript.lastIndexOf('Choose by number:'));
    const right = shown.split('\n').find((line) => line.includes('Roll back the upstream change'))?.trim().split('.')[0] as string;
    const run = await session(
      ['simulate', drift, '--seed', '7', '--level', '3'],
      [[2_000, ''], [1_000, 'check upstream changes'], [500, 'maybe'], [500, 'y'], [2_000, 'h'], [3_000, 'seven'], [1_000, right]],
    );
    expect(run.status).toBe(0);
    const t = run.transcript;
    expect(scenario.steps[0]?.options).toBeUndefined();
    expect(t).toContain('What do you check or do next? Type it from memory.\n(h: show the options)');
    expect(t).toContain('Type the step as you remember it; a few words will do, or h to show the options.');
    expect(t).toContain("Kata's answer: Did an upstream schema or source change ship in the last 24 hours?\nWas yours it? Type y or n.");
    expect(t).toContain('Type y if yours was it, or n if it was not.');
    expect(t).toContain('RIGHT, by your verdict: Did an upstream');
    expect(t).toContain('Type a number from 1 to 4, or h to show the chart.');
    const debrief = t.slice(t.indexOf('Debrief: '));
    // Timed at the submission, not the verdict: 2 s + 1 s.
    expect(debrief).toContain('  1. right in 3.0 s\n');
    expect(debrief).toContain('     yours: "check upstream changes" (typed; you said it was it)\n');
    expect(debrief).toContain('  2. right in 6.0 s, 1 hint (options)\n');
    // Level 3: a hint costs 34 % of its decision: (1 + 0.66) / 2.
    expect(debrief).toContain('Score 83 of 100: 2 of 2 decisions right, 1 hint.');
  });

  it('a checklist: shown steps done, memory steps judged exactly against their own clock, the end of input abandons (exit 1)', async () => {
    const file = sample('inference-outage-runbook.md');
    const run = await session(['simulate', file, '--seed', '2', '--level', '4', '--section', 'all'], [
      [5_000, 'Declare the incident in the on-call channel'],
      [31_000, 'Switch traffic to the fallback model'],
    ]);
    expect(run.status).toBe(1);
    const t = run.transcript;
    expect(t).toContain('Decision 1 of 10 (step 1 of 10)\nThis is the first step.\nWhat is the next step? A memory step: type it exactly, within 30.0 s.');
    expect(t).toContain('RIGHT: Declare the incident in the on-call channel');
    expect(t).toContain('WRONG: late, over its clock. The right one: Switch traffic to the fallback model');
    expect(run.err).toEqual([
      `kata: run abandoned at decision 3 of 10 (the input ended); nothing is kept. Walk it again: kata simulate ${file} --seed 2 --level 4 --section all`,
    ]);
    expect(t).not.toContain('Debrief');
  });

  it('at a low level a checklist shows its worked steps, then asks for the blanked end', async () => {
    const file = sample('data-quality-checklist.md');
    const scenario = await scenarioOf([file, '--seed', '5', '--section', 'validity']);
    const last = scenario.steps[2] as ScenarioJson['steps'][0];
    const run = await session(['simulate', file, '--seed', '5', '--section', 'validity'], [[2_500, digitOf(last.options, last.answer)]]);
    expect(run.status).toBe(0);
    expect(run.transcript).toContain(
      'Step 1 of 3, shown done: Every column matches its declared type and range\nStep 2 of 3, shown done: Categorical values are in the known vocabulary; unknown values are counted, not dropped\nDecision 1 of 1 (step 3 of 3)\nAfter: Categorical values',
    );
    const debrief = run.transcript.slice(run.transcript.indexOf('Debrief: '));
    expect(debrief).toContain('Debrief: Data quality checklist: a checklist, section "Validity", level 1 (Observe), seed 5');
    expect(debrief).toContain('  1. shown: Every column matches its declared type and range\n');
    expect(debrief).toContain('  3. right in 2.5 s\n     right: Timestamps are in UTC and none lie in the future\n');
    expect(debrief).toContain('Score 100 of 100: 1 of 1 decisions right, no hints.');
  });

  it('over the clock: recorded, marked in words, and the score loses a fifth', async () => {
    const scenario = await scenarioOf([drift, '--seed', '7', '--level', '1']);
    const script = scenario.steps.map((step): Typed => [400_000, digitOf(step.options, step.answer)]);
    const run = await session(['simulate', drift, '--seed', '7'], script);
    expect(run.transcript).toContain('[6:40 of 10:00] > ');
    expect(run.transcript).toContain('Score 80 of 100: 2 of 2 decisions right, no hints.\nTime 13 min 20 s of 10 min 00 s: OVER TIME (the score loses 20 %).');
  });

  it('Ctrl-C abandons cleanly with a line saying so: exit 130', async () => {
    const run = await session(['simulate', drift, '--seed', '7'], [], { end: 'interrupt' });
    expect(run.status).toBe(130);
    expect(run.err).toEqual([
      `kata: run abandoned at decision 1 of 2 (Ctrl-C); nothing is kept. Walk it again: kata simulate ${drift} --seed 7 --level 1`,
    ]);
  });

  it('without --seed prints the seed drawn, to rerun the same walk', async () => {
    const run = await session(['simulate', drift], [], { drawSeed: () => 123_456_789 });
    expect(run.transcript.split('\n')[0]).toBe('seed 123456789: rerun with --seed 123456789');
    expect(run.transcript).toContain('level 1 (Observe), seed 123456789');
  });

  it('colours only when told it is a TTY, and the words stay', async () => {
    const scenario = await scenarioOf([drift, '--seed', '7']);
    const script = scenario.steps.map((step): Typed => [1_000, wrongDigit(step.options, step.answer)]);
    const run = await session(['simulate', drift, '--seed', '7'], script, { color: true });
    expect(run.transcript).toContain('\u001b[31mWRONG\u001b[39m');
    expect(run.transcript).toContain('\u001b[31mMISSED\u001b[39m');
  });

  it('level 5 has no hints', async () => {
    const run = await session(['simulate', drift, '--seed', '7', '--level', '5'], [[1_000, 'h']]);
    expect(run.transcript).toContain('No hints at this level.');
    expect(run.transcript).toContain('> h\nLevel 5 has no hints.\n');
  });
});

describe('kata simulate: errors and exit codes', () => {
  it('a broken file gets validate’s located errors: exit 1', async () => {
    const broken = join(corpus, 'mermaid', '24-broken-parens-in-square-label.mmd');
    const { status, err, out } = await session(['simulate', broken, '--json']);
    expect(status).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([`${broken}:7:34: unexpected "(" inside a [ ] label; quote the label: G["Wait for a while (End)"]`]);
  });

  it('a pack with nothing to walk says why: exit 1', async () => {
    const csv = sample('ml-metrics.csv');
    const { status, err } = await session(['simulate', csv]);
    expect(status).toBe(1);
    expect(err).toEqual([`${csv}: A pack of questions and answers has no path to walk: simulations need a decision tree or a checklist.`]);
  });

  it.each([
    [['simulate'], 'simulate needs a file'],
    [['simulate', drift, drift], `simulate takes one file, got 2: ${drift}, ${drift}`],
    [['simulate', drift, '--fast'], 'unknown option --fast'],
    [['simulate', drift, '--level', '7'], '--level takes 1 to 5 (1 Observe, 2 Guided, 3 Assisted, 4 Independent, 5 Can teach), got "7"'],
    [['simulate', drift, '--seed', 'abc'], '--seed takes a whole number from 0 to 4294967295, got "abc"'],
    [['simulate', drift, '--seed', '4294967296'], '--seed takes a whole number from 0 to 4294967295, got "4294967296"'],
    [['simulate', drift, '--seed'], '--seed needs a value'],
    [['simulate', drift, '--seed', '--json'], '--seed needs a value'],
    [['simulate', drift, '--seed', '1', '--seed', '2'], '--seed given twice'],
    [['simulate', drift, '--paths', '--level', '2'], '--paths lists every path of the tree: it takes no --seed, --level or --section'],
    [['simulate', drift, '--section', 'x'], `--section is for checklists, and ${drift} is a decision tree`],
    [['simulate', sample('data-quality-checklist.md'), '--section', 'nope'], `no section "nope" with steps in ${sample('data-quality-checklist.md')}; its sections: completeness, validity, consistency, timeliness, all`],
    [['simulate', '/no/such/file.yaml'], 'no such file or folder: /no/such/file.yaml'],
    [['simulate', samples], `simulate takes one file, and ${samples} is a folder`],
  ])('%j exits 2 with the usage: %s', async (args, message) => {
    const { status, err, out } = await session(args);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toBe(`kata: ${message}`);
    expect(err[1]).toMatch(/^usage: kata validate/);
  });

  it('kata --help lists simulate', async () => {
    const { status, out } = await session(['--help']);
    expect(status).toBe(0);
    expect(out[0]).toContain('kata simulate <file> [--seed N] [--level 1-5] [--section ID|all] [--json]');
    expect(out[0]).toContain('kata simulate <file> --paths [--json]');
  });

  it('a walk needs a terminal: without one, exit 2 and a pointer to --json', async () => {
    const { status, err } = await session(['simulate', drift, '--seed', '1'], [], { noTerminal: true });
    expect(status).toBe(2);
    expect(err[0]).toBe('kata: simulate walks a scenario in a terminal; use --json to print it instead');
  });
});
