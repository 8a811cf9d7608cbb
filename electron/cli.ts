/**
 * The authors' command line, under plain Node (no Electron), so a team can check and
 * rehearse its runbook repository in CI or a terminal:
 *   `kata validate <files or folders> [--json]` and `kata preview <file> [--json]` run the importers;
 *   `kata simulate <file> …` walks a scenario (electron/cli/simulate-command.ts);
 *   `kata report <export> [--format md|csv|json]` prints the progress report of a collection export
 *   (electron/cli/report-command.ts).
 * Exit status: 0 all valid, 1 any file has errors, 2 bad usage (simulate adds 130 for Ctrl-C).
 */
import { readFileSync } from 'node:fs';
import { parseImportBytes } from '../shared/import/parse-file';
import type { CliIo } from './cli/cli-io';
import { collectFiles } from './cli/collect-files';
import { buildFileReport, issueLines, previewLines } from './cli/file-report';
import { runReport } from './cli/report-command';
import { runSimulate } from './cli/simulate-command';
import { USAGE, usageError } from './cli/usage';

export type { CliIo, TerminalIo } from './cli/cli-io';

/** Runs the command line and resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  // The command is the first argument other than --json; simulate has options with values
  // (`--seed 7`), so it parses the rest itself.
  const at = argv.findIndex((arg) => arg !== '--json');
  if (argv[at] === 'simulate') return runSimulate([...argv.slice(0, at), ...argv.slice(at + 1)], io);
  if (argv[at] === 'report') return runReport([...argv.slice(0, at), ...argv.slice(at + 1)], io);
  return runImporters(argv, io);
}

function runImporters(argv: readonly string[], io: CliIo): number {
  const json = argv.includes('--json');
  const unknownFlag = argv.find((arg) => arg.startsWith('-') && arg !== '--json');
  const [command, ...paths] = argv.filter((arg) => arg !== '--json');
  if (unknownFlag) return usageError(io, `unknown option ${unknownFlag}`);
  if (command !== 'validate' && command !== 'preview') {
    return usageError(io, command ? `unknown command "${command}"` : 'no command given');
  }
  if (paths.length === 0) return usageError(io, `${command} needs at least one file`);
  if (command === 'preview' && paths.length > 1) return usageError(io, 'preview takes one file');

  const { files, missing } = collectFiles(paths);
  if (missing.length > 0) return usageError(io, `no such file or folder: ${missing.join(', ')}`);
  if (files.length === 0) return usageError(io, `no importable files in ${paths.join(', ')}`);

  let failed = 0;
  for (const file of files) {
    const result = parseImportBytes(file, new Uint8Array(readFileSync(file)));
    const report = buildFileReport(file, result);
    if (!report.ok) failed += 1;
    if (json) {
      io.out(JSON.stringify(report));
      continue;
    }
    for (const line of issueLines(file, result)) (result.ok ? io.out : io.err)(line);
    if (command === 'preview') previewLines(report).forEach((line) => io.out(line));
    else if (report.ok) io.out(`${file}: ok (${report.pack?.items.length ?? 0} items, ${report.pack?.cards.length ?? 0} drills)`);
  }
  if (!json && command === 'validate') {
    io.out(`${files.length - failed} of ${files.length} files valid`);
  }
  return failed > 0 ? 1 : 0;
}
