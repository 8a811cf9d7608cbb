/**
 * The independence ladder of shared/design/practice.md, adapted from ten Cate's
 * entrustment–supervision levels. Text for the explanatory views; the measure
 * itself (which level a pack is at, and why) belongs to shared/progress.
 */
export interface LadderLevel {
  level: 1 | 2 | 3 | 4 | 5;
  name: string;
  meaning: string;
}

export const INDEPENDENCE_LADDER: readonly LadderLevel[] = [
  { level: 1, name: 'Observe', meaning: 'Imported and studied, not yet practised enough to judge.' },
  { level: 2, name: 'Guided', meaning: 'Succeeds with options and hints.' },
  { level: 3, name: 'Assisted', meaning: 'Recalls unaided, but slow or inconsistent.' },
  { level: 4, name: 'Independent', meaning: 'Unaided, accurate, fast enough, and held across days.' },
  { level: 5, name: 'Can teach', meaning: 'Independent for months, explains every why, and well calibrated.' },
];
