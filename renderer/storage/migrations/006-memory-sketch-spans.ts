import type { Migration } from './migration';
import { ROLLUPS_STALE_KEY } from '../rollup-stale';

/*
 * SHIPPED MIGRATION: DO NOT EDIT (see 001-initial.ts).
 *
 * The packs' memory sketches count a card's last review in spans that grow with its stability
 * (shared/progress/card-sketch.ts, SPAN_HOURS), not in single hours: at a million answers the
 * hourly keys made sketches of 100 000 entries that Progress read on every open. No store
 * changes; the sketches of the hourly layout are rebuilt with the other rollups, the next time
 * Progress opens, by marking the rollups stale.
 */
export const migration006: Migration = {
  version: 6,
  name: '006-memory-sketch-spans',
  stores: {},
  async upgrade(tx) {
    await tx.table('settings').put({ key: ROLLUPS_STALE_KEY, value: true });
  },
};
