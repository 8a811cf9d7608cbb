/**
 * Which backups to keep, in the manner of Anki's: the most recent ones, then the newest backup
 * of each of the last 12 days with backups, of the last 10 weeks and of the last 9 months — and
 * under a total size cap, so automatic backups every 30 minutes can never fill the disk. A pure
 * function of the listing: the platform deletes what it returns in `remove`.
 *
 * The newest backup is always kept (even over the cap: one whole backup beats none). A backup
 * kept as a day's can also be its week's and its month's, as in Anki.
 */
export interface BackupEntry {
  id: string;
  createdAt: number;
  bytes: number;
}

export interface RotationPolicy {
  /** The newest backups kept whatever their age. */
  recent: number;
  daily: number;
  weekly: number;
  monthly: number;
  /** Largest total size of the backups kept, in bytes. */
  maxTotalBytes: number;
}

export const DEFAULT_ROTATION: Readonly<RotationPolicy> = {
  recent: 6,
  daily: 12,
  weekly: 10,
  monthly: 9,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

const DAY_MS = 86_400_000;

export interface Rotation {
  keep: string[];
  remove: string[];
}

/** `offsetMinutes(at)` as Date#getTimezoneOffset: days, weeks and months are the person's local ones. */
export function rotateBackups(
  backups: readonly BackupEntry[],
  policy: RotationPolicy = DEFAULT_ROTATION,
  offsetMinutes: (at: number) => number = (at) => new Date(at).getTimezoneOffset(),
): Rotation {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const kept = new Set<string>();
  const periods = [
    { left: policy.daily, seen: new Set<number>(), key: (day: number) => day },
    // Weeks from Monday: day 0 (1970-01-01) was a Thursday.
    { left: policy.weekly, seen: new Set<number>(), key: (day: number) => Math.floor((day + 3) / 7) },
    {
      left: policy.monthly,
      seen: new Set<number>(),
      key: (day: number) => {
        const date = new Date(day * DAY_MS);
        return date.getUTCFullYear() * 12 + date.getUTCMonth();
      },
    },
  ];
  newestFirst.forEach((backup, index) => {
    if (index < Math.max(1, policy.recent)) kept.add(backup.id);
    const day = Math.floor((backup.createdAt - offsetMinutes(backup.createdAt) * 60_000) / DAY_MS);
    for (const period of periods) {
      const key = period.key(day);
      if (period.left > 0 && !period.seen.has(key)) {
        period.seen.add(key);
        period.left -= 1;
        kept.add(backup.id);
      }
    }
  });
  // The size cap drops the oldest kept first, never the newest.
  let total = 0;
  const keep: string[] = [];
  newestFirst.forEach((backup, index) => {
    if (!kept.has(backup.id)) return;
    if (index > 0 && total + backup.bytes > policy.maxTotalBytes) return;
    total += backup.bytes;
    keep.push(backup.id);
  });
  const keepSet = new Set(keep);
  return { keep, remove: newestFirst.filter((backup) => !keepSet.has(backup.id)).map((backup) => backup.id) };
}
