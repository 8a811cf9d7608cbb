/**
 * Where "the rollups no longer match the events" is remembered: a setting, set by whatever
 * changes events in bulk (a migration from before rollups, a pack deleted, events added in
 * bulk) and cleared by the rebuild.
 */
export const ROLLUPS_STALE_KEY = 'cache.rollupsStale';
