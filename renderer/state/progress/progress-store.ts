/**
 * The Progress store (practice.md, "Competency"): reads the rollups and summaries (never the
 * events), rebuilding the rollups first when they are stale (after the migration that added
 * them, or answers added in bulk), builds the report, records each pack's level when it
 * changes, and keeps the person's self-ratings and targets. The due forecast and the weakest
 * items come after the first paint (index counts over every card; the earliest-due studied cards).
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { CardKind, PackRecord, SelfAssessment } from '../../../shared/model';
import type { LadderLevel, LadderThresholds } from '../../../shared/progress/ladder';
import type { PackTarget, ProgressReport } from '../../../shared/progress/progress-report';
import { buildProgressReport, levelChanges } from '../../../shared/progress/progress-report';
import { retrievability } from '../../../shared/schedule/review';
import type { PackCoverage } from '../../../shared/simulate/pack-coverage';
import { packCoverage } from '../../../shared/simulate/pack-coverage';
import { emptyStats } from '../../../shared/simulate/simulation-stats';
import { studyDayIndex } from '../../../shared/schedule/day';
import { makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { SchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import type { Repositories } from '../../storage/index';
import type { ProgressRepositories } from './progress-data';
import { TARGETS_KEY, THRESHOLDS_KEY, loadForecast, loadProgressInput, thresholdsOf } from './progress-data';

/** One of the cards most likely forgotten now. */
export interface WeakItem {
  cardId: string;
  packId: string;
  packTitle: string;
  kind: CardKind;
  text: string;
  retrievability: number;
}

export interface ProgressState {
  status: 'idle' | 'loading' | 'rebuilding' | 'ready' | 'error';
  /** While rollups are rebuilt: cards gone through of all. */
  rebuild?: { done: number; total: number };
  report: ProgressReport | null;
  /** Undefined while being read. */
  weakest: WeakItem[] | undefined;
  /** Each walkable pack's path (tree) or section (checklist) coverage, by pack id. */
  coverage: Record<string, PackCoverage>;
  error?: string;
  load(): Promise<void>;
  /** The person's own rating of a pack's level. */
  rate(packId: string, level: LadderLevel, note?: string): Promise<void>;
  setTarget(packId: string, target: PackTarget | null): Promise<void>;
  setThresholds(thresholds: LadderThresholds): Promise<void>;
}

export type ProgressStore = StoreApi<ProgressState>;

export interface ProgressStoreOptions {
  settings: () => Partial<Record<keyof SchedulerSettings, unknown>>;
  /** Rebuilds the rollups from the events (off the main thread), reporting progress. */
  rebuildRollups: (onProgress: (done: number, total: number) => void) => Promise<void>;
  now?: () => number;
  timezoneOffsetMinutes?: (at: number) => number;
  newId?: () => string;
}

/** Paths of a tree counted for its coverage (as many as the Simulate list counts). */
export const COVERAGE_PATHS = 200;

/** Weakest items listed. */
export const WEAKEST_ITEMS = 20;
/** Earliest-due studied cards the weakest are chosen among (the most overdue are the least recalled). */
const WEAKEST_POOL = 300;

/** A sequence card drills a section (item id `§section`), which has no item of its own: its words. */
function sectionText(itemKey: string, pack: PackRecord | undefined): string | undefined {
  const id = /\/§([^/]+)$/.exec(itemKey)?.[1];
  if (id === undefined || !pack) return undefined;
  const title = id === 'pack' ? pack.title : pack.sections.find((section) => section.id === id)?.title;
  return title === undefined ? undefined : `The steps of “${title}”, in order`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createProgressStore(repos: ProgressRepositories & Pick<Repositories, 'items'>, options: ProgressStoreOptions): ProgressStore {
  const now = options.now ?? Date.now;
  const tzOffset = options.timezoneOffsetMinutes ?? ((at: number) => new Date(at).getTimezoneOffset());
  const newId = options.newId ?? (() => crypto.randomUUID());
  let token = 0;

  const context = () => {
    const settings = normalizeSchedulerSettings(options.settings());
    return { settings, scheduler: makeScheduler(settings) };
  };

  async function weakestItems(report: ProgressReport, at: number, packs: readonly PackRecord[]): Promise<WeakItem[]> {
    const { scheduler } = context();
    const titles = new Map(report.packs.map((pack) => [pack.packId, pack.title]));
    const pool = (await repos.cards.earliestStudied(WEAKEST_POOL)).filter((card) => titles.has(card.packId));
    const ranked = pool
      .map((card) => ({ card, r: retrievability(scheduler, card, at) }))
      .sort((a, b) => a.r - b.r || b.card.lapses - a.card.lapses)
      .slice(0, WEAKEST_ITEMS);
    const items = await repos.items.getMany(ranked.map(({ card }) => card.itemKey));
    const byId = new Map(packs.map((pack) => [pack.id, pack]));
    return ranked.map(({ card, r }, i) => ({
      cardId: card.id,
      packId: card.packId,
      packTitle: titles.get(card.packId) ?? card.packId,
      kind: card.kind,
      text: items[i]?.text ?? sectionText(card.itemKey, byId.get(card.packId)) ?? card.itemKey,
      retrievability: r,
    }));
  }

  return createStore<ProgressState>()((setState, getState) => ({
    status: 'idle',
    report: null,
    weakest: undefined,
    coverage: {},

    async load() {
      token += 1;
      const mine = token;
      setState({ status: getState().report ? 'ready' : 'loading', error: undefined });
      try {
        if (await repos.rollups.isStale()) {
          setState({ status: 'rebuilding', rebuild: { done: 0, total: 0 } });
          await options.rebuildRollups((done, total) => mine === token && setState({ rebuild: { done, total } }));
        }
        const at = now();
        const { settings, scheduler } = context();
        const progressContext = { now: at, scheduler, dayStartHour: settings.dayStartHour, timezoneOffsetMinutes: tzOffset };
        const input = await loadProgressInput(repos, progressContext);
        const report = buildProgressReport(input);
        if (mine !== token) return;
        // Until the new forecast and coverage are worked out, the ones shown before stay (no flicker after a rating).
        const previous = getState().report?.forecast;
        setState({ status: 'ready', report: previous ? { ...report, forecast: previous } : report, rebuild: undefined });
        // Path coverage walks every tree's paths (tens of ms at 500 packs): after the first paint.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (mine !== token) return;
        const stats = new Map(input.stats.map((s) => [s.packId, s]));
        const coverage: Record<string, PackCoverage> = {};
        for (const pack of input.packs) {
          const covered = packCoverage(pack, stats.get(pack.id) ?? emptyStats(pack.id), COVERAGE_PATHS);
          if (covered) coverage[pack.id] = covered;
        }
        setState({ coverage });
        // Levels are recorded when they change (level over time, the projection); then the weakest items.
        const day = (t: number): number => studyDayIndex(t, settings.dayStartHour, tzOffset(t));
        const changes = levelChanges(report, input.levels);
        void repos.rollups.recordLevels(changes.map((change) => ({ ...change, day: day(change.at) }))).catch(() => undefined);
        // The due forecast (index counts over every card) and the weakest cards come after the first paint.
        const [forecast, weakest] = await Promise.all([loadForecast(repos, progressContext, input.memories), weakestItems(report, at, input.packs)]);
        if (mine !== token) return;
        const shown = getState().report;
        setState({ weakest, ...(shown ? { report: { ...shown, forecast } } : {}) });
      } catch (error) {
        if (mine === token) setState({ status: 'error', error: `Your progress could not be read: ${describe(error)}` });
      }
    },

    async rate(packId, level, note) {
      const assessment: SelfAssessment = { id: newId(), packId, at: now(), level };
      if (note?.trim()) assessment.note = note.trim();
      await repos.assessments.add(assessment);
      await getState().load();
    },

    async setTarget(packId, target) {
      const targets = { ...(await repos.settings.get<Record<string, PackTarget>>(TARGETS_KEY, {})) };
      if (target) targets[packId] = target;
      else delete targets[packId];
      await repos.settings.set(TARGETS_KEY, targets);
      await getState().load();
    },

    async setThresholds(thresholds) {
      await repos.settings.set(THRESHOLDS_KEY, thresholdsOf(thresholds));
      await getState().load();
    },
  }));
}
