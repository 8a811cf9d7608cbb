/**
 * The app's screens and their addresses. Routing is by URL hash (`#/library`)
 * so a reload — or a restart of the desktop app — stays on the same screen,
 * and `file://` loading in Electron needs no server-side routes.
 */

export type RouteId = 'library' | 'practice' | 'simulate' | 'progress' | 'settings';

export interface Route {
  id: RouteId;
  label: string;
  hash: `#/${RouteId}`;
  /** The digit of its keyboard shortcut (Alt+digit or Ctrl+digit). */
  shortcut: string;
}

export const ROUTES: readonly Route[] = [
  { id: 'library', label: 'Library', hash: '#/library', shortcut: '1' },
  { id: 'practice', label: 'Practice', hash: '#/practice', shortcut: '2' },
  { id: 'simulate', label: 'Simulate', hash: '#/simulate', shortcut: '3' },
  { id: 'progress', label: 'Progress', hash: '#/progress', shortcut: '4' },
  { id: 'settings', label: 'Settings', hash: '#/settings', shortcut: '5' },
];

export const DEFAULT_ROUTE: RouteId = 'library';

/**
 * The screen a hash names, or `undefined` for anything else (an in-page anchor, junk).
 * A query after the screen (`#/practice?pack=id`) is the screen's own business.
 */
export function routeFromHash(hash: string): RouteId | undefined {
  const path = hash.split('?', 1)[0];
  return ROUTES.find((route) => route.hash === path)?.id;
}

export function routeById(id: RouteId): Route {
  return ROUTES.find((route) => route.id === id)!;
}

/** The route a shortcut digit (`'1'`–`'5'`) selects. */
export function routeForShortcut(digit: string): Route | undefined {
  return ROUTES.find((route) => route.shortcut === digit);
}
