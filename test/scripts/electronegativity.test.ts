/**
 * The electronegativity gate: its SARIF reading on small committed reports, and one real run
 * of the tool on a folder holding a badly configured window, which must fail the gate.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  electronVersionOf,
  failingFindings,
  readSarifFindings,
  runElectronegativity,
  unansweredNotes,
} from '../../scripts/electronegativity.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/electronegativity/', import.meta.url));

async function fixture(name: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(FIXTURES, name), 'utf8'));
}

describe('readSarifFindings', () => {
  it('reads an empty report as no findings', async () => {
    expect(readSarifFindings(await fixture('clean.sarif'))).toEqual([]);
  });

  it('reads every result of every run, with its level, file and line', async () => {
    const findings = readSarifFindings(await fixture('warnings.sarif'));
    expect(findings.map((f) => [f.ruleId, f.level])).toEqual([
      ['SANDBOX_JS_CHECK', 'warning'],
      ['PRELOAD_JS_CHECK', 'note'],
      ['NODE_INTEGRATION_JS_CHECK', 'error'],
      // No level in SARIF means warning.
      ['CONTEXT_ISOLATION_JS_CHECK', 'warning'],
    ]);
    expect(findings[0]).toMatchObject({ file: 'main.js', line: 3, message: 'Use sandbox for untrusted origins' });
    expect(findings[2]).toMatchObject({ file: '', line: 0 });
  });

  it.each([
    ['null', null],
    ['a CSV line', 'ID,FILE,LINE'],
    ['no version', { runs: [] }],
    ['an older SARIF', { version: '2.0.0', runs: [] }],
    ['a run without results', { version: '2.1.0', runs: [{ tool: {} }] }],
    ['a result without ruleId', { version: '2.1.0', runs: [{ results: [{ level: 'warning' }] }] }],
    ['an unknown level', { version: '2.1.0', runs: [{ results: [{ ruleId: 'X', level: 'fatal' }] }] }],
  ])('refuses %s rather than reading it as "nothing found"', (_name, report) => {
    expect(() => readSarifFindings(report)).toThrow(/electronegativity:/);
  });
});

describe('failingFindings and unansweredNotes', () => {
  it('fails on warnings and errors, never on notes', async () => {
    expect(failingFindings(readSarifFindings(await fixture('notes-only.sarif')))).toEqual([]);
    const failing = failingFindings(readSarifFindings(await fixture('warnings.sarif')));
    expect(failing.map((f) => f.ruleId)).toEqual(['SANDBOX_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']);
  });

  it('lists the notes whose rule SECURITY.md does not name', async () => {
    const findings = readSarifFindings(await fixture('notes-only.sarif'));
    expect(unansweredNotes(findings, '## PRELOAD_JS_CHECK\nThe preload exposes ...').map((f) => f.ruleId)).toEqual([
      'CSP_GLOBAL_CHECK',
    ]);
    expect(unansweredNotes(findings, 'PRELOAD_JS_CHECK and CSP_GLOBAL_CHECK answered')).toEqual([]);
  });

  it('the real SECURITY.md answers every note the committed report raises', async () => {
    const security = await readFile(fileURLToPath(new URL('../../SECURITY.md', import.meta.url)), 'utf8');
    expect(unansweredNotes(readSarifFindings(await fixture('notes-only.sarif')), security)).toEqual([]);
  });
});

describe('electronVersionOf', () => {
  it('takes the bare version of the electron range in package.json', async () => {
    expect(electronVersionOf({ devDependencies: { electron: '^45.4.1' } })).toBe('45.4.1');
    expect(electronVersionOf({ dependencies: { electron: '~38.0.2' } })).toBe('38.0.2');
    const ours = JSON.parse(await readFile(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    expect(electronVersionOf(ours)).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses a missing or non-plain version instead of letting the tool guess', () => {
    expect(() => electronVersionOf({})).toThrow(/no plain electron version/);
    expect(() => electronVersionOf({ devDependencies: { electron: 'latest' } })).toThrow(/no plain electron version/);
    expect(() => electronVersionOf({ devDependencies: { electron: '>=30 <40' } })).toThrow(/no plain electron version/);
  });
});

describe('runElectronegativity (the real tool)', () => {
  it('finds a window without isolation or sandbox, at a level that fails the gate', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kata-electronegativity-bad-'));
    try {
      await writeFile(
        path.join(dir, 'main.js'),
        [
          "const { BrowserWindow } = require('electron');",
          'const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
          "window.loadURL('https://example.com/');",
        ].join('\n'),
      );
      const findings = await runElectronegativity(dir, '45.4.1');
      const failing = failingFindings(findings).map((f) => f.ruleId);
      expect(failing).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
