import { useSyncExternalStore } from 'react';

/**
 * What the address asks the Simulate screen for: `#/simulate?attempt=<id>` the debrief of a
 * finished attempt (so a reload keeps it on screen), `#/simulate?pack=<id>` a pack's briefing.
 */
export interface SimulateAddress {
  attempt?: string;
  pack?: string;
}

export function simulateAddressOf(hash: string): SimulateAddress {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const address: SimulateAddress = {};
  const attempt = params.get('attempt');
  const pack = params.get('pack');
  if (attempt) address.attempt = attempt;
  if (pack) address.pack = pack;
  return address;
}

/** The hash of an address (`#/simulate` when it asks for nothing). */
export function simulateHash(address: SimulateAddress): string {
  if (address.attempt) return `#/simulate?attempt=${encodeURIComponent(address.attempt)}`;
  if (address.pack) return `#/simulate?pack=${encodeURIComponent(address.pack)}`;
  return '#/simulate';
}

/** Puts `address` in the address bar without a navigation (replaceState fires no hashchange). */
export function showAddress(address: SimulateAddress): void {
  const hash = simulateHash(address);
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The hash, re-read when it changes by navigation. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
