import { useState } from 'react';
import type { PackProgress } from '../../../shared/progress/progress-report';
import type { PackCoverage } from '../../../shared/simulate/pack-coverage';
import { PackProgressCard } from './PackProgressCard';

/**
 * Packs shown at first, and added by each "Show more": every card carries its evidence, its
 * level over time and a rating prompt, so a library of 500 packs drawn at once would keep the
 * screen from its first paint for seconds.
 */
export const PACKS_PER_PAGE = 12;

/** Each pack's progress card, a page at a time. */
export function PackProgressList({ packs, coverage, now }: { packs: readonly PackProgress[]; coverage: Readonly<Record<string, PackCoverage>>; now: number }) {
  const [shown, setShown] = useState(PACKS_PER_PAGE);
  const left = packs.length - shown;
  return (
    <>
      {packs.slice(0, shown).map((pack) => (
        <PackProgressCard key={pack.packId} pack={pack} coverage={coverage[pack.packId]} now={now} />
      ))}
      {left > 0 && (
        <div className="actions progress-more">
          <p className="muted">
            {shown} of {packs.length} packs shown.
          </p>
          <button type="button" className="button" onClick={() => setShown((count) => count + PACKS_PER_PAGE)}>
            Show {Math.min(PACKS_PER_PAGE, left)} more
          </button>
          <button type="button" className="button" onClick={() => setShown(packs.length)}>
            Show all {packs.length}
          </button>
        </div>
      )}
    </>
  );
}
