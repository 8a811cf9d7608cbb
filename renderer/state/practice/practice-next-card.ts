/**
 * Which card a session shows next, made ready to show: learning steps come due
 * join the front, the card just answered does not come straight back, and the
 * pack's items are read first when they are not yet (and those of the next few
 * cards' packs in the background, so showing them waits for nothing).
 */
import type { CardRecord } from '../../../shared/model';
import type { Collection, PracticeCard, PracticeRepositories, SpecCache } from './practice-collection';
import { ensurePackItems, practiceCard } from './practice-collection';
import type { QueueContext } from './practice-queue';
import { learningDueNow } from './practice-queue';
import type { Session } from './practice-session';

/** How many cards ahead have their pack's items read while the person answers. */
const PREFETCH_AHEAD = 3;

export interface NextCard {
  current: PracticeCard | null;
  upcoming: string[];
}

export interface CardPicker {
  /** The card ready to show for `record`, or undefined when its pack or spec is gone. */
  ready(c: Collection, record: CardRecord): Promise<PracticeCard | undefined>;
  /** The next card to show after `lastId` (if any) at `at`, and the ones after it. */
  next(c: Collection, session: Session, at: number, upcoming: string[], lastId?: string): Promise<NextCard>;
}

export function createCardPicker(repos: PracticeRepositories, specs: SpecCache, context: () => QueueContext): CardPicker {
  async function ready(c: Collection, record: CardRecord): Promise<PracticeCard | undefined> {
    await ensurePackItems(repos, c, record.packId);
    return practiceCard(c, specs, record);
  }

  function prefetch(c: Collection, upcoming: readonly string[]): void {
    for (const id of upcoming.slice(0, PREFETCH_AHEAD)) {
      const packId = c.cards.get(id)?.packId;
      // A failure here is met again, and reported, when the card is about to be shown.
      if (packId !== undefined) ensurePackItems(repos, c, packId).catch(() => undefined);
    }
  }

  return {
    ready,
    async next(c, session, at, upcoming, lastId) {
      const waiting = new Set(upcoming);
      let ids = [...learningDueNow(c, context(), session.request, at, waiting), ...upcoming];
      // The card just answered never comes straight back while another is waiting.
      if (lastId !== undefined && ids[0] === lastId && ids.length > 1) ids = [ids[1] as string, lastId, ...ids.slice(2)];
      for (let i = 0; i < ids.length; i += 1) {
        const record = c.cards.get(ids[i] as string);
        if (!record || record.suspended === 1) continue;
        const card = await ready(c, record);
        if (card) {
          const rest = ids.slice(i + 1);
          prefetch(c, rest);
          return { current: card, upcoming: rest };
        }
      }
      return { current: null, upcoming: [] };
    },
  };
}
