/**
 * What a pack's walks have covered, from its record and its simulation summary: for a tree
 * the root-to-outcome paths walked (of the first `maxPaths`), for a checklist the sections
 * performed. One function for the Simulate list and the Progress screen, so both say the same.
 */
import type { PackRecord, SimulationStats } from '../model';
import type { PathCoverage } from './coverage';
import { pathCoverage } from './coverage';
import { outcomePaths } from './paths';
import { structureOfEdges } from './scenario-graph';

export type PackCoverage =
  | { kind: 'paths'; coverage: PathCoverage }
  | { kind: 'sections'; walked: number; total: number };

/** The coverage of `pack` by the walks in `stats`; null for a pack that cannot be walked. */
export function packCoverage(pack: PackRecord, stats: SimulationStats, maxPaths: number): PackCoverage | null {
  if (pack.kind === 'tree' && pack.rootId !== undefined && pack.edges.length > 0) {
    const paths = outcomePaths(structureOfEdges(pack.rootId, pack.edges), maxPaths);
    return { kind: 'paths', coverage: pathCoverage(paths, stats.walked.map((key) => key.split(' '))) };
  }
  if (pack.kind === 'checklist' && pack.itemCount > 0) {
    const total = pack.sections.length;
    const walked = stats.walked.filter((key) => key !== '§all').length;
    return { kind: 'sections', walked: stats.walked.includes('§all') ? total : Math.min(walked, total), total };
  }
  return null;
}
