/**
 * The simulate store (practice.md, "Scenario simulations"): lists the packs that can be
 * walked, briefs one (level, confidence), draws its scenario, walks it through the pure
 * run of shared/simulate/run.ts, stores every decision as it is made (with its review
 * event, in one transaction: a crash keeps the decisions, and the attempt is marked
 * abandoned the next time the list is read), and shows the debrief of the finished attempt.
 */
import { createStore } from 'zustand/vanilla';
import type { PackRecord, SimulationAttempt } from '../../../shared/model';
import { packSourceOf } from '../../../shared/library/pack-source';
import { studyDay } from '../../../shared/schedule/day';
import { makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { drawScenario, rebuildScenario } from '../../../shared/simulate/build-scenario';
import type { RunState } from '../../../shared/simulate/run';
import { chooseOption, confirmRecall, continueRun, openHint, runResult, startRun, submitRecall, withDecision } from '../../../shared/simulate/run';
import type { Scenario } from '../../../shared/simulate/scenario-types';
import { emptyStats } from '../../../shared/simulate/simulation-stats';
import { levelName, scaffoldForLadder } from '../../../shared/simulate/levels';
import type { ActiveRun, Briefing, SimulateState, SimulateStore, SimulateStoreOptions } from './simulate-types';
import { feedbackText, interruptedNotice } from './simulate-texts';

export { interruptedNotice } from './simulate-texts';
import type { SimulateRepositories } from './scenario-list';
import { ladderLevels, loadIncidentOfDay, loadOutcomeTexts, loadScenarioEntries } from './scenario-list';
import { memoryViewOf } from './scenario-memory';
import { decisionAnswer } from './run-decisions';
import type { RollupContext } from '../../storage/rollup-writes';
import { describeError, writeFailureMessage } from '../write-failure';

export type { SimulateState, SimulateStore } from './simulate-types';

const describe = describeError;

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] as number;
}

export function createSimulateStore(repos: SimulateRepositories, options: SimulateStoreOptions): SimulateStore {
  const now = options.now ?? Date.now;
  const tzOffset = options.timezoneOffsetMinutes ?? ((at: number) => new Date(at).getTimezoneOffset());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const newSeed = options.newSeed ?? randomSeed;
  let announceId = 0;
  let listToken = 0;
  /** The decision being written, which `next` waits for. */
  let saving: Promise<boolean> | null = null;

  const scheduling = () => {
    const settings = normalizeSchedulerSettings(options.settings());
    const scheduler = makeScheduler(settings);
    const rollups: RollupContext = { scheduler, dayStartHour: settings.dayStartHour, timezoneOffsetMinutes: tzOffset };
    return { settings, scheduler, rollups };
  };

  async function readPack(packId: string): Promise<{ record: PackRecord; pack: ReturnType<typeof packSourceOf> }> {
    const record = await repos.packs.get(packId);
    if (!record) throw new Error('This pack is no longer in your library.');
    const items = await repos.items.byPack(packId);
    return { record, pack: packSourceOf(record, items) };
  }

  return createStore<SimulateState>()((setState, getState) => {
    const announce = (text: string): void => {
      announceId += 1;
      setState({ announcement: { id: announceId, text } });
    };
    const patchRun = (change: Partial<ActiveRun>): void => {
      const run = getState().run;
      if (run) setState({ run: { ...run, ...change } });
    };

    /** Writes the decision of a run in feedback; resolves whether it was stored. */
    function storeDecision(run: ActiveRun): Promise<boolean> {
      const { state } = run;
      if (state.phase.name !== 'feedback') return Promise.resolve(true);
      if (run.stored) return Promise.resolve(true);
      const decision = state.phase.decision;
      const { scheduler, rollups } = scheduling();
      patchRun({ saving: true, error: undefined });
      const written = repos.attempts
        .recordDecision(run.attemptId, decision, decisionAnswer(decision, scheduler, newId()), rollups)
        .then(({ decision: stored }) => {
          const current = getState().run;
          if (current?.attemptId === run.attemptId && current.state.phase.name === 'feedback') {
            patchRun({ saving: false, stored: true, state: withDecision(current.state, stored) });
          }
          return true;
        })
        .catch((error: unknown) => {
          patchRun({ saving: false, error: writeFailureMessage('This decision', error, (detail) => `This decision could not be saved: ${detail}. Press Enter to try again.`) });
          return false;
        });
      saving = written;
      return written;
    }

    function applyDecision(next: RunState, said: (run: ActiveRun) => string): void {
      const run = getState().run;
      if (!run || next === run.state) return;
      const updated = { ...run, state: next, stored: false };
      setState({ run: updated });
      if (next.phase.name === 'feedback') {
        announce(said(updated));
        void storeDecision(updated);
      }
    }

    async function beginRun(entryTitle: string, record: PackRecord, pack: ActiveRun['pack'], scenario: Scenario, confidence: number | null): Promise<void> {
      const at = now();
      const attempt: SimulationAttempt = {
        id: newId(),
        packId: record.id,
        packVersion: record.importedAt,
        kind: scenario.kind,
        seed: scenario.seed,
        level: scenario.level,
        section: scenario.sectionId ?? 'all',
        startedAt: at,
        status: 'running',
        timeLimitMs: scenario.timeLimitMs,
        hiddenPath: scenario.hiddenPath,
        path: [],
        decisions: [],
        hintsUsed: 0,
      };
      if (confidence !== null) attempt.confidence = confidence;
      await repos.attempts.add(attempt);
      const state = startRun(scenario, pack, at, scheduling().settings.gradingMode);
      setState({ status: 'running', run: { attemptId: attempt.id, pack, packVersion: record.importedAt, title: entryTitle, scenario, state, saving: false, stored: false }, debrief: null, error: undefined });
      announce(`${entryTitle}: scenario started at level ${scenario.level}, ${levelName(scenario.level)}.`);
    }

    async function finishRun(run: ActiveRun): Promise<void> {
      const result = runResult(run.state);
      const outcomeItem = run.scenario.outcome ? run.pack.items.find((item) => item.id === run.scenario.outcome) : undefined;
      const attempt = await repos.attempts.finish(run.attemptId, {
        finishedAt: run.state.finishedAt ?? now(),
        correct: result.correct,
        withinTime: result.withinTime,
        score: result.score,
        ...(run.scenario.outcome ? { outcome: run.scenario.outcome } : {}),
        ...(outcomeItem?.outcome ? { outcomeKind: outcomeItem.outcome } : {}),
      });
      setState({
        status: 'debrief',
        run: null,
        debrief: { attempt, title: run.title, pack: run.pack, packVersion: run.packVersion, scenario: run.scenario, result, packChanged: false },
      });
      announce(`Scenario finished: score ${result.score} of 100${result.withinTime ? '' : ', over time'}. Debrief.`);
    }

    return {
      status: 'idle',
      entries: [],
      listedAt: 0,
      incident: undefined,
      briefing: null,
      run: null,
      debrief: null,
      announcement: { id: 0, text: '' },

      async load() {
        const { status } = getState();
        if (status === 'running' || status === 'briefing' || status === 'debrief') return;
        listToken += 1;
        const token = listToken;
        setState({ status: getState().entries.length > 0 ? 'list' : 'loading', error: undefined });
        try {
          const at = now();
          // No run is on screen: any attempt still running was left by a closed or crashed app.
          const abandoned = await repos.attempts.abandonRunning(at);
          const entries = await loadScenarioEntries(repos);
          if (token !== listToken) return;
          setState({ status: 'list', entries, listedAt: at, ...(abandoned.length > 0 ? { notice: interruptedNotice(abandoned, entries) } : {}) });
          const settings = normalizeSchedulerSettings(options.settings());
          const day = studyDay(at, settings.dayStartHour, tzOffset(at)).index;
          void loadOutcomeTexts(repos, entries).then((texts) => {
            if (token !== listToken) return;
            setState({ entries: getState().entries.map((entry) => (texts.has(entry.packId) ? { ...entry, outcomeTexts: texts.get(entry.packId) } : entry)) });
          }, () => undefined);
          void ladderLevels(repos, { now: at, scheduler: scheduling().scheduler, dayStartHour: settings.dayStartHour, timezoneOffsetMinutes: tzOffset }).then((levels) => {
            if (token !== listToken) return;
            setState({
              entries: getState().entries.map((entry) => {
                const ladder = levels.get(entry.packId);
                return ladder ? { ...entry, ladder, suggestedLevel: scaffoldForLadder(ladder.level) } : entry;
              }),
            });
          }, () => undefined);
          void loadIncidentOfDay(repos, entries, day, at).then(
            (incident) => token === listToken && setState({ incident }),
            () => token === listToken && setState({ incident: null }),
          );
        } catch (error) {
          if (token === listToken) setState({ status: 'error', error: `Your scenarios could not be read: ${describe(error)}` });
        }
      },

      async brief(packId, seed) {
        let entry = getState().entries.find((e) => e.packId === packId);
        if (!entry) {
          const entries = await loadScenarioEntries(repos);
          setState({ entries });
          entry = entries.find((e) => e.packId === packId);
        }
        if (!entry) {
          setState({ status: 'error', error: 'This pack cannot be walked (it is not a tree or a checklist, or it is no longer in your library).' });
          return;
        }
        const record = await repos.packs.get(packId);
        const sections = entry.kind === 'checklist' ? (record?.sections ?? []).map((s) => ({ id: s.id, title: s.title })) : [];
        const briefing: Briefing = { entry, level: entry.suggestedLevel, confidence: null, section: 'drawn', sections };
        if (seed !== undefined) briefing.seed = seed;
        setState({ status: 'briefing', briefing, debrief: null, error: undefined, notice: undefined });
      },

      setLevel(level) {
        const briefing = getState().briefing;
        if (briefing) setState({ briefing: { ...briefing, level } });
      },
      setConfidence(confidence) {
        const briefing = getState().briefing;
        if (briefing) setState({ briefing: { ...briefing, confidence: confidence === null ? null : Math.max(0, Math.min(1, confidence)) } });
      },
      setSection(section) {
        const briefing = getState().briefing;
        if (briefing) setState({ briefing: { ...briefing, section } });
      },

      async start() {
        const { briefing, status } = getState();
        if (!briefing || status !== 'briefing') return;
        try {
          const { record, pack } = await readPack(briefing.entry.packId);
          const at = now();
          const { scheduler } = scheduling();
          const memory = memoryViewOf(await repos.cards.byPack(record.id), briefing.entry.stats ?? emptyStats(record.id), scheduler, at);
          const scenario = drawScenario({
            packId: record.id,
            pack,
            seed: briefing.seed ?? newSeed(),
            level: briefing.level,
            memory,
            ...(briefing.section === 'drawn' ? {} : { section: briefing.section }),
          });
          await beginRun(briefing.entry.title, record, pack, scenario, briefing.confidence);
        } catch (error) {
          setState({ error: writeFailureMessage('The new scenario', error, (detail) => `The scenario could not start: ${detail}`) });
        }
      },

      async choose(optionId) {
        const run = getState().run;
        if (!run || run.saving) return;
        applyDecision(chooseOption(run.state, optionId, now()), (r) => feedbackText(r));
      },
      async recall(text) {
        const run = getState().run;
        if (!run || run.saving) return;
        const next = submitRecall(run.state, text, now());
        if (next.phase.name === 'confirming') {
          setState({ run: { ...run, state: next } });
          announce('Here is the answer. Was yours the same? Y yes, N no.');
          return;
        }
        applyDecision(next, (r) => feedbackText(r));
      },
      async confirm(correct) {
        const run = getState().run;
        if (!run || run.saving) return;
        applyDecision(confirmRecall(run.state, correct), (r) => feedbackText(r));
      },
      hint(kind) {
        const run = getState().run;
        if (!run) return;
        const next = openHint(run.state, kind);
        if (next === run.state) return;
        setState({ run: { ...run, state: next } });
        announce(kind === 'options' ? 'Options shown.' : kind === 'chart' ? 'The chart is shown.' : 'The reason is shown.');
      },

      async next() {
        let run = getState().run;
        if (!run || run.state.phase.name !== 'feedback') return;
        if (saving) await saving;
        run = getState().run;
        if (!run || run.state.phase.name !== 'feedback') return;
        if (!run.stored && !(await storeDecision(run))) return;
        run = getState().run as ActiveRun;
        const state = continueRun(run.state, now());
        if (state.phase.name === 'finished') {
          try {
            await finishRun({ ...run, state });
          } catch (error) {
            patchRun({ error: writeFailureMessage('The end of this scenario (its score)', error, (detail) => `The scenario could not be finished: ${detail}`) });
          }
          return;
        }
        setState({ run: { ...run, state } });
      },

      async abandon() {
        const run = getState().run;
        if (!run) return;
        try {
          await repos.attempts.abandon(run.attemptId, now());
        } catch (error) {
          // The run stays on screen (and would be marked abandoned at the next start anyway).
          const text = writeFailureMessage('Abandoning this scenario', error, (detail) => `The scenario could not be abandoned: ${detail}`);
          patchRun({ error: text });
          announce(text);
          return;
        }
        setState({ run: null, status: 'idle' });
        announce('Scenario abandoned. The decisions you made are kept.');
        await getState().load();
      },

      async saveReaction(text) {
        const debrief = getState().debrief;
        if (!debrief) return;
        try {
          await repos.attempts.saveDebrief(debrief.attempt.id, { reaction: text.trim() });
        } catch (error) {
          setState({ debrief: { ...debrief, saveError: writeFailureMessage('Your reaction', error, (detail) => `Your reaction could not be saved: ${detail}`) } });
          return;
        }
        setState({ debrief: { ...debrief, saveError: undefined, attempt: { ...debrief.attempt, reaction: text.trim() } } });
      },
      async saveReflection(text) {
        const debrief = getState().debrief;
        if (!debrief) return;
        try {
          await repos.attempts.saveDebrief(debrief.attempt.id, { reflection: text.trim() });
        } catch (error) {
          setState({ debrief: { ...debrief, saveError: writeFailureMessage('Your take-away', error, (detail) => `Your take-away could not be saved: ${detail}`) } });
          return;
        }
        setState({ debrief: { ...debrief, saveError: undefined, attempt: { ...debrief.attempt, reflection: text.trim() } } });
        announce('Take-away saved with this attempt.');
      },

      async openDebrief(attemptId) {
        const current = getState().debrief;
        if (current?.attempt.id === attemptId) return;
        try {
          const attempt = await repos.attempts.get(attemptId);
          if (!attempt || attempt.status !== 'finished') throw new Error('This attempt is not a finished scenario.');
          const { record, pack } = await readPack(attempt.packId);
          const scenario = rebuildScenario({ packId: record.id, pack, seed: attempt.seed, level: attempt.level, section: attempt.section ?? 'all' }, attempt.hiddenPath);
          const result = {
            score: attempt.score ?? 0,
            correct: attempt.correct ?? false,
            hintsUsed: attempt.hintsUsed,
            withinTime: attempt.withinTime ?? false,
            elapsedMs: (attempt.finishedAt ?? attempt.startedAt) - attempt.startedAt,
          };
          setState({ status: 'debrief', run: null, debrief: { attempt, title: record.title, pack, packVersion: record.importedAt, scenario, result, packChanged: record.importedAt !== attempt.packVersion } });
        } catch (error) {
          setState({ status: 'error', error: `This debrief could not be opened: ${describe(error)}` });
        }
      },

      async retry() {
        const debrief = getState().debrief;
        if (!debrief) return;
        try {
          const { attempt } = debrief;
          const { record, pack } = await readPack(attempt.packId);
          const scenario = rebuildScenario({ packId: record.id, pack, seed: attempt.seed, level: attempt.level, section: attempt.section ?? 'all' }, attempt.hiddenPath);
          await beginRun(record.title, record, pack, scenario, null);
        } catch (error) {
          setState({ error: writeFailureMessage('The new scenario', error, (detail) => `The scenario could not start again: ${detail}`) });
        }
      },
      async newScenario() {
        const debrief = getState().debrief;
        if (!debrief) return;
        await getState().backToList();
        await getState().brief(debrief.attempt.packId);
      },
      async backToList() {
        setState({ status: 'idle', briefing: null, debrief: null, run: null });
        await getState().load();
      },
    };
  });
}
