import { useCallback, useSyncExternalStore } from 'react';
import type { RouteId } from './routes';
import { DEFAULT_ROUTE, routeById, routeFromHash } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

// Remembered so that a hash which names no screen keeps the current one instead of jumping home.
let lastRoute: RouteId = routeFromHash(window.location.hash) ?? DEFAULT_ROUTE;

function currentRoute(): RouteId {
  lastRoute = routeFromHash(window.location.hash) ?? lastRoute;
  return lastRoute;
}

/** The current screen, from `location.hash`, and a way to go to another. */
export function useHashRoute(): [RouteId, (id: RouteId) => void] {
  const route = useSyncExternalStore(subscribe, currentRoute);
  const navigate = useCallback((id: RouteId) => {
    window.location.hash = routeById(id).hash;
  }, []);
  return [route, navigate];
}
