/**
 * `kata simulate <file>`: draws a scenario from a tree or checklist the way the app does
 * (same engine, same pack id, nothing remembered: emptyMemory()) and walks it in the
 * terminal, prints it (`--json`), or lists the tree's paths (`--paths`).
 *
 * Exit status: 0 walked to the debrief (whatever the score) or printed; 1 the file has
 * errors, nothing to walk, or the input ended mid-run; 2 bad usage; 130 Ctrl-C.
 */
import { randomInt } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { PackSource } from '../../shared/model';
import { parseImportBytes } from '../../shared/import/parse-file';
import { packIdFor } from '../../shared/library/plan-import';
import { drawScenario, notWalkable } from '../../shared/simulate/build-scenario';
import { suggestLevel } from '../../shared/simulate/levels';
import { emptyMemory } from '../../shared/simulate/memory-view';
import { MAX_LISTED_PATHS, outcomePaths } from '../../shared/simulate/paths';
import { scenarioGraph } from '../../shared/simulate/scenario-graph';
import type { ScenarioGraph } from '../../shared/simulate/scenario-graph';
import type { CliIo } from './cli-io';
import { debriefLines } from './debrief-text';
import { issueLines } from './file-report';
import { pathsJson, pathsText, scenarioJson } from './scenario-json';
import type { SimulateArgs } from './simulate-args';
import { MAX_SEED, parseSimulateArgs } from './simulate-args';
import { terminalStyle } from './terminal-style';
import { walkScenario } from './terminal-walk';
import { decisionCount, rerunCommand, walkContext } from './walk-text';
import { usageError } from './usage';

/** Exit status of a walk abandoned with Ctrl-C (128 + SIGINT, as shells report it). */
export const INTERRUPTED_STATUS = 130;

type Loaded = { pack: PackSource } | { status: number };

/** The file's pack, or the exit status after saying why there is none (validate's located errors). */
function loadPack(file: string, io: CliIo): Loaded {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    return { status: usageError(io, `no such file or folder: ${file}`) };
  }
  if (!isFile) return { status: usageError(io, `simulate takes one file, and ${file} is a folder`) };
  const result = parseImportBytes(file, new Uint8Array(readFileSync(file)));
  // Warnings too go to stderr: stdout may be JSON for a script.
  for (const line of issueLines(file, result)) io.err(line);
  return result.ok ? { pack: result.pack } : { status: 1 };
}

/** The section id `--section` names (by id or title), `all`, or the usage error. */
function resolveSection(pack: PackSource, file: string, wanted: string | undefined): { section?: string } | { error: string } {
  if (wanted === undefined) return {};
  if (pack.kind !== 'checklist') return { error: `--section is for checklists, and ${file} is a decision tree` };
  if (wanted === 'all') return { section: 'all' };
  const walkable = pack.sections.filter((section) => pack.items.some((item) => item.sectionId === section.id));
  const found =
    walkable.find((section) => section.id === wanted) ?? walkable.find((section) => section.title.toLowerCase() === wanted.toLowerCase());
  if (found) return { section: found.id };
  const known = walkable.map((section) => section.id);
  return { error: `no section "${wanted}" with steps in ${file}; its sections: ${known.length > 0 ? [...known, 'all'].join(', ') : 'none (use all)'}` };
}

export async function runSimulate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseSimulateArgs(argv);
  if ('error' in args) return usageError(io, args.error);
  const loaded = loadPack(args.file, io);
  if ('status' in loaded) return loaded.status;
  const { pack } = loaded;
  const reason = notWalkable(pack);
  if (reason) {
    io.err(`${args.file}: ${reason}`);
    return 1;
  }
  if (args.paths) return listPaths(pack, args, io);
  const section = resolveSection(pack, args.file, args.section);
  if ('error' in section) return usageError(io, section.error);

  const seed = args.seed ?? (io.drawSeed ?? (() => randomInt(0, MAX_SEED + 1)))();
  const scenario = drawScenario({
    packId: packIdFor(pack),
    pack,
    seed,
    level: args.level ?? suggestLevel([]),
    memory: emptyMemory(),
    ...(section.section === undefined ? {} : { section: section.section }),
  });
  if (args.json) {
    io.out(JSON.stringify(scenarioJson(scenario)));
    return 0;
  }
  if (!io.openTerminal) return usageError(io, 'simulate walks a scenario in a terminal; use --json to print it instead');
  const terminal = io.openTerminal();
  const ctx = walkContext(args.file, pack, scenario, terminalStyle(terminal.color));
  if (args.seed === undefined) terminal.output.write(`seed ${seed}: rerun with --seed ${seed}\n`);
  const end = await walkScenario(ctx, terminal);
  if (end.how === 'finished') {
    terminal.output.write('\n');
    debriefLines(ctx, end.state).forEach((line) => terminal.output.write(`${line}\n`));
    return 0;
  }
  // The cursor is still after the prompt.
  terminal.output.write('\n');
  const at = `decision ${end.state.decisions.length + 1} of ${decisionCount(scenario)}`;
  const why = end.how === 'interrupted' ? 'Ctrl-C' : 'the input ended';
  io.err(`kata: run abandoned at ${at} (${why}); nothing is kept. Walk it again: ${rerunCommand(ctx)}`);
  return end.how === 'interrupted' ? INTERRUPTED_STATUS : 1;
}

function listPaths(pack: PackSource, args: SimulateArgs, io: CliIo): number {
  if (pack.kind !== 'tree') {
    io.err(`${args.file}: --paths lists a decision tree's paths; a checklist has one, its steps in order`);
    return 1;
  }
  // notWalkable has already checked that the tree has a graph.
  const list = outcomePaths(scenarioGraph(pack) as ScenarioGraph, MAX_LISTED_PATHS);
  if (args.json) io.out(JSON.stringify(pathsJson(list)));
  else pathsText(pack, list, MAX_LISTED_PATHS).forEach((line) => io.out(line));
  return 0;
}
