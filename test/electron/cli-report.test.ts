/**
 * `kata report` over real export files written by the app's exporter (a random collection in
 * fake-indexeddb, exported to a temp file): Markdown, CSV and the JSON contract (its shape pinned
 * in report-json-shape.json), the same report the app builds from the restored collection, and a
 * clear refusal of a bad file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../electron/cli';
import { REPORT_JSON_FORMAT, type ReportJson } from '../../electron/cli/report-command';
import { openKataDb } from '../../renderer/storage/db';
import { createRepositories } from '../../renderer/storage/index';
import { exportCollection } from '../../renderer/storage/collection-export';
import { checkCollection } from '../../renderer/features/settings/check-collection';
import { loadForecast, loadProgressInput } from '../../renderer/state/progress/progress-data';
import { buildProgressReport } from '../../shared/progress/progress-report';
import { readCollection } from '../../shared/collection-export/read';
import { makeScheduler, normalizeSchedulerSettings } from '../../shared/schedule/scheduler-settings';
import { fakeIdb, uniqueDbName } from '../renderer/storage/test-db';
import { fillRandomCollection } from '../renderer/storage/random-collection';
import { shapeOf } from './report-shape';

const EXPORTED_AT = Date.UTC(2026, 2, 20, 18);
let dir: string;
let file: string;
let text: string;

async function run(args: string[]): Promise<{ status: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, out: out.join('\n'), err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kata-report-'));
  const db = await openKataDb(uniqueDbName('report'), fakeIdb);
  await fillRandomCollection(db, 2026, { packs: 4, itemsPerPack: 15, eventsPerCard: 8, attempts: 6 });
  text = '';
  for await (const chunk of exportCollection(db, { appVersion: '0.1.0', now: () => EXPORTED_AT })) text += chunk;
  db.close();
  file = join(dir, 'collection.kata.ndjson');
  writeFileSync(file, text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kata report', () => {
  test('prints the Markdown report by default, one row per active pack', async () => {
    const { status, out, err } = await run(['report', file]);
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(out).toMatch(/^# Kata progress report\n\nGenerated 2026-03-20\./);
    const packs = text.split('\n').filter((line) => line.startsWith('{"t":"packs"')).map((line) => (JSON.parse(line) as { r: { status: string } }).r);
    const active = packs.filter((pack) => pack.status === 'active').length;
    expect(active).toBeGreaterThan(0);
    const tableRows = out.split('## Packs')[1]!.split('\n\n')[1]!.split('\n').slice(2);
    expect(tableRows).toHaveLength(active);
  });

  test('prints CSV with --format csv, and the JSON contract with --format json', async () => {
    const csv = await run(['report', file, '--format', 'csv']);
    expect(csv.status).toBe(0);
    const json = await run(['report', '--format=json', file]);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.out) as ReportJson;
    expect(parsed.format).toBe(REPORT_JSON_FORMAT);
    expect(Papa.parse(csv.out).data).toHaveLength(1 + parsed.report.packs.length);
    expect(parsed.source).toEqual({ exportedAt: new Date(EXPORTED_AT).toISOString(), appVersion: '0.1.0', counts: (await readCollection([text])).counts });
    const shapeFile = new URL('./report-json-shape.json', import.meta.url);
    // A deliberate change of the contract: `KATA_WRITE_REPORT_SHAPE=1 npx vitest run test/electron/cli-report.test.ts`, and bump REPORT_JSON_VERSION.
    if (process.env.KATA_WRITE_REPORT_SHAPE) writeFileSync(shapeFile, `${JSON.stringify(shapeOf(parsed), null, 2)}\n`);
    const pinned = JSON.parse(readFileSync(shapeFile, 'utf8')) as unknown;
    expect(shapeOf(parsed)).toEqual(pinned);
  });

  test('is the report the app builds from the same collection restored (rollups rebuilt, as of the export)', async () => {
    const { out } = await run(['report', file, '--format', 'json']);
    const cli = JSON.parse(out) as ReportJson;
    const db = await openKataDb(uniqueDbName('report-restored'), fakeIdb);
    await readCollection([text], { onBatch: async (table, records) => void (await db.table(table).bulkAdd(records)) });
    const repos = createRepositories(db);
    const settings = normalizeSchedulerSettings(await repos.settings.all());
    await checkCollection(repos, settings, { replay: false });
    await repos.attempts.rebuildStats();
    const tz = (at: number) => new Date(at).getTimezoneOffset();
    const context = { now: EXPORTED_AT, scheduler: makeScheduler(settings), dayStartHour: settings.dayStartHour, timezoneOffsetMinutes: tz };
    const input = await loadProgressInput(repos, context);
    // The screen adds the due forecast after its first paint; the report has it from the start.
    input.forecast = await loadForecast(repos, context, input.memories);
    db.close();
    expect(cli.report).toEqual(JSON.parse(JSON.stringify(buildProgressReport(input))));
  });

  test('refuses a cut, damaged or foreign file, or none, with the reason and exit 1', async () => {
    const cut = join(dir, 'cut.kata.ndjson');
    writeFileSync(cut, text.slice(0, Math.floor(text.length * 0.6)));
    const cutRun = await run(['report', cut]);
    expect(cutRun.status).toBe(1);
    expect(cutRun.err.join('\n')).toMatch(/cut\.kata\.ndjson cannot be reported on: (The file ends early|Line \d+ is damaged)/);
    const edited = join(dir, 'edited.kata.ndjson');
    writeFileSync(edited, text.replace(/"rating":1/, '"rating":2'));
    expect((await run(['report', edited])).err.join('\n')).toMatch(/checksum does not match/);
    const foreign = join(dir, 'settings.json');
    writeFileSync(foreign, '{"format":"kata-backup","formatVersion":1,"contents":{"settings":{}}}');
    const foreignRun = await run(['report', foreign]);
    expect(foreignRun.status).toBe(1);
    expect(foreignRun.err.join('\n')).toMatch(/settings backup from an earlier Kata/);
    const missing = await run(['report', join(dir, 'nothing-here')]);
    expect(missing.status).toBe(1);
    expect(missing.err).toEqual([`kata: no such file: ${join(dir, 'nothing-here')}`]);
    expect((await run(['report', dir])).err[0]).toMatch(/is not a file/);
  });

  test('bad usage exits 2 with the usage', async () => {
    expect((await run(['report'])).status).toBe(2);
    const wrong = await run(['report', file, '--format', 'pdf']);
    expect(wrong.status).toBe(2);
    expect(wrong.err[0]).toBe('kata: unknown format "pdf" (md, csv or json)');
    expect(wrong.err.join('\n')).toMatch(/kata report <collection export>/);
  });
});
