// @ts-check
/**
 * `npm run security` (part of `npm test`): runs @doyensec/electronegativity over the Electron
 * side of Kata and fails on any finding at level `warning` or `error`.
 *
 * Electronegativity itself exits 0 whatever it finds, and its CSV output is broken, so this
 * reads its SARIF report instead. It is given the Electron version from package.json (`-e`),
 * so it never guesses, and writes its report to a temp folder outside the repository.
 *
 * What it scans: electron/ (main, preload, window, session) plus renderer/index.html, the page
 * the window loads, so its CSP check evaluates the CSP the page really carries (the app://
 * protocol sends the same policy as a header, from electron/app-security.json, which the tool
 * cannot read). Both are copied into one temp folder: the tool takes a single input.
 *
 * Every `note` (a finding that asks for review) must be answered in SECURITY.md, which names
 * its rule id; a note nobody answered fails the run too.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

/**
 * @typedef {object} Finding
 * @property {string} ruleId e.g. SANDBOX_JS_CHECK
 * @property {'none' | 'note' | 'warning' | 'error'} level
 * @property {string} message
 * @property {string} file as the report names it (relative to the scanned folder)
 * @property {number} line
 */

const LEVELS = ['none', 'note', 'warning', 'error'];

/**
 * The Electron version package.json asks for, as a bare version (`^45.4.1` -> `45.4.1`).
 * @param {{ dependencies?: Record<string, string>, devDependencies?: Record<string, string> }} packageJson
 * @returns {string}
 */
export function electronVersionOf(packageJson) {
  const range = packageJson.devDependencies?.electron ?? packageJson.dependencies?.electron;
  const match = range?.match(/^[\^~=v]*(\d+\.\d+\.\d+)$/);
  if (!match?.[1]) throw new Error(`electronegativity: package.json has no plain electron version (found ${JSON.stringify(range)})`);
  return match[1];
}

/**
 * Every result of a SARIF 2.1 report, flattened. Throws on anything that is not one, so a
 * report the tool failed to write (or wrote half) never reads as "nothing found".
 * @param {unknown} sarif the parsed report
 * @returns {Finding[]}
 */
export function readSarifFindings(sarif) {
  const report = /** @type {{ version?: unknown, runs?: unknown }} */ (sarif);
  if (!report || typeof report !== 'object' || report.version !== '2.1.0' || !Array.isArray(report.runs)) {
    throw new Error('electronegativity: the report is not SARIF 2.1.0 (no version or runs)');
  }
  /** @type {Finding[]} */
  const findings = [];
  for (const run of report.runs) {
    const results = /** @type {{ results?: unknown }} */ (run)?.results;
    if (!Array.isArray(results)) throw new Error('electronegativity: a SARIF run has no results list');
    for (const raw of results) {
      const result = /** @type {Record<string, any>} */ (raw);
      if (typeof result?.ruleId !== 'string') throw new Error('electronegativity: a SARIF result has no ruleId');
      // SARIF: a result without a level is a warning.
      const level = result.level ?? 'warning';
      if (!LEVELS.includes(level)) throw new Error(`electronegativity: unknown SARIF level ${JSON.stringify(level)}`);
      const location = result.locations?.[0]?.physicalLocation;
      findings.push({
        ruleId: result.ruleId,
        level,
        message: String(result.message?.text ?? ''),
        file: String(location?.artifactLocation?.uri ?? ''),
        line: Number(location?.region?.startLine ?? 0),
      });
    }
  }
  return findings;
}

/**
 * The findings that fail the run: level warning or error.
 * @param {readonly Finding[]} findings
 */
export function failingFindings(findings) {
  return findings.filter((finding) => finding.level === 'warning' || finding.level === 'error');
}

/**
 * The notes SECURITY.md does not answer: those whose rule id it never names.
 * @param {readonly Finding[]} findings
 * @param {string} securityText SECURITY.md
 */
export function unansweredNotes(findings, securityText) {
  return findings.filter((finding) => finding.level === 'note' && !securityText.includes(finding.ruleId));
}

/** @param {Finding} finding */
export function describeFinding(finding) {
  return `${finding.level.toUpperCase()} ${finding.ruleId} at ${finding.file}:${finding.line}: ${finding.message}`;
}

/**
 * Runs the electronegativity CLI on `inputDir` for Electron `electronVersion` and returns its
 * findings. The report goes to a temp folder of its own, removed afterwards.
 * @param {string} inputDir
 * @param {string} electronVersion
 * @returns {Promise<Finding[]>}
 */
export async function runElectronegativity(inputDir, electronVersion) {
  const outDir = await mkdtemp(path.join(tmpdir(), 'kata-electronegativity-'));
  const report = path.join(outDir, 'report.sarif');
  try {
    const run = spawnSync(process.execPath, [CLI, '-i', inputDir, '-e', electronVersion, '-o', report, '-r'], {
      encoding: 'utf8',
      // Offline here and in CI: its update and translation look-ups fail fast and are not needed.
      timeout: 120_000,
    });
    if (run.error) throw run.error;
    let text;
    try {
      text = await readFile(report, 'utf8');
    } catch {
      throw new Error(`electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    return readSarifFindings(JSON.parse(text));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Copies what is scanned (electron/ and the page the window loads) into one temp folder. */
async function stageInput() {
  const dir = await mkdtemp(path.join(tmpdir(), 'kata-electronegativity-input-'));
  await cp(path.join(ROOT, 'electron'), path.join(dir, 'electron'), { recursive: true });
  await cp(path.join(ROOT, 'renderer', 'index.html'), path.join(dir, 'renderer', 'index.html'));
  return dir;
}

async function main() {
  const packageJson = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  const version = electronVersionOf(packageJson);
  const input = await stageInput();
  let findings;
  try {
    findings = await runElectronegativity(input, version);
  } finally {
    await rm(input, { recursive: true, force: true });
  }
  const security = await readFile(path.join(ROOT, 'SECURITY.md'), 'utf8');
  const failing = failingFindings(findings);
  const unanswered = unansweredNotes(findings, security);
  const notes = findings.filter((finding) => finding.level === 'note');
  console.log(`electronegativity (Electron ${version}): ${failing.length} warning/error, ${notes.length} note(s)`);
  for (const finding of findings) console.log(`  ${describeFinding(finding)}`);
  if (failing.length > 0) console.error('electronegativity: fix the warnings above (or the check that raises them).');
  if (unanswered.length > 0) {
    console.error(`electronegativity: answer these notes in SECURITY.md (name the rule id): ${unanswered.map((n) => n.ruleId).join(', ')}`);
  }
  if (failing.length > 0 || unanswered.length > 0) process.exitCode = 1;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
