import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { BackupEntry, RotationPolicy } from '../../shared/backups/rotation';
import { DEFAULT_ROTATION, rotateBackups } from '../../shared/backups/rotation';

const UTC = () => 0;
const at = (iso: string): number => Date.parse(`${iso}Z`);
const entry = (iso: string, bytes = 10): BackupEntry => ({ id: iso, createdAt: at(iso), bytes });
const policy = (overrides: Partial<RotationPolicy>): RotationPolicy => ({ ...DEFAULT_ROTATION, ...overrides });

describe('rotateBackups', () => {
  test('keeps the recent ones, then the newest of each day, week and month', () => {
    const backups = [
      entry('2026-12-04T10:30:00'),
      entry('2026-12-04T10:00:00'),
      entry('2026-12-04T09:30:00'),
      entry('2026-12-03T18:00:00'),
      entry('2026-12-03T08:00:00'),
      entry('2026-11-30T08:00:00'), // Monday of week 49
      entry('2026-11-29T08:00:00'), // Sunday of week 48
      entry('2026-11-02T08:00:00'),
      entry('2026-10-15T08:00:00'),
      entry('2026-10-01T08:00:00'),
    ];
    const { keep, remove } = rotateBackups(backups, policy({ recent: 2, daily: 3, weekly: 2, monthly: 3 }), UTC);
    expect(keep).toEqual([
      '2026-12-04T10:30:00', // recent, and the newest of its day, week and month
      '2026-12-04T10:00:00', // recent
      '2026-12-03T18:00:00', // day 2
      '2026-11-30T08:00:00', // day 3
      '2026-11-29T08:00:00', // week 2 (the week before), and November's newest
      '2026-10-15T08:00:00', // October's newest: month 3
    ]);
    expect(remove).toEqual(['2026-12-04T09:30:00', '2026-12-03T08:00:00', '2026-11-02T08:00:00', '2026-10-01T08:00:00']);
  });

  test('days are the person’s local days', () => {
    const backups = [entry('2026-12-04T01:00:00'), entry('2026-12-03T23:00:00')];
    const onlyDaily = policy({ recent: 0, daily: 2, weekly: 0, monthly: 0 });
    expect(rotateBackups(backups, onlyDaily, UTC).keep).toHaveLength(2);
    // Three hours behind UTC: both are on the 3rd, only the newest of the day stays (and the newest overall).
    expect(rotateBackups(backups, onlyDaily, () => 180).keep).toEqual(['2026-12-04T01:00:00']);
  });

  test('the size cap drops the oldest kept first and never the newest', () => {
    const backups = [entry('2026-12-04T10:00:00', 600), entry('2026-12-03T10:00:00', 300), entry('2026-12-02T10:00:00', 300)];
    expect(rotateBackups(backups, policy({ maxTotalBytes: 1000 }), UTC).keep).toEqual(['2026-12-04T10:00:00', '2026-12-03T10:00:00']);
    expect(rotateBackups(backups, policy({ maxTotalBytes: 100 }), UTC).keep).toEqual(['2026-12-04T10:00:00']);
  });

  test('for any listing: bounded, newest kept, under the cap, everything kept or removed once, and stable', () => {
    const listing = fc.uniqueArray(
      fc.record({ minutes: fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }), bytes: fc.integer({ min: 1, max: 500 }) }),
      { selector: (b) => b.minutes, maxLength: 300 },
    );
    const policies = fc.record({
      recent: fc.integer({ min: 0, max: 8 }),
      daily: fc.integer({ min: 0, max: 14 }),
      weekly: fc.integer({ min: 0, max: 12 }),
      monthly: fc.integer({ min: 0, max: 10 }),
      maxTotalBytes: fc.integer({ min: 1, max: 20_000 }),
    });
    fc.assert(
      fc.property(listing, policies, (raw, p) => {
        const backups = raw.map((b) => ({ id: `b${b.minutes}`, createdAt: at('2025-01-01T00:00:00') + b.minutes * 60_000, bytes: b.bytes }));
        const { keep, remove } = rotateBackups(backups, p, UTC);
        expect([...keep, ...remove].sort()).toEqual(backups.map((b) => b.id).sort());
        expect(keep.length).toBeLessThanOrEqual(Math.max(1, p.recent) + p.daily + p.weekly + p.monthly);
        if (backups.length === 0) return;
        const newest = backups.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
        expect(keep[0]).toBe(newest.id);
        const bytes = (ids: string[]) => ids.reduce((sum, id) => sum + backups.find((b) => b.id === id)!.bytes, 0);
        if (keep.length > 1) expect(bytes(keep)).toBeLessThanOrEqual(p.maxTotalBytes);
        // Without the cap, rotating what was kept keeps it all: a second run deletes nothing more.
        const uncapped = { ...p, maxTotalBytes: Number.MAX_SAFE_INTEGER };
        const first = rotateBackups(backups, uncapped, UTC).keep;
        expect(rotateBackups(backups.filter((b) => first.includes(b.id)), uncapped, UTC).remove).toEqual([]);
      }),
    );
  });
});
