import type { CardRecord, DecisionRecord, ReviewEvent, SimulationAttempt, SimulationStats } from '../../shared/model';
import { emptyStats, rebuildStats, withFinishedAttempt } from '../../shared/simulate/simulation-stats';
import type { KataDb } from './db';
import type { RollupContext } from './rollup-writes';
import { defaultRollupContext, foldAnswer, moveCard, rollupTables } from './rollup-writes';

export type AttemptRepository = ReturnType<typeof createAttemptRepository>;

/** The review a decision is also an answer of: the card, and how to answer it from its stored state. */
export interface DecisionAnswer {
  cardId: string;
  /** Synchronous (inside the transaction): the event and updated card for the stored card. */
  answer: (stored: CardRecord) => { event: ReviewEvent; card: CardRecord };
}

/**
 * Simulation attempts: stored when a run starts, updated with each decision in the same
 * transaction as the decision's review event, and finished with the pack's summary
 * (simulationStats) updated in that transaction too.
 */
export function createAttemptRepository(db: KataDb) {
  return {
    /** Rejects if the id is already used. */
    add: async (attempt: SimulationAttempt): Promise<void> => {
      await db.attempts.add(attempt);
    },
    /** Inserts or replaces (fixtures, restores); a run uses start/recordDecision/finish. */
    put: async (attempt: SimulationAttempt): Promise<void> => {
      await db.attempts.put(attempt);
    },
    get: (id: string): Promise<SimulationAttempt | undefined> => db.attempts.get(id),
    /**
     * Adds finished or abandoned attempts in bulk, in ONE transaction (rejects, adding none, if
     * an id is used). The packs' summaries are not touched: rebuildStats (check collection) makes them.
     */
    addMany: async (attempts: readonly SimulationAttempt[]): Promise<void> => {
      await db.transaction('rw', db.attempts, async () => {
        await db.attempts.bulkAdd([...attempts]);
      });
    },

    /**
     * Stores one decision in ONE transaction: the review event and the card's new state (when
     * the decision's card exists and is not suspended: a suspended card is out of practice)
     * and the decision appended to the running attempt, the progress rollups updated with it
     * (`context`: the scheduler and study day they fold with). A crash keeps every decision made.
     * Resolves to the decision as stored (with its event id) and the updated card, if any.
     */
    async recordDecision(
      attemptId: string,
      decision: DecisionRecord,
      answer: DecisionAnswer | undefined,
      context: RollupContext = defaultRollupContext(),
    ): Promise<{ decision: DecisionRecord; card?: CardRecord; event?: ReviewEvent }> {
      return db.transaction('rw', [db.attempts, db.events, db.cards, ...rollupTables(db)], async () => {
        const attempt = await db.attempts.get(attemptId);
        if (!attempt) throw new Error(`recordDecision: no attempt ${attemptId}`);
        if (attempt.status !== 'running') throw new Error(`recordDecision: attempt ${attemptId} is ${attempt.status}`);
        let stored: DecisionRecord = decision;
        let card: CardRecord | undefined;
        let event: ReviewEvent | undefined;
        const current = answer ? await db.cards.get(answer.cardId) : undefined;
        if (answer && current && current.suspended === 0) {
          const written = answer.answer(current);
          if (written.card.id !== current.id || written.event.cardId !== current.id) {
            throw new Error(`recordDecision: the answer is not about card ${current.id}`);
          }
          await db.events.add(written.event);
          await db.cards.put(written.card);
          await foldAnswer(db, written.event, context, 1);
          await moveCard(db, current.packId, current, written.card);
          card = written.card;
          event = written.event;
          stored = { ...decision, eventId: written.event.id };
        } else if (stored.rating !== undefined) {
          // No card was answered: the decision keeps no grade that was never given.
          const { rating: _rating, ...rest } = stored;
          stored = rest;
        }
        await db.attempts.put({
          ...attempt,
          decisions: [...attempt.decisions, stored],
          path: [...attempt.path, takenOf(stored)],
          hintsUsed: attempt.hintsUsed + stored.hints.length,
        });
        return { decision: stored, ...(card ? { card } : {}), ...(event ? { event } : {}) };
      });
    },

    /**
     * Finishes a running attempt with its results, and folds it into its pack's summary, in
     * ONE transaction. Resolves to the stored attempt.
     */
    async finish(
      attemptId: string,
      results: Pick<SimulationAttempt, 'finishedAt' | 'correct' | 'withinTime' | 'score'> & Partial<Pick<SimulationAttempt, 'outcome' | 'outcomeKind'>>,
    ): Promise<SimulationAttempt> {
      return db.transaction('rw', [db.attempts, db.simulationStats], async () => {
        const attempt = await db.attempts.get(attemptId);
        if (!attempt) throw new Error(`finish: no attempt ${attemptId}`);
        if (attempt.status !== 'running') throw new Error(`finish: attempt ${attemptId} is ${attempt.status}`);
        const finished: SimulationAttempt = { ...attempt, ...results, status: 'finished' };
        await db.attempts.put(finished);
        const stats = (await db.simulationStats.get(attempt.packId)) ?? emptyStats(attempt.packId);
        await db.simulationStats.put(withFinishedAttempt(stats, finished));
        return finished;
      });
    },

    /** Marks a running attempt abandoned (its decisions stay); does nothing to one already ended. */
    async abandon(attemptId: string, at: number): Promise<void> {
      await db.transaction('rw', db.attempts, async () => {
        const attempt = await db.attempts.get(attemptId);
        if (attempt?.status === 'running') await db.attempts.put({ ...attempt, status: 'abandoned', finishedAt: at });
      });
    },

    /**
     * Marks every attempt still `running` as abandoned (a run the app closed or crashed in):
     * called when no run is on screen. Resolves to the attempts marked, as now stored (their
     * decisions kept), so the screen can say what was interrupted.
     */
    async abandonRunning(at: number): Promise<SimulationAttempt[]> {
      return db.transaction('rw', db.attempts, async () => {
        const running = await db.attempts.where('status').equals('running').toArray();
        const abandoned = running.map((attempt) => ({ ...attempt, status: 'abandoned' as const, finishedAt: attempt.finishedAt ?? at }));
        await db.attempts.bulkPut(abandoned);
        return abandoned;
      });
    },

    /** Saves the debrief's reaction and take-away of an attempt. */
    async saveDebrief(attemptId: string, notes: Pick<SimulationAttempt, 'reaction' | 'reflection'>): Promise<void> {
      await db.transaction('rw', db.attempts, async () => {
        const attempt = await db.attempts.get(attemptId);
        if (!attempt) throw new Error(`saveDebrief: no attempt ${attemptId}`);
        await db.attempts.put({ ...attempt, ...notes });
      });
    },

    /** A pack's attempts, oldest first, optionally only those started at or after `since`. */
    byPack: (packId: string, since = -Infinity): Promise<SimulationAttempt[]> =>
      db.attempts
        .where('[packId+startedAt]')
        .between([packId, since], [packId, Infinity], true, true)
        .toArray(),
    /** A pack's latest `limit` attempts, oldest first. */
    latestOfPack: async (packId: string, limit: number): Promise<SimulationAttempt[]> =>
      (
        await db.attempts
          .where('[packId+startedAt]')
          .between([packId, -Infinity], [packId, Infinity], true, true)
          .reverse()
          .limit(limit)
          .toArray()
      ).reverse(),
    /** Attempts started with `from <= startedAt < to`, oldest first. */
    between: (from: number, to: number): Promise<SimulationAttempt[]> =>
      db.attempts.where('startedAt').between(from, to, true, false).toArray(),
    count: (): Promise<number> => db.attempts.count(),

    /** Every pack's simulation summary (one small record per pack walked). */
    allStats: (): Promise<SimulationStats[]> => db.simulationStats.toArray(),
    /** Rebuilds every summary from the attempts (check collection, after a restore), in ONE transaction. */
    async rebuildStats(): Promise<number> {
      return db.transaction('rw', [db.attempts, db.simulationStats], async () => {
        const attempts = await db.attempts.toArray();
        const packIds = [...new Set(attempts.map((attempt) => attempt.packId))];
        await db.simulationStats.clear();
        await db.simulationStats.bulkPut(packIds.map((packId) => rebuildStats(packId, attempts)));
        return packIds.length;
      });
    },
  };
}

/** The item a decision took: the option chosen, or for recall the answer when right ('' when not). */
function takenOf(decision: DecisionRecord): string {
  if (decision.chosen !== undefined) return decision.chosen;
  return decision.correct ? decision.answer : '';
}
