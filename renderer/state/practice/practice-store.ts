/**
 * The practice session (practice.md, "Drills"): loads the collection, builds the
 * queue (the daily plan within its limits, or a custom session), judges and grades
 * each answer, and writes it as ONE event + card update (EventRepository.answerStored)
 * BEFORE the next card appears — a crash loses at most the card on screen. Undo
 * walks a stack back through answers, buries and suspensions, restoring the stored
 * state exactly (EventRepository.undoAnswer; never ts-fsrs rollback).
 */
import type { PracticeState, PracticeStore, PracticeStoreOptions, UndoEntry } from './practice-store-types';
import { createStore } from 'zustand/vanilla';
import type { CardRecord, Rating, ReviewEvent } from '../../../shared/model';
import { answerCard } from '../../../shared/schedule/review';
import type { Collection, PracticeRepositories } from './practice-collection';
import { SpecCache, loadCollection } from './practice-collection';
import { gradeAnswer, gradesFor, previewIntervals, usualTimeForKind } from '../../../shared/schedule/grade-answer';
import { judgeAnswer } from '../../../shared/drills/judge-answer';
import { overviewOf, sessionQueue, streakAt, summaryOf } from './practice-queue';
import type { NextCard } from './practice-next-card';
import { createCardPicker } from './practice-next-card';
import { createPracticeScheduling } from './practice-scheduling';
import { createWriteGuard } from '../write-guard';
import { describeError, writeFailureMessage } from '../write-failure';
import type { Session } from './practice-session';
import { sameRequest } from './practice-request';

export type { PracticeState, PracticeStore, PracticeStoreOptions } from './practice-store-types';

const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

const describe = describeError;

export function createPracticeStore(repos: PracticeRepositories, options: PracticeStoreOptions): PracticeStore {
  const now = options.now ?? Date.now;
  const tzOffset = options.timezoneOffsetMinutes ?? ((at: number) => new Date(at).getTimezoneOffset());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const specs = new SpecCache();
  let collection: Collection | null = null;
  let undoStack: UndoEntry[] = [];
  let loadToken = 0;
  let announceId = 0;

  const scheduling = createPracticeScheduling(options, tzOffset);
  const { context } = scheduling;
  const picker = createCardPicker(repos, specs, context);

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

    // An answer, bury, suspension or undo being written: keys and buttons wait, and the screen says so only when it is slow.
    const write = createWriteGuard(() => patchSession({ busy: true }));
    const beginWrite = (): void => {
      write.begin();
      // An error left from a failed attempt goes as the next attempt starts.
      if (getState().session?.error !== undefined) patchSession({ error: undefined });
    };

    function finish(c: Collection, session: Session, complete = true): void {
      const at = now();
      setState({
        status: 'summary',
        session: { ...session, current: null, upcoming: [], busy: false, undoDepth: undoStack.length },
        summary: summaryOf(c, context(), session, at, complete),
      });
      announce(`Session finished: ${session.events.length} ${session.events.length === 1 ? 'card' : 'cards'} answered.`);
    }

    /** Shows `next` (or the summary when there is none) after an answer, bury or undo, with `said` for a screen reader. */
    function show(c: Collection, session: Session, next: NextCard, said?: string): void {
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
      if (!session || !c || !session.current || write.active || getState().status !== 'session') return;
      const { phase } = session;
      if (phase.name !== 'revealed' && phase.name !== 'feedback') return;
      if (!gradesFor(session.gradingMode).includes(rating)) return;
      const card = session.current;
      beginWrite();
      try {
        scheduling.followParameterChanges();
        // Answered from the stored record, read in the same transaction as the write (not the one in
        // memory): the event's `before` must be exactly what undo puts back.
        const answer = await repos.events.answerStored(card.record.id, (stored) =>
          answerCard(scheduling.scheduler, stored, rating, phase.answeredAt, {
            id: newId(),
            durationMs: phase.durationMs,
            hintsUsed: phase.name === 'feedback' ? phase.hintsUsed : 0,
            grader,
            correct,
          }),
          scheduling.rollupContext(),
        );
        if (!answer) {
          // Its pack was deleted meanwhile: nothing to record; the session goes on without it.
          c.cards.delete(card.record.id);
          show(c, session, await picker.next(c, session, now(), session.upcoming), 'That card is no longer in your library (its pack was deleted), so it was skipped.');
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
        let next: NextCard;
        try {
          next = await picker.next(c, updated, now(), session.upcoming, card.record.id);
        } catch (error) {
          // The answer is stored: the card must not stay on screen to be answered twice.
          finish(c, updated, false);
          announce(`Your answer was saved, but the next card could not be read: ${describe(error)}`);
          return;
        }
        show(c, updated, next, `Saved as ${RATING_NAMES[rating]}.`);
      } catch (error) {
        patchSession({ busy: false, error: writeFailureMessage('Your answer to this card', error, (detail) => `Your answer could not be saved: ${detail}. Try again, or bury the card.`) });
      } finally {
        write.end();
      }
    }

    async function setAside(kind: 'bury' | 'suspend'): Promise<void> {
      const session = getState().session;
      const c = collection;
      if (!session || !c || !session.current || write.active || getState().status !== 'session') return;
      const id = session.current.record.id;
      const record = c.cards.get(id) ?? session.current.record;
      beginWrite();
      try {
        const at = now();
        if (kind === 'bury') {
          const until = scheduling.dayOf(at).end;
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
        show(c, updated, await picker.next(c, updated, now(), session.upcoming.filter((upcomingId) => upcomingId !== id)), said);
      } catch (error) {
        patchSession({ busy: false, error: writeFailureMessage(kind === 'bury' ? 'Burying this card' : 'Suspending this card', error, (detail) => `Could not ${kind} the card: ${detail}`) });
      } finally {
        write.end();
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
          scheduling.read();
          const at = now();
          const loaded = await loadCollection(repos, request, scheduling.dayOf(at));
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
          scheduling.read();
          const at = now();
          // Read again: the start panel may have been open while packs were imported or answered elsewhere.
          const c = await loadCollection(repos, request, scheduling.dayOf(at));
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
            gradingMode: scheduling.settings.gradingMode,
            undoDepth: 0,
          };
          setState({ overview: overviewOf(c, context(), request, at) });
          showStreakWhenCounted(c);
          const first = await picker.next(c, session, at, ids);
          if (token !== loadToken) return;
          show(c, session, first);
        } catch (error) {
          if (token === loadToken) setState({ status: 'error', error: `The session could not start: ${describe(error)}` });
        }
      },

      reveal() {
        const session = getState().session;
        if (!session?.current || write.active || session.current.drill !== 'reveal') return;
        const { phase } = session;
        if (phase.name !== 'question') return;
        scheduling.followParameterChanges();
        const at = now();
        patchSession({
          phase: {
            name: 'revealed',
            shownAt: phase.shownAt,
            answeredAt: at,
            durationMs: at - phase.shownAt,
            intervals: previewIntervals(scheduling.scheduler, session.current.record, at),
          },
        }, 'Answer shown. Grade your recall: 1 Again, 2 Hard, 3 Good, 4 Easy.');
      },

      submit(given) {
        const session = getState().session;
        const c = collection;
        if (!c || !session?.current || write.active || session.current.drill === 'reveal') return;
        const { phase } = session;
        if (phase.name !== 'question') return;
        const card = session.current;
        scheduling.followParameterChanges();
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
            intervals: previewIntervals(scheduling.scheduler, card.record, at),
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
        if (!session?.current || write.active || session.current.drill !== 'cloze') return;
        const { phase } = session;
        if (phase.name !== 'question') return;
        patchSession({ phase: { ...phase, hintsUsed: phase.hintsUsed + 1 } });
      },

      async undo() {
        const state = getState();
        const session = state.session;
        const c = collection;
        if (!session || !c || write.active || (state.status !== 'session' && state.status !== 'summary')) return;
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
            restored = await repos.events.undoAnswer(entry.eventId, scheduling.rollupContext());
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
          const back = restored ? await picker.ready(c, restored) : undefined;
          const waiting = [...(session.current ? [session.current.record.id] : []), ...session.upcoming];
          const rest = await picker.next(c, updated, now(), waiting.filter((id) => id !== entry.cardId));
          const remaining = rest.current ? [rest.current.record.id, ...rest.upcoming] : [];
          const what = entry.kind === 'answer' ? 'the last answer' : entry.kind === 'bury' ? 'the bury' : 'the suspension';
          show(c, updated, back ? { current: back, upcoming: remaining.filter((id) => id !== entry.cardId) } : rest, `Undid ${what}. The card is back on screen.`);
        } catch (error) {
          patchSession({ busy: false, error: writeFailureMessage('The undo', error, (detail) => `Could not undo: ${detail}`) });
        } finally {
          write.end();
        }
      },

      bury: () => setAside('bury'),
      suspend: () => setAside('suspend'),

      end() {
        const session = getState().session;
        if (!session || !collection || write.active || getState().status !== 'session') return;
        finish(collection, session, session.current === null && session.upcoming.length === 0);
      },
    };
  });
}
