/** What a practice session was asked for: the daily plan, one pack now, or the weakest cards. */

/** "My weakest cards" asks for this many. */
export const WEAKEST_COUNT = 20;

export type SessionRequest =
  | { mode: 'daily' }
  | { mode: 'pack'; packId: string }
  | { mode: 'weakest'; count: number }
  /** Exactly these cards (the Progress screen's "practise these"). */
  | { mode: 'cards'; ids: string[] };

export function sameRequest(a: SessionRequest, b: SessionRequest): boolean {
  if (a.mode === 'pack' && b.mode === 'pack') return a.packId === b.packId;
  if (a.mode === 'weakest' && b.mode === 'weakest') return a.count === b.count;
  if (a.mode === 'cards' && b.mode === 'cards') return a.ids.join('\u0000') === b.ids.join('\u0000');
  return a.mode === b.mode;
}
