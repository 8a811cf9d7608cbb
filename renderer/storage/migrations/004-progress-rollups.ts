import type { Migration } from './migration';
import { ROLLUPS_STALE_KEY } from '../rollup-stale';

/*
 * SHIPPED MIGRATION: DO NOT EDIT (see 001-initial.ts).
 *
 * Progress rollups: caches like card states, written in the answer's own transaction and
 * rebuildable from events and cards, so the Progress screen never reads the events.
 * - dayRollups: the whole collection's answers per study day (calendar, load, true retention,
 *   the scheduler's calibration).
 * - packWeeks: each pack's answers per study week (accuracy, automaticity), `[packId+week]`;
 *   `week` finds the recent weeks of every pack in one range.
 * - packMemory: a sketch of each pack's card states (recall now without reading cards).
 * - levelHistory: each pack's level on the ladder as measured on a day, `[packId+day]` (recorded
 *   when it changes): "level over time" and the projection read it.
 * Existing answers are not folded here (a million would hold the database closed for minutes):
 * the rollups are marked stale and rebuilt in the background the first time Progress opens.
 */
export const migration004: Migration = {
  version: 4,
  name: '004-progress-rollups',
  stores: {
    dayRollups: 'day',
    packWeeks: '[packId+week], week, packId',
    packMemory: 'packId',
    levelHistory: '[packId+day], packId',
  },
  async upgrade(tx) {
    await tx.table('settings').put({ key: ROLLUPS_STALE_KEY, value: true });
  },
};
