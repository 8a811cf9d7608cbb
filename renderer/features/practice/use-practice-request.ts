import { useMemo, useSyncExternalStore } from 'react';
import type { SessionRequest } from '../../state/practice/practice-request';
import { WEAKEST_COUNT } from '../../state/practice/practice-request';

/**
 * The session the address asks for: `#/practice` the daily plan,
 * `#/practice?pack=<id>` one pack now, `#/practice?weakest` the weakest cards.
 */
export function requestFromHash(hash: string): SessionRequest {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const pack = params.get('pack');
  if (pack) return { mode: 'pack', packId: pack };
  if (params.has('weakest')) return { mode: 'weakest', count: WEAKEST_COUNT };
  // Split before decoding: each id is encoded on its own, so a comma inside one is `%2C`.
  const cards = /(?:^|&)cards=([^&]*)/.exec(query)?.[1];
  if (cards) return { mode: 'cards', ids: cards.split(',').filter(Boolean).map((id) => decodeURIComponent(id)) };
  return { mode: 'daily' };
}

/** The address of a session, for links. */
export function hashForRequest(request: SessionRequest): string {
  if (request.mode === 'pack') return `#/practice?pack=${encodeURIComponent(request.packId)}`;
  if (request.mode === 'weakest') return '#/practice?weakest';
  // URLSearchParams decodes the ids; each is encoded, so a comma inside one cannot split it.
  if (request.mode === 'cards') return `#/practice?cards=${request.ids.map((id) => encodeURIComponent(id).replace(/,/g, '%2C')).join(',')}`;
  return '#/practice';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = (): string => window.location.hash;

/** The session request in the address bar, and a key that changes only when it does. */
export function usePracticeRequest(): { request: SessionRequest; key: string } {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => {
    const request = requestFromHash(hash);
    return { request, key: hashForRequest(request) };
  }, [hash]);
}
