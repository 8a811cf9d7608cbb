/**
 * Serves the built renderer (`dist/renderer/`) at `app://kata/...`.
 *
 * A custom standard+secure scheme instead of `file://` gives the renderer a real
 * origin (IndexedDB, persistent storage and CSP behave as on the web) and lets every
 * response carry our CSP header. The core, `serveAppRequest`, is plain Node so it is
 * tested against a temp folder.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './app-origin';
import appSecurity from './app-security.json';

const MIME_TYPES: Readonly<Record<string, string>> = appSecurity.mimeTypes;
const NOT_SERVED = appSecurity.notServedWithTheApp;

/**
 * Headers every response gets, errors included. COOP + COEP make the window cross-origin
 * isolated, which WebAssembly threads (SharedArrayBuffer) need; every file is same-origin, so
 * require-corp blocks nothing of the app's. scripts/static-server.mjs reads the same
 * app-security.json for the browser build.
 */
function baseHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...appSecurity.headers };
}

/**
 * False for what a build may leave beside the app but the app's origin must never answer:
 * the benchmark page (a same-origin page would pass the IPC sender check) and source maps.
 */
export function isServedWithTheApp(filePath: string): boolean {
  const name = path.basename(filePath).toLowerCase();
  return !NOT_SERVED.fileNames.includes(name) && !NOT_SERVED.extensions.includes(path.extname(name));
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

/**
 * Maps an `app://kata/...` URL to a file under `rootDir`, or null when the URL is
 * foreign or would leave `rootDir` (`..`, encoded separators, NUL bytes).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  let pathname: string;
  try {
    // The URL parser already folds literal `..` segments; decoding exposes the
    // encoded ones (`..%2F`), which the containment check below then catches.
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  // Node leaves the path of a non-special URL empty (`app://kata`): treat it as `/`.
  if (!pathname.startsWith('/')) pathname = `/${pathname}`;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, `.${pathname}`);
  return isInside(root, resolved) ? resolved : null;
}

/** Answers one `app://` request from `rootDir` with the CSP header set on every response; never a bench page or source map. */
export async function serveAppRequest(rootDir: string, requestUrl: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const filePath = resolveAppPath(rootDir, requestUrl);
  if (filePath === null) return textResponse(403, 'Forbidden');
  if (!isServedWithTheApp(filePath)) return textResponse(404, 'Not found');
  try {
    // A symlink inside the root could still point outside it: compare real paths.
    const [realRoot, realFile] = await Promise.all([realpath(path.resolve(rootDir)), realpath(filePath)]);
    if (!isInside(realRoot, realFile)) return textResponse(403, 'Forbidden');
    // A link named app.js could point at bench.html: judge the real file too.
    if (!isServedWithTheApp(realFile)) return textResponse(404, 'Not found');
    const info = await stat(realFile);
    if (!info.isFile()) return textResponse(404, 'Not found');
    const body = method === 'HEAD' ? null : await readFile(realFile);
    const type = MIME_TYPES[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, {
      status: 200,
      headers: { ...baseHeaders(), 'Content-Type': type, 'Content-Length': String(info.size) },
    });
  } catch {
    return textResponse(404, 'Not found');
  }
}

/** Must run before `app` is ready: gives `app:` a real, secure, fetchable origin. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false },
    },
  ]);
}

/** Routes every `app://` request of the default session to `serveAppRequest`. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rootDir, request.url, request.method));
}
