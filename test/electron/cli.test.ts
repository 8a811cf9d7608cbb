import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const samples = join(repo, 'resources', 'samples');
const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

async function run(args: string[]): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out, err };
}

describe('kata validate', () => {
  it('exits 0 when every file of a folder is valid and says so per file', async () => {
    const { status, out } = await run(['validate', samples]);
    expect(status).toBe(0);
    expect(out.at(-1)).toBe('7 of 7 files valid');
    expect(out.some((line) => line.endsWith('model-deployment-checklist.md: ok (12 items, 23 drills)'))).toBe(true);
  });

  it('exits 1 and prints file:line:col for a broken file', async () => {
    const broken = join(corpus, 'mermaid', '24-broken-parens-in-square-label.mmd');
    const { status, err } = await run(['validate', broken]);
    expect(status).toBe(1);
    expect(err).toEqual([`${broken}:7:34: unexpected "(" inside a [ ] label; quote the label: G["Wait for a while (End)"]`]);
  });

  it('prints warnings without failing', async () => {
    const fenced = join(corpus, 'mermaid', '25-broken-fenced-mmd-file.mmd');
    const { status, out } = await run(['validate', fenced]);
    expect(status).toBe(0);
    expect(out[0]).toMatch(/25-broken-fenced-mmd-file\.mmd:1:1: warning: this file is wrapped in a ```mermaid code fence/);
  });

  it('walks folders for importable files only, skipping node_modules and hidden folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kata-cli-'));
    mkdirSync(join(dir, 'node_modules'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'runbooks'));
    writeFileSync(join(dir, 'node_modules', 'x.md'), '- [ ]');
    writeFileSync(join(dir, '.git', 'y.md'), '- [ ]');
    writeFileSync(join(dir, 'notes.txt'), 'not imported');
    writeFileSync(join(dir, 'runbooks', 'deploy.md'), '# Deploy\n- [ ] Freeze\n- [ ] Ship\n');
    const { status, out } = await run(['validate', dir, '--json']);
    expect(status).toBe(0);
    expect(out.map((line) => JSON.parse(line).file)).toEqual([join(dir, 'runbooks', 'deploy.md')]);
  });
});

describe('kata --json', () => {
  it('prints one object per file with errors, warnings, pack and cards', async () => {
    const file = join(samples, 'overfitting-diagnosis.mmd');
    const { status, out } = await run(['preview', file, '--json']);
    expect(status).toBe(0);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0]!);
    expect(report).toMatchObject({ file, ok: true, errors: [], warnings: [] });
    expect(report.pack.title).toBe('Overfitting diagnosis');
    expect(report.pack.kind).toBe('tree');
    expect(report.pack.items[0]).toEqual({
      id: 'start',
      kind: 'action',
      text: 'Model underperforms after deploy',
      plain: 'Model underperforms after deploy',
      inline: [{ type: 'text', value: 'Model underperforms after deploy' }],
      section: null,
      parent: null,
      depth: 0,
    });
    expect(report.pack.edges).toContainEqual({ from: 'q1', to: 'q3', label: 'yes' });
    expect(report.pack.cards).toContainEqual({
      kind: 'branch',
      itemId: 'q1',
      prompt: [
        { type: 'emphasis', children: [{ type: 'text', value: 'Validation loss rising while training loss falls?' }] },
        { type: 'text', value: ' — ' },
        { type: 'strong', children: [{ type: 'text', value: 'yes' }] },
        { type: 'text', value: '. What now?' },
      ],
      answer: [{ type: 'text', value: 'Is the training set small for the model size?' }],
      promptPlain: 'Validation loss rising while training loss falls? — yes. What now?',
      answerPlain: 'Is the training set small for the model size?',
    });
  });

  it('shows what the app shows: plain text without markup, parents, depths, and the same tidied title for every kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kata-cli-plain-'));
    const file = join(dir, '07_db-failover.md');
    writeFileSync(
      file,
      ['## Fail over {#go}', '- [ ] ***Loss of observability:** Metrics stop*', '  - [ ] Ask R&amp;D to wait ==24 hours==', '  - [ ] See [the runbook][rb]', '', '[rb]: https://x'].join('\n'),
    );
    const mmd = join(dir, '07_db-failover-tree.mmd');
    writeFileSync(mmd, 'flowchart TD\n  a[Start] --> b[Stop]\n');
    const report = JSON.parse((await run(['preview', file, '--json'])).out[0]!);
    expect(report.pack.title).toBe('Db failover');
    expect(JSON.parse((await run(['preview', mmd, '--json'])).out[0]!).pack.title).toBe('Db failover tree');
    expect(report.pack.sections).toEqual([{ id: 'go', title: 'Fail over', parent: null, depth: 0 }]);
    expect(report.pack.items.map((item: { plain: string; parent: string | null; depth: number }) => [item.plain, item.parent, item.depth])).toEqual([
      ['Loss of observability: Metrics stop', null, 0],
      ['Ask R&D to wait 24 hours', 'go:loss-of-observability-metrics-stop', 1],
      ['See the runbook', 'go:loss-of-observability-metrics-stop', 1],
    ]);
    for (const card of report.pack.cards as { promptPlain: string; answerPlain: string }[]) {
      expect(card.promptPlain).not.toMatch(/\*|==|\[(?!…\])|&amp;/);
      expect(card.answerPlain).not.toMatch(/\*|==|&amp;/);
    }
    const cloze = (report.pack.cards as { kind: string; promptPlain: string; answerPlain: string }[]).find((card) => card.kind === 'cloze')!;
    expect(cloze).toMatchObject({ promptPlain: 'In Fail over: Ask R&D to wait […]', answerPlain: '24 hours' });
  });

  it('reports errors as {line, col, message} with pack null', async () => {
    const { out } = await run(['validate', join(corpus, 'mermaid', '24-broken-parens-in-square-label.mmd'), '--json']);
    const report = JSON.parse(out[0]!);
    expect(report.ok).toBe(false);
    expect(report.pack).toBeNull();
    expect(report.errors[0]).toMatchObject({ line: 7, col: 34 });
  });
});

describe('bad usage', () => {
  it.each([
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['validate'], 'validate needs at least one file'],
    [['preview', 'a.md', 'b.md'], 'preview takes one file'],
    [['validate', '--fast', 'a.md'], 'unknown option --fast'],
    [['validate', '/no/such/file.md'], 'no such file or folder: /no/such/file.md'],
  ])('%j exits 2: %s', async (args, message) => {
    const { status, err } = await run(args);
    expect(status).toBe(2);
    expect(err[0]).toBe(`kata: ${message}`);
  });
});

describe('bin/kata.cjs under plain Node', () => {
  it('runs as a command and returns the exit status', async () => {
    const ok = execFileSync(process.execPath, [join(repo, 'bin', 'kata.cjs'), 'validate', join(samples, 'ml-metrics.csv')], {
      encoding: 'utf8',
    });
    expect(ok).toContain('ml-metrics.csv: ok (6 items, 6 drills)');
    const broken = spawnSync(process.execPath, [join(repo, 'bin', 'kata.cjs'), 'validate', join(corpus, 'mermaid')], {
      encoding: 'utf8',
    });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('24-broken-parens-in-square-label.mmd:7:34:');
  });

  it('simulate --json prints what runCli prints, and a piped walk reaches its debrief', async () => {
    const drift = join(samples, 'feature-drift-response.yaml');
    const kata = (args: string[], input?: string) =>
      spawnSync(process.execPath, [join(repo, 'bin', 'kata.cjs'), 'simulate', drift, ...args], { encoding: 'utf8', input: input ?? '' });
    const json = kata(['--seed', '7', '--json']);
    expect(json.status).toBe(0);
    const inProcess = await run(['simulate', drift, '--seed', '7', '--json']);
    expect(json.stdout).toBe(`${inProcess.out[0]}\n`);
    const steps: { answer: string; options: string[] }[] = JSON.parse(json.stdout).steps;
    const walked = kata(['--seed', '7'], steps.map((step) => `${step.options.indexOf(step.answer) + 1}\n`).join(''));
    expect(walked.status).toBe(0);
    expect(walked.stdout).toContain('Score 100 of 100: 2 of 2 decisions right, no hints.');
    // Piped input that ends before the walk does: abandoned, exit 1.
    const cut = kata(['--seed', '7'], '1\n');
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('kata: run abandoned at decision 2 of 2 (the input ended)');
  });
});
