/**
 * `kata report <export> [--format md|csv|json]`: the progress report for a mentor, printed from a
 * collection export (docs/collection-export.md) — the same report the app exports, from the same
 * pure functions: the export is streamed once, its rollups rebuilt on the way
 * (shared/collection-export/progress-input.ts), then buildProgressReport and reportMarkdown /
 * reportCsv, or the JSON contract (REPORT_JSON_FORMAT, its shape pinned by a test).
 * The report is as of the moment the export was made.
 *
 * Exit status: 0 printed; 1 the file is missing, unreadable or not a valid export (with why); 2 bad usage.
 */
import { createReadStream, statSync } from 'node:fs';
import { createProgressCollector } from '../../shared/collection-export/progress-input';
import { CollectionFileError, readCollection } from '../../shared/collection-export/read';
import type { TableCounts } from '../../shared/collection-export/format';
import type { ProgressReport } from '../../shared/progress/progress-report';
import { buildProgressReport } from '../../shared/progress/progress-report';
import { reportCsv, reportMarkdown } from '../../shared/progress/report-format';
import type { CliIo } from './cli-io';
import { usageError } from './usage';

export const REPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The JSON output's own format name and version: a contract for scripts that read it. */
export const REPORT_JSON_FORMAT = 'kata-progress-report';
export const REPORT_JSON_VERSION = 1;

export interface ReportJson {
  format: typeof REPORT_JSON_FORMAT;
  formatVersion: typeof REPORT_JSON_VERSION;
  /** The export it was built from. */
  source: { exportedAt: string; appVersion: string; counts: TableCounts };
  report: ProgressReport;
}

export function parseReportArgs(argv: readonly string[]): { file: string; format: ReportFormat } | { error: string } {
  const files: string[] = [];
  let format: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      format = arg === '--format' ? argv[(i += 1)] : arg.slice('--format='.length);
      if (format === undefined) return { error: '--format needs a value (md, csv or json)' };
    } else if (arg === '--json') format = 'json';
    else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (files.length !== 1) return { error: files.length === 0 ? 'report needs a collection export file' : 'report takes one file' };
  if (format !== undefined && !(REPORT_FORMATS as readonly string[]).includes(format)) return { error: `unknown format "${format}" (md, csv or json)` };
  return { file: files[0]!, format: (format ?? 'md') as ReportFormat };
}

/** Reads the export and builds its report; rejects with a CollectionFileError (or a file system error). */
export async function reportFromExport(file: string, timezoneOffsetMinutes?: (at: number) => number): Promise<ReportJson> {
  const collector = createProgressCollector(timezoneOffsetMinutes ? { timezoneOffsetMinutes } : {});
  const summary = await readCollection(createReadStream(file, { encoding: 'utf8' }) as AsyncIterable<string>, {
    onHeader: (header) => collector.header(header),
    onBatch: (table, records) => collector.add(table, records),
  });
  return {
    format: REPORT_JSON_FORMAT,
    formatVersion: REPORT_JSON_VERSION,
    source: { exportedAt: summary.header.createdAt, appVersion: summary.header.appVersion, counts: summary.counts },
    report: buildProgressReport(collector.input()),
  };
}

export async function runReport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseReportArgs(argv);
  if ('error' in args) return usageError(io, args.error);
  let isFile: boolean;
  try {
    isFile = statSync(args.file).isFile();
  } catch {
    io.err(`kata: no such file: ${args.file}`);
    return 1;
  }
  if (!isFile) {
    io.err(`kata: ${args.file} is not a file (report reads one collection export)`);
    return 1;
  }
  let result: ReportJson;
  try {
    result = await reportFromExport(args.file);
  } catch (error) {
    if (error instanceof CollectionFileError) {
      io.err(`kata: ${args.file} cannot be reported on: ${error.message}`);
      return 1;
    }
    io.err(`kata: ${args.file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (args.format === 'json') io.out(JSON.stringify(result, null, 2));
  else io.out((args.format === 'csv' ? reportCsv(result.report) : reportMarkdown(result.report)).replace(/\n$/, ''));
  return 0;
}
