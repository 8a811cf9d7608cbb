/** `kata simulate --json` and `--paths`: the printed contract, pinned on the sample packs. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PATHS } from '../../shared/simulate/paths';
import { drift, sample, scenarioOf, session } from './cli-simulate-driver';

/** The item ids `kata preview --json` shows for a file. */
async function previewIds(file: string): Promise<Set<string>> {
  const { out } = await session(['preview', file, '--json']);
  return new Set(JSON.parse(out[0] as string).pack.items.map((item: { id: string }) => item.id));
}

const TOP_KEYS = ['pack', 'kind', 'seed', 'level', 'section', 'timeLimitMs', 'steps', 'outcome'];
const STEP_KEYS = ['at', 'answer', 'options', 'blank', 'observation'];

describe('kata simulate --json', () => {
  it('prints the drawn tree scenario, pinned for the sample tree at seed 7', async () => {
    const { out } = await session(['simulate', drift, '--seed', '7', '--json']);
    expect(out).toEqual([
      JSON.stringify({
        pack: 'sample-feature-drift',
        kind: 'tree',
        seed: 7,
        level: 1,
        timeLimitMs: 600_000,
        steps: [
          { at: 'check-psi', answer: 'check-upstream', options: ['check-performance', 'annotate', 'rollback-source', 'check-upstream'], observation: { label: 'yes' } },
          { at: 'check-upstream', answer: 'rollback-source', options: ['check-performance', 'watch', 'retrain', 'rollback-source'], observation: { label: 'yes' } },
        ],
        outcome: 'rollback-source',
      }),
    ]);
  });

  it('is byte-identical for the same seed, and other seeds walk other paths', async () => {
    const first = await session(['simulate', drift, '--seed', '42', '--level', '2', '--json']);
    const again = await session(['simulate', '--json', drift, '--level=2', '--seed=42']);
    expect(again.out).toEqual(first.out);
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 20; seed += 1) outcomes.add((await scenarioOf([drift, '--seed', String(seed)])).outcome as string);
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it.each(['feature-drift-response.yaml', 'overfitting-diagnosis.mmd', 'inference-outage-runbook.md', 'model-deployment-checklist.md', 'data-quality-checklist.md', 'ml-model-debugging.md'])(
    '%s: only the contract keys, the ids of kata preview --json, options only where chosen, blank only on checklists',
    async (name) => {
      const ids = await previewIds(sample(name));
      for (const level of [1, 2, 3, 4, 5]) {
        const scenario = await scenarioOf([sample(name), '--seed', '11', '--level', String(level)]);
        for (const key of Object.keys(scenario)) expect(TOP_KEYS).toContain(key);
        expect(scenario.level).toBe(level);
        expect(scenario.seed).toBe(11);
        expect(scenario.timeLimitMs).toBeGreaterThan(0);
        const tree = scenario.kind === 'tree';
        expect(scenario.outcome !== undefined).toBe(tree);
        expect(scenario.section !== undefined).toBe(!tree);
        if (tree) expect(ids.has(scenario.outcome as string)).toBe(true);
        scenario.steps.forEach((step, index) => {
          for (const key of Object.keys(step)) expect(STEP_KEYS).toContain(key);
          expect(ids.has(step.answer)).toBe(true);
          // `at` is the node one stands on; a checklist's first step stands nowhere.
          if (!tree && index === 0) expect(step.at).toBeUndefined();
          else expect(ids.has(step.at as string)).toBe(true);
          for (const option of step.options ?? []) expect(ids.has(option)).toBe(true);
          if (step.options) expect(step.options).toContain(step.answer);
          // Free recall from level 3 up: no options printed.
          if (level >= 3) expect(step.options).toBeUndefined();
          if (tree) expect(step.blank).toBeUndefined();
          else expect(typeof step.blank).toBe('boolean');
          if (!tree && step.blank === false) expect(step.options).toBeUndefined();
        });
        if (!tree) {
          // Backward fading: the blanks are the end of the list.
          const blanks = scenario.steps.map((step) => step.blank);
          expect(blanks.indexOf(true)).toBeGreaterThanOrEqual(0);
          expect(blanks.slice(blanks.indexOf(true)).every(Boolean)).toBe(true);
        }
      }
    },
  );

  it('names the pack as the app would: its front-matter id, else a slug of the file name', async () => {
    expect((await scenarioOf([sample('model-deployment-checklist.md'), '--seed', '1'])).pack).toBe('sample-model-deployment');
    expect((await scenarioOf([sample('overfitting-diagnosis.mmd'), '--seed', '1'])).pack).toBe('overfitting-diagnosis');
  });

  it('keeps the engine’s internals out (cardId, hintOptions, memoryLimitMs)', async () => {
    // Level 3 on the outage runbook: memory steps (memoryLimitMs) and recall (hintOptions) inside the engine.
    const { out } = await session(['simulate', sample('inference-outage-runbook.md'), '--seed', '2', '--level', '3', '--json']);
    expect(out[0]).not.toMatch(/cardId|hintOptions|memoryLimitMs|hiddenPath|packId/);
  });

  it('performs the section --section names, by id or title; all is the whole checklist', async () => {
    const file = sample('data-quality-checklist.md');
    const byId = await scenarioOf([file, '--seed', '5', '--section', 'validity']);
    expect(byId.section).toBe('validity');
    expect(byId.steps.map((step) => step.answer)).toEqual([
      'validity:every-column-matches-its-declared-type-and-range',
      'validity:categorical-values-are-in-the-known-vocabulary',
      'validity:timestamps-are-in-utc-and-none-lie-in-the-future',
    ]);
    expect(byId.steps[0]?.at).toBeUndefined();
    expect(await scenarioOf([file, '--seed', '5', '--section', 'Validity'])).toEqual(byId);
    const whole = await scenarioOf([file, '--seed', '5', '--section', 'all']);
    expect(whole.section).toBe('all');
    expect(whole.steps).toHaveLength(11);
  });

  it('without --seed draws one and puts it in the JSON (no seed line on stdout)', async () => {
    const drawn = await session(['simulate', drift, '--json'], [], { drawSeed: () => 424_242 });
    expect(JSON.parse(drawn.out[0] as string).seed).toBe(424_242);
    expect(drawn.out).toHaveLength(1);
    const fromCrypto = await scenarioOf([drift]);
    expect(Number.isInteger(fromCrypto.seed) && fromCrypto.seed >= 0 && fromCrypto.seed <= 0xffff_ffff).toBe(true);
  });
});

describe('kata simulate --paths', () => {
  it('lists the sample tree’s paths exactly, as JSON and as text', async () => {
    const json = await session(['simulate', drift, '--paths', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.out[0] as string)).toEqual({
      paths: [
        { nodes: ['check-psi', 'check-upstream', 'rollback-source'], outcome: 'rollback-source' },
        { nodes: ['check-psi', 'check-upstream', 'check-performance', 'retrain'], outcome: 'retrain' },
        { nodes: ['check-psi', 'check-upstream', 'check-performance', 'watch'], outcome: 'watch' },
        { nodes: ['check-psi', 'annotate'], outcome: 'annotate' },
      ],
      truncated: false,
    });
    const text = await session(['simulate', drift, '--paths']);
    expect(text.out).toEqual([
      'check-psi (yes) → check-upstream (yes) → rollback-source',
      'check-psi (yes) → check-upstream (no) → check-performance (yes) → retrain',
      'check-psi (yes) → check-upstream (no) → check-performance (no) → watch',
      'check-psi (no) → annotate',
      '4 paths from the start to an outcome',
    ]);
  });

  it('caps a chart with exponentially many paths and says so', async () => {
    // 14 diamonds in a row: 2^14 paths.
    const lines = ['flowchart TD'];
    for (let i = 0; i < 14; i += 1) lines.push(`  m${i}{Step ${i}?} -->|a| x${i}[Left ${i}]`, `  m${i} -->|b| y${i}[Right ${i}]`, `  x${i} --> m${i + 1}`, `  y${i} --> m${i + 1}`);
    lines.push('  m14[Done]');
    const file = join(mkdtempSync(join(tmpdir(), 'kata-paths-')), 'diamonds.mmd');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const json = await session(['simulate', file, '--paths', '--json']);
    const list = JSON.parse(json.out[0] as string);
    expect(list.truncated).toBe(true);
    expect(list.paths).toHaveLength(MAX_LISTED_PATHS);
    expect(list.paths[0].nodes).toHaveLength(1 + 14 * 2);
    const text = await session(['simulate', file, '--paths']);
    expect(text.out.at(-1)).toBe(`${MAX_LISTED_PATHS} paths listed; the tree has more (kata lists at most ${MAX_LISTED_PATHS})`);
  });

  it('a checklist has no paths to list: exit 1', async () => {
    const { status, err } = await session(['simulate', sample('data-quality-checklist.md'), '--paths']);
    expect(status).toBe(1);
    expect(err[0]).toMatch(/--paths lists a decision tree's paths/);
  });
});

