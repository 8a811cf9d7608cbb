/**
 * The practice session (practice.md, "Drills"): loads the collection, builds the
 * queue (the daily plan within its limits, or a custom session), judges and grades
 * each answer, and writes it as ONE event + card update (EventRepository.answerStored)
 * BEFORE the next card appears — a crash loses at most the card on screen. Undo
 * walks a stack back through answers, buries and suspensions, restoring the stored
 * state exactly (EventRepository.undoAnswer; never ts-fsrs rollback).
 */
import type { FSRS } from 'ts-fsrs';
import type { PracticeState, PracticeStore, PracticeStoreOptions, UndoEntry } from './practice-store-types';
import { createStore } from 'zustand/vanilla';
import type { CardRecord, Rating, ReviewEvent } from '../../shared/model';
import { studyDayEnd, studyDayIndex, studyDayStart } from '../../shared/schedule/day';
import { nextLearningDue } from '../../shared/schedule/queue';
import { answerCard } from '../../shared/schedule/review';
import type { SchedulerSettings } from '../../shared/schedule/scheduler-settings';
import { fsrsParametersOf, sameParameters } from '../../shared/schedule/scheduler-history';
import { makeScheduler, normalizeSchedulerSettings } from '../../shared/schedule/scheduler-settings';
import type { Collection, LoadDay, PracticeCard, PracticeRepositories } from './practice-collection';
import { SpecCache, ensurePackItems, loadCollection, practiceCard } from './practice-collection';
import { gradeAnswer, gradesFor, judgeAnswer, previewIntervals, usualTimeForKind } from './practice-grading';
import type { QueueContext } from './practice-queue';
import { dailyQueue, learningDueNow, nextDueOf, overviewOf, sessionQueue, streakAt } from './practice-queue';
import type { Session } from './practice-session';
import { sameRequest } from './practice-session';
import { sessionResults } from './practice-stats';

export type { PracticeState, PracticeStore, PracticeStoreOptions } from './practice-store-types';

const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createPracticeStore(repos: PracticeRepositories, options: PracticeStoreOptions): PracticeStore {
  const now = options.now ?? Date.now;
  const tzOffset = options.timezoneOffsetMinutes ?? ((at: number) => new Date(at).getTimezoneOffset());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const specs = new SpecCache();
  let collection: Collection | null = null;
  let settings: SchedulerSettings = normalizeSchedulerSettings();
  let scheduler: FSRS = makeScheduler(settings);
  let undoStack: UndoEntry[] = [];
  let loadToken = 0;
  let announceId = 0;
  /** An answer, bury, suspension or undo is being written: keys and buttons wait (see beginWrite). */
  let writing = false;
  let busyTimer: ReturnType<typeof setTimeout> | undefined;

  function readSettings(): void {
    settings = normalizeSchedulerSettings(options.settings());
    scheduler = makeScheduler(settings);
  }
  /**
   * Before each answer: FSRS parameters changed since the session began (in Settings) apply
   * from now on, as the settings' scheduler history records them; the day's limits stay as
   * the session was planned with.
   */
  function followParameterChanges(): void {
    const latest = fsrsParametersOf(options.settings());
    if (sameParameters(latest, fsrsParametersOf(settings))) return;
    settings = { ...settings, ...latest };
    scheduler = makeScheduler(settings);
  }
  const context = (): QueueContext => ({ settings, scheduler, tzOffset });
  /** The study day containing `at`, under the settings in force. */
  const dayOf = (at: number): LoadDay => {
    const tz = tzOffset(at);
    return {
      index: studyDayIndex(at, settings.dayStartHour, tz),
      start: studyDayStart(at, settings.dayStartHour, tz),
      end: studyDayEnd(at, settings.dayStartHour, tz),
    };
  };
  /** How long a write may take before the screen shows it is busy. */
  const BUSY_SHOWN_AFTER_MS = 150;
  /** How many cards ahead have their pack's items read while the person answers. */
  const PREFETCH_AHEAD = 3;

  return createStore<PracticeState>()((setState, getState) => {
    const announcement = (text: string): Pick<PracticeState, 'announcement'> => {
      announceId += 1;
      return { announcement: { id: announceId, text } };
    };
    const announce = (text: string): void => setState(announcement(text));

    /** Fills in the streak on the start panel and the summary once `c` has counted it. */
    const showStreakWhenCounted = (c: Collection): void => {
      void c.countStreak().then(() => {
        if (collection !== c || c.streakBefore === null) return;
        const { overview, summary } = getState();
        if (overview && overview.streak === null) setState({ overview: { ...overview, streak: streakAt(c, context(), overview.at) } });
        if (summary && summary.streak === null) setState({ summary: { ...summary, streak: streakAt(c, context(), summary.at) } });
      });
    };

    /** Changes the session on screen, with `said` for a screen reader in the same state change (one render). */
    const patchSession = (change: Partial<Session>, said?: string): void => {
      const session = getState().session;
      if (!session) return;
      setState({ session: { ...session, ...change, undoDepth: undoStack.length }, ...(said === undefined ? {} : announcement(said)) });
    };

    /**
     * A write starts. The screen is told (`session.busy`) only if it takes longer than
     * BUSY_SHOWN_AFTER_MS: a write usually takes a few milliseconds, and rendering a busy
     * state and back for it would cost the next card a frame.
     */
    const beginWrite = (): void => {
      writing = true;
      if (getState().session?.error !== undefined) patchSession({ error: undefined });
      busyTimer = setTimeout(() => {
        if (writing) patchSession({ busy: true });
      }, BUSY_SHOWN_AFTER_MS);
    };
    const endWrite = (): void => {
      writing = false;
      clearTimeout(busyTimer);
    };

    /** The card ready to show for `record`, its pack's items read first if they are not yet. */
    async function readyCard(c: Collection, record: CardRecord): Promise<PracticeCard | undefined> {
      await ensurePackItems(repos, c, record.packId);
      return practiceCard(c, specs, record);
    }

    /** Reads, in the background, the items of the packs of the next few cards, so showing them waits for nothing. */
    function prefetch(c: Collection, upcoming: readonly string[]): void {
      for (const id of upcoming.slice(0, PREFETCH_AHEAD)) {
        const packId = c.cards.get(id)?.packId;
        // A failure here is met again, and reported, when the card is about to be shown.
        if (packId !== undefined) ensurePackItems(repos, c, packId).catch(() => undefined);
      }
    }

    /** The next card to show, and the ones after it. */
    async function pickNext(c: Collection, session: Session, at: number, upcoming: string[], lastId?: string) {
      const waiting = new Set(upcoming);
      let ids = [...learningDueNow(c, context(), session.request, at, waiting), ...upcoming];
      // The card just answered never comes straight back while another is waiting.
      if (lastId !== undefined && ids[0] === lastId && ids.length > 1) ids = [ids[1] as string, lastId, ...ids.slice(2)];
      for (let i = 0; i < ids.length; i += 1) {
        const record = c.cards.get(ids[i] as string);
        if (!record || record.suspended === 1) continue;
        const card = await readyCard(c, record);
        if (card) {
          const rest = ids.slice(i + 1);
          prefetch(c, rest);
          return { current: card, upcoming: rest };
        }
      }
      return { current: null, upcoming: [] };
    }

    function finish(c: Collection, session: Session, complete = true): void {
      const at = now();
      setState({
        status: 'summary',
        session: { ...session, current: null, upcoming: [], busy: false, undoDepth: undoStack.length },
        summary: {
          at,
          complete,
          results: sessionResults(session.events),
          elapsedMs: at - session.startedAt,
          streak: streakAt(c, context(), at),
          nextDue: nextDueOf(c, context(), at),
          dueNow: dailyQueue(c, context(), at).length,
          nextLearning: nextLearningDue([...c.cards.values()], at),
        },
      });
      announce(`Session finished: ${session.events.length} ${session.events.length === 1 ? 'card' : 'cards'} answered.`);
    }

    /** Shows `next` (or the summary when there is none) after an answer, bury or undo, with `said` for a screen reader. */
    function show(c: Collection, session: Session, next: { current: PracticeCard | null; upcoming: string[] }, said?: string): void {
      if (!next.current) {
        finish(c, session);
        return;
      }
      // One state change for the card and what is announced: one render.
      setState({
        ...(said === undefined ? {} : announcement(said)),
        status: 'session',
        summary: null,
        session: {
          ...session,
          current: next.current,
          upcoming: next.upcoming,
          turn: session.turn + 1,
          phase: { name: 'question', shownAt: now(), hintsUsed: 0 },
          busy: false,
          error: undefined,
          undoDepth: undoStack.length,
        },
      });
    }

    async function commit(rating: Rating, grader: ReviewEvent['grader'], correct?: boolean): Promise<void> {
      const session = getState().session;
      const c = collection;
      if (!session || !c || !session.current || writing || getState().status !== 'session') return;
      const { phase } = session;
      if (phase.name !== 'revealed' && phase.name !== 'feedback') return;
      if (!gradesFor(session.gradingMode).includes(rating)) return;
      const card = session.current;
      beginWrite();
      try {
        followParameterChanges();
        // Answered from the stored record, read in the same transaction as the write (not the one in
        // memory): the event's `before` must be exactly what undo puts back.
        const answer = await repos.events.answerStored(card.record.id, (stored) =>
          answerCard(scheduler, stored, rating, phase.answeredAt, {
            id: newId(),
            durationMs: phase.durationMs,
            hintsUsed: phase.name === 'feedback' ? phase.hintsUsed : 0,
            grader,
            correct,
          }),
        );
        if (!answer) {
          // Its pack was deleted meanwhile: nothing to record; the session goes on without it.
          c.cards.delete(card.record.id);
          show(c, session, await pickNext(c, session, now(), session.upcoming), 'That card is no longer in your library (its pack was deleted), so it was skipped.');
          return;
        }
        // Committed: from here on the answer is in the database, and only now does the session move on.
        if (collection !== c || getState().session?.startedAt !== session.startedAt) return;
        c.cards.set(answer.card.id, answer.card);
        // Kept oldest first (eventsSince and the usual times read the history from its end),
        // even should the clock have stepped back since the last answer.
        let at = c.events.length;
        while (at > 0 && (c.events[at - 1] as ReviewEvent).at > answer.event.at) at -= 1;
        c.events.splice(at, 0, answer.event);
        undoStack.push({ kind: 'answer', eventId: answer.event.id, cardId: answer.card.id });
        const updated: Session = { ...session, events: [...session.events, answer.event] };
        let next: Awaited<ReturnType<typeof pickNext>>;
        try {
          next = await pickNext(c, updated, now(), session.upcoming, card.record.id);
        } catch (error) {
          // The answer is stored: the card must not stay on screen to be answered twice.
          finish(c, updated, false);
          announce(`Your answer was saved, but the next card could not be read: ${describe(error)}`);
          return;
        }
        show(c, updated, next, `Saved as ${RATING_NAMES[rating]}.`);
      } catch (error) {
        patchSession({ busy: false, error: `Your answer could not be saved: ${describe(error)}. Try again, or bury the card.` });
      } finally {
        endWrite();
      }
    }

    async function setAside(kind: 'bury' | 'suspend'): Promise<void> {
      const session = getState().session;
      const c = collection;
      if (!session || !c || !session.current || writing || getState().status !== 'session') return;
      const id = session.current.record.id;
      const record = c.cards.get(id) ?? session.current.record;
      beginWrite();
      try {
        const at = now();
        if (kind === 'bury') {
          const until = studyDayEnd(at, settings.dayStartHour, tzOffset(at));
          await repos.cards.bury(id, until);
          c.cards.set(id, { ...record, buriedUntil: until });
          undoStack.push({ kind: 'bury', cardId: id, previousBuriedUntil: record.buriedUntil });
        } else {
          await repos.cards.suspend(id);
          c.cards.set(id, { ...record, suspended: 1 });
          undoStack.push({ kind: 'suspend', cardId: id });
        }
        const updated: Session = { ...session, setAside: session.setAside + 1 };
        const said = kind === 'bury' ? 'Card buried until the next study day.' : 'Card suspended: it will not be shown again until you unsuspend it.';
        show(c, updated, await pickNext(c, updated, now(), session.upcoming.filter((upcomingId) => upcomingId !== id)), said);
      } catch (error) {
        patchSession({ busy: false, error: `Could not ${kind} the card: ${describe(error)}` });
      } finally {
        endWrite();
      }
    }

    return {
      status: 'idle',
      request: { mode: 'daily' },
      overview: null,
      session: null,
      summary: null,
      announcement: { id: 0, text: '' },

      async load(request) {
        const state = getState();
        if (state.status === 'session' && state.session && sameRequest(state.session.request, request)) return;
        loadToken += 1;
        const token = loadToken;
        setState({ status: 'loading', request, error: undefined, session: null, summary: null });
        try {
          readSettings();
          const at = now();
          const loaded = await loadCollection(repos, request, dayOf(at));
          if (token !== loadToken) return;
          collection = loaded;
          setState({ status: 'start', overview: overviewOf(loaded, context(), request, at) });
          showStreakWhenCounted(loaded);
        } catch (error) {
          if (token !== loadToken) return;
          setState({ status: 'error', error: `Your cards could not be read: ${describe(error)}` });
        }
      },

      async start() {
        const { status, request } = getState();
        if (status !== 'start') return;
        loadToken += 1;
        const token = loadToken;
        try {
          readSettings();
          const at = now();
          // Read again: the start panel may have been open while packs were imported or answered elsewhere.
          const c = await loadCollection(repos, request, dayOf(at));
          if (token !== loadToken) return;
          collection = c;
          undoStack = [];
          const ids = sessionQueue(c, context(), request, at).map((card) => card.id);
          const session: Session = {
            request,
            startedAt: at,
            current: null,
            turn: 0,
            phase: { name: 'question', shownAt: at, hintsUsed: 0 },
            upcoming: ids,
            events: [],
            setAside: 0,
            busy: false,
            gradingMode: settings.gradingMode,
            undoDepth: 0,
          };
          setState({ overview: overviewOf(c, context(), request, at) });
          showStreakWhenCounted(c);
          const first = await pickNext(c, session, at, ids);
          if (token !== loadToken) return;
          show(c, session, first);
        } catch (error) {
          if (token === loadToken) setState({ status: 'error', error: `The session could not start: ${describe(error)}` });
        }
      },

      reveal() {
        const session = getState().session;
        if (!session?.current || writing || session.current.drill !== 'reveal') return;
        const { phase } = session;
        if (phase.name !== 'question') return;
        followParameterChanges();
        const at = now();
        patchSession({
          phase: {
            name: 'revealed',
            shownAt: phase.shownAt,
            answeredAt: at,
            durationMs: at - phase.shownAt,
            intervals: previewIntervals(scheduler, session.current.record, at),
          },
        }, 'Answer shown. Grade your recall: 1 Again, 2 Hard, 3 Good, 4 Easy.');
      },

      submit(given) {
        const session = getState().session;
        const c = collection;
        if (!c || !session?.current || writing || session.current.drill === 'reveal') return;
        const { phase } = session;
        if (phase.name !== 'question') return;
        const card = session.current;
        followParameterChanges();
        const at = now();
        const durationMs = at - phase.shownAt;
        const judgement = judgeAnswer(card, given, durationMs);
        const grade = gradeAnswer(judgement, {
          hintsUsed: phase.hintsUsed,
          durationMs,
          usualMs: usualTimeForKind(c.events, c.kindOfCard, card.spec.kind),
          mode: session.gradingMode,
        });
        patchSession({
          phase: {
            name: 'feedback',
            shownAt: phase.shownAt,
            answeredAt: at,
            durationMs,
            hintsUsed: phase.hintsUsed,
            given,
            judgement,
            grade,
            intervals: previewIntervals(scheduler, card.record, at),
          },
        }, `${judgement.correct ? 'Correct' : 'Not right'}. ${grade.reason}. Enter keeps this grade; 1 to 4 change it.`);
      },

      async grade(rating) {
        const phase = getState().session?.phase;
        if (phase?.name === 'revealed') await commit(rating, 'self');
        else if (phase?.name === 'feedback') {
          await commit(rating, rating === phase.grade.rating ? 'auto' : 'self', phase.judgement.correct);
        }
      },

      async accept() {
        const phase = getState().session?.phase;
        if (phase?.name === 'feedback') await commit(phase.grade.rating, 'auto', phase.judgement.correct);
      },

      hint() {
        const session = getState().session;
        if (!session?.current || writing || session.current.drill !== 'cloze') return;
        const { phase } = session;
        if (phase.name !== 'question') return;
        patchSession({ phase: { ...phase, hintsUsed: phase.hintsUsed + 1 } });
      },

      async undo() {
        const state = getState();
        const session = state.session;
        const c = collection;
        if (!session || !c || writing || (state.status !== 'session' && state.status !== 'summary')) return;
        if (state.status === 'session' && session.phase.name === 'feedback') {
          // The answer on screen is not stored yet: taking it back only asks the card again.
          patchSession({ turn: session.turn + 1, phase: { name: 'question', shownAt: now(), hintsUsed: 0 } }, 'Answer taken back. Answer the card again.');
          return;
        }
        const entry = undoStack.at(-1);
        if (!entry) {
          announce('Nothing to undo.');
          return;
        }
        beginWrite();
        try {
          let restored: CardRecord | undefined;
          let events = session.events;
          if (entry.kind === 'answer') {
            restored = await repos.events.undoAnswer(entry.eventId);
            // The undone answer is (nearly always) the last event: found from the end, not by copying the history.
            for (let i = c.events.length - 1; i >= 0; i -= 1) {
              if (c.events[i]?.id === entry.eventId) {
                c.events.splice(i, 1);
                break;
              }
            }
            events = events.filter((event) => event.id !== entry.eventId);
          } else {
            if (entry.kind === 'bury') await repos.cards.bury(entry.cardId, entry.previousBuriedUntil);
            else await repos.cards.unsuspend(entry.cardId);
            restored = await repos.cards.get(entry.cardId);
          }
          undoStack.pop();
          if (restored) c.cards.set(restored.id, restored);
          const updated: Session = { ...session, events, setAside: session.setAside - (entry.kind === 'answer' ? 0 : 1) };
          const back = restored ? await readyCard(c, restored) : undefined;
          const waiting = [...(session.current ? [session.current.record.id] : []), ...session.upcoming];
          const rest = await pickNext(c, updated, now(), waiting.filter((id) => id !== entry.cardId));
          const remaining = rest.current ? [rest.current.record.id, ...rest.upcoming] : [];
          const what = entry.kind === 'answer' ? 'the last answer' : entry.kind === 'bury' ? 'the bury' : 'the suspension';
          show(c, updated, back ? { current: back, upcoming: remaining.filter((id) => id !== entry.cardId) } : rest, `Undid ${what}. The card is back on screen.`);
        } catch (error) {
          patchSession({ busy: false, error: `Could not undo: ${describe(error)}` });
        } finally {
          endWrite();
        }
      },

      bury: () => setAside('bury'),
      suspend: () => setAside('suspend'),

      end() {
        const session = getState().session;
        if (!session || !collection || writing || getState().status !== 'session') return;
        finish(collection, session, session.current === null && session.upcoming.length === 0);
      },
    };
  });
}
