/**
 * What the Simulate screen lists, read in a bounded number of queries whatever the size of
 * the collection: the active packs and one summary record per pack walked (never attempts
 * or answers). Tree coverage is worked out from each pack's stored edges; the texts of the
 * outcomes never reached come after the first paint, by key; the incident of the day from
 * index counts of due cards per pack, once per study day.
 */
import type { PackRecord, SimulationStats } from '../../../shared/model';
import { itemKey } from '../../../shared/drills/ids';
import { incidentOfDay } from '../../../shared/simulate/incident-of-day';
import type { IncidentOfDay } from '../../../shared/simulate/incident-of-day';
import { suggestLevel } from '../../../shared/simulate/levels';
import { packCoverage } from '../../../shared/simulate/pack-coverage';
import { emptyStats } from '../../../shared/simulate/simulation-stats';
import type { Repositories } from '../../storage/index';
import type { ScenarioEntry } from './simulate-types';
import type { Level } from '../../../shared/simulate/scenario-types';
import { buildProgressReport } from '../../../shared/progress/progress-report';
import type { ProgressContext } from '../progress/progress-data';
import { loadProgressInput } from '../progress/progress-data';

export type SimulateRepositories = Pick<Repositories, 'packs' | 'items' | 'cards' | 'events' | 'attempts' | 'settings' | 'rollups' | 'assessments'>;

/** Paths listed per tree on the Simulate screen (coverage says "of 200+" beyond). */
export const LISTED_PATHS = 200;

/** Whether a stored pack can be walked (a tree with a start, or a checklist). */
export function walkable(pack: PackRecord): pack is PackRecord & { kind: 'tree' | 'checklist' } {
  if (pack.kind === 'checklist') return pack.itemCount > 0;
  return pack.kind === 'tree' && pack.rootId !== undefined && pack.edges.length > 0;
}

/** The list entry of a pack, from its record and its simulation summary. */
export function entryOf(pack: PackRecord & { kind: 'tree' | 'checklist' }, stats: SimulationStats | undefined): ScenarioEntry {
  const summary = stats ?? emptyStats(pack.id);
  const entry: ScenarioEntry = {
    packId: pack.id,
    title: pack.title,
    kind: pack.kind,
    version: pack.importedAt,
    stats: summary,
    suggestedLevel: suggestLevel(summary.results.map((result) => ({ ...result, finished: true }))),
  };
  if (pack.meta.rarity) entry.rarity = pack.meta.rarity;
  if (pack.meta.criticality) entry.criticality = pack.meta.criticality;
  if (pack.meta.timeLimitMs) entry.timeLimitMs = pack.meta.timeLimitMs;
  const covered = packCoverage(pack, summary, LISTED_PATHS);
  if (covered?.kind === 'paths') entry.coverage = covered.coverage;
  else if (covered?.kind === 'sections') entry.sections = { walked: covered.walked, total: covered.total };
  return entry;
}

/** Every walkable active pack, rarest and most critical first, then by title. */
export async function loadScenarioEntries(repos: SimulateRepositories): Promise<ScenarioEntry[]> {
  const [packs, stats] = await Promise.all([repos.packs.listActive(), repos.attempts.allStats()]);
  const byPack = new Map(stats.map((s) => [s.packId, s]));
  const rank = (entry: ScenarioEntry): number =>
    ({ rare: 0, occasional: 1, common: 2 })[entry.rarity ?? 'occasional'] * 3 + ({ high: 0, medium: 1, low: 2 })[entry.criticality ?? 'medium'];
  return packs
    .filter(walkable)
    .map((pack) => entryOf(pack, byPack.get(pack.id)))
    .sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

/** The texts of the outcomes never reached that the list names (a few per pack), read by key in one go. */
export async function loadOutcomeTexts(repos: SimulateRepositories, entries: readonly ScenarioEntry[], perPack = 3): Promise<Map<string, Record<string, string>>> {
  const wanted = entries.flatMap((entry) => (entry.coverage?.neverReached ?? []).slice(0, perPack).map((id) => ({ packId: entry.packId, id })));
  const items = await repos.items.getMany(wanted.map(({ packId, id }) => itemKey(packId, id)));
  const texts = new Map<string, Record<string, string>>();
  wanted.forEach(({ packId, id }, i) => {
    const item = items[i];
    if (!item) return;
    const own = texts.get(packId) ?? {};
    own[id] = item.text;
    texts.set(packId, own);
  });
  return texts;
}

const INCIDENT_KEY = 'simulate.incidentOfDay';

/**
 * Today's rare incident: the one picked earlier today if it is still walkable, else drawn
 * now (seeded by the study day) and remembered for the rest of the day.
 */
export async function loadIncidentOfDay(repos: SimulateRepositories, entries: readonly ScenarioEntry[], studyDay: number, now: number): Promise<IncidentOfDay | null> {
  const cached = await repos.settings.get<{ day: number; pick: IncidentOfDay } | null>(INCIDENT_KEY, null);
  if (cached && cached.day === studyDay && entries.some((entry) => entry.packId === cached.pick.packId)) return cached.pick;
  if (entries.length === 0) return null;
  const shares = await repos.cards.dueShareByPack(entries.map((entry) => entry.packId), now);
  const pick = incidentOfDay(
    entries.map((entry) => {
      const share = shares.get(entry.packId);
      const candidate = {
        packId: entry.packId,
        title: entry.title,
        weakness: share && share.total > 0 ? share.due / share.total : 1,
        ...(entry.rarity ? { rarity: entry.rarity } : {}),
        ...(entry.criticality ? { criticality: entry.criticality } : {}),
        ...(entry.stats.lastWalkedAt !== undefined ? { lastWalkedAt: entry.stats.lastWalkedAt } : {}),
      };
      return candidate;
    }),
    studyDay,
    now,
  );
  if (pick) await repos.settings.set(INCIDENT_KEY, { day: studyDay, pick });
  return pick;
}

/**
 * Each listed pack's place on the independence ladder, measured as the Progress screen
 * measures it (the same report from the same rollups), and the scaffold it sets.
 */
export async function ladderLevels(repos: SimulateRepositories, context: ProgressContext): Promise<Map<string, { level: Level; name: string }>> {
  const report = buildProgressReport(await loadProgressInput(repos, context));
  return new Map(report.packs.map((pack) => [pack.packId, { level: pack.placement.level, name: pack.placement.name }]));
}

