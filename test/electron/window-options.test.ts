import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, devOriginFrom } from '../../electron/app-origin';
import { DARK_BACKGROUND, LIGHT_BACKGROUND, openAppWindow } from '../../electron/window-options';
import type { WindowConstructor, WindowOptionsInput } from '../../electron/window-options';
import { hardenSession, hardenWebContents, isRequestAllowed, SPELLCHECK_DICTIONARY_URL } from '../../electron/security';
import { BrowserWindow, FakeSession, FakeWebContents, resetElectronFake } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

const DEV_ORIGIN = 'http://127.0.0.1:5173';

/** The options the window was constructed with, read off the fake BrowserWindow. */
function buildWindowOptions(input: WindowOptionsInput): Record<string, unknown> & {
  webPreferences?: Record<string, unknown>;
  backgroundColor?: string;
  center?: boolean;
  x?: number;
} {
  // The fake records the options it was built with; its looser constructor type is cast here.
  return openAppWindow(BrowserWindow as unknown as WindowConstructor<BrowserWindow>, input).options;
}

describe('openAppWindow', () => {
  const options = buildWindowOptions({
    preloadPath: '/app/dist/electron/preload.cjs',
    bounds: { x: 40, y: 50, width: 1200, height: 800 },
    darkMode: false,
  });

  it('isolates and sandboxes the renderer, with no Node and no webviews', () => {
    const prefs = options.webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('has no spellcheck (its dictionaries come from the network) and no auxclick', () => {
    const prefs = options.webPreferences ?? {};
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('uses the remembered bounds, the title and a theme-matched background', () => {
    expect(options).toMatchObject({ title: 'Kata', x: 40, y: 50, width: 1200, height: 800, show: false });
    expect(options.backgroundColor).toBe(LIGHT_BACKGROUND);
    const dark = buildWindowOptions({ preloadPath: 'p', bounds: { width: 900, height: 700 }, darkMode: true });
    expect(dark.backgroundColor).toBe(DARK_BACKGROUND);
    expect(dark.center).toBe(true);
    expect(dark.x).toBeUndefined();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no network origin at all', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    // Only WebAssembly may compile ('wasm-unsafe-eval'): no JavaScript eval.
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });
});

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    resetElectronFake();
    contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, [APP_ORIGIN]);
  });

  function navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const preventDefault = vi.fn();
    contents.emit(event, { preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  }

  it('denies navigation away from the app origin', () => {
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://other/index.html')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:5173/')).toBe(true);
    expect(navigate('will-navigate', 'app://kata/index.html#/practice')).toBe(false);
  });

  it('denies window.open and webviews', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kata/index.html' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  let session: FakeSession;
  beforeEach(() => {
    session = new FakeSession();
    hardenSession(session as unknown as Session, [APP_ORIGIN]);
  });

  it('denies every permission request except persistent storage for the app', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      await expect(session.requestPermission(permission, 'app://kata/index.html')).resolves.toBe(false);
    }
    await expect(session.requestPermission('persistent-storage', 'app://kata/index.html')).resolves.toBe(true);
    await expect(session.requestPermission('persistent-storage', 'https://evil.example/')).resolves.toBe(false);
  });

  it('answers permission checks the same way', () => {
    const check = session.permissionCheckHandler;
    expect(check?.(null, 'persistent-storage', 'app://kata', {})).toBe(true);
    expect(check?.(null, 'media', 'app://kata', {})).toBe(false);
    expect(check?.(null, 'persistent-storage', 'https://evil.example', {})).toBe(false);
  });

  it('switches the spellchecker off and points its dictionary download at nothing on the network', () => {
    expect(session.spellCheckerEnabled).toBe(false);
    expect(SPELLCHECK_DICTIONARY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(session.spellCheckerDictionaryDownloadURL).toBe(SPELLCHECK_DICTIONARY_URL);
    // Were a dictionary asked for anyway, the request filter lets it reach only the app.
    expect(session.isBlocked('https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic')).toBe(true);
  });

  it('blocks every request that is not to the app', () => {
    expect(session.isBlocked('https://example.com/tracker.js')).toBe(true);
    expect(session.isBlocked('http://127.0.0.1:5173/')).toBe(true);
    expect(session.isBlocked('ws://127.0.0.1:5173/')).toBe(true);
    expect(session.isBlocked('file:///etc/passwd')).toBe(true);
    expect(session.isBlocked('app://kata/assets/index.js')).toBe(false);
    expect(session.isBlocked('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(session.isBlocked('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('isRequestAllowed in dev', () => {
  const origins = [APP_ORIGIN, DEV_ORIGIN];

  it('also allows the dev server and its HMR socket, and nothing else', () => {
    expect(isRequestAllowed('http://127.0.0.1:5173/src/main.tsx', origins)).toBe(true);
    expect(isRequestAllowed('ws://127.0.0.1:5173/?token=x', origins)).toBe(true);
    expect(isRequestAllowed('ws://127.0.0.1:9999/', origins)).toBe(false);
    expect(isRequestAllowed('http://127.0.0.1:9999/', origins)).toBe(false);
    expect(isRequestAllowed('https://fonts.googleapis.com/css', origins)).toBe(false);
  });

  it('takes a dev origin only from a loopback URL', () => {
    expect(devOriginFrom('http://127.0.0.1:5173/')).toBe(DEV_ORIGIN);
    expect(devOriginFrom('http://localhost:5173')).toBe('http://localhost:5173');
    expect(devOriginFrom('https://example.com/')).toBeNull();
    expect(devOriginFrom('file:///tmp/index.html')).toBeNull();
    expect(devOriginFrom('not a url')).toBeNull();
    expect(devOriginFrom(undefined)).toBeNull();
  });
});
