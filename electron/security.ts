/**
 * The renderer is treated as untrusted: it may show only the app's own pages, open
 * no windows, embed no webviews, reach no network and hold no permissions except
 * persistent storage (so Chromium never evicts the person's collection).
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, isUrlAtOrigin, originOf } from './app-origin';

/** The one permission granted: keeps IndexedDB from being evicted under storage pressure. */
const GRANTED_PERMISSION = 'persistent-storage';

/** True only for `persistent-storage` asked by one of the app's own origins. */
export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigins: readonly string[]): boolean {
  return permission === GRANTED_PERMISSION && isUrlAtOrigin(requestingUrl, appOrigins);
}

/** True when the renderer may navigate to `url`: only the app's own origins. */
export function isNavigationAllowed(url: string, appOrigins: readonly string[]): boolean {
  return isUrlAtOrigin(url, appOrigins);
}

/**
 * True when a request may leave the renderer: the app scheme, DevTools, in-memory
 * `data:`/`blob:` URLs (the CSP allows them for images), and the dev server
 * (plus its HMR websocket) in dev. Everything else is the network, and Kata is offline.
 */
export function isRequestAllowed(url: string, appOrigins: readonly string[]): boolean {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (['devtools:', 'data:', 'blob:'].includes(scheme)) return true;
  if (isUrlAtOrigin(url, appOrigins)) return true;
  if (scheme === 'ws:' || scheme === 'wss:') {
    // Vite's HMR socket lives on the dev server's host and port.
    const httpOrigin = originOf(url.replace(/^ws/i, 'http'));
    return httpOrigin !== null && appOrigins.some((origin) => origin.startsWith('http') && originOf(origin) === httpOrigin);
  }
  return false;
}

/** Locks one WebContents to the app: no off-origin navigation, no popups, no webviews. */
export function hardenWebContents(contents: WebContents, appOrigins: readonly string[]): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url, appOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Where the spellchecker would fetch its dictionaries: a path of the app's own origin that
 * serves nothing, so even a spellchecker switched back on cannot reach Google's servers.
 */
export const SPELLCHECK_DICTIONARY_URL = `${APP_ORIGIN}/no-spellcheck-dictionaries/`;

/**
 * Denies permissions (except persistent storage), blocks every non-app request, and turns
 * the spellchecker off (its dictionaries are downloaded from the network) in `session`.
 */
export function hardenSession(session: Session, appOrigins: readonly string[]): void {
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appOrigins),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, appOrigins) });
  });
}
