// @ts-check
/**
 * The one static file server for built pages, on 127.0.0.1: the browser build of Kata for
 * `npm start` (when there is no Electron runtime) and `npm run web`, the benchmark page for
 * `npm run bench`, and the web build the end-to-end tests drive. Plain JavaScript so scripts
 * import it without a build step; JSDoc types make it checked and typed for TypeScript callers.
 *
 * IndexedDB belongs to an origin, port included: callers that keep data between runs ask for
 * a fixed port, and are told when it was taken and another one had to be used.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * What the app is served with, from the file electron/app-origin.ts and app-protocol.ts read
 * for app://kata: one source, so the browser build runs under the same rules as the desktop
 * app. Read from disk, not imported, so this file needs no build step and no JSON import
 * attributes.
 * @type {{ contentSecurityPolicy: string[], headers: Record<string, string>, mimeTypes: Record<string, string>, notServedWithTheApp: { extensions: string[], fileNames: string[] } }}
 */
const APP_SECURITY = JSON.parse(readFileSync(new URL('../electron/app-security.json', import.meta.url), 'utf8'));

/**
 * The headers of every app response (CSP, nosniff, COOP + COEP, which make the page
 * cross-origin isolated for WebAssembly threads). test/scripts/static-server.test.ts holds
 * them equal to what the app protocol sends.
 */
/** @type {Readonly<Record<string, string>>} */
export const APP_SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': APP_SECURITY.contentSecurityPolicy.join('; '),
  ...APP_SECURITY.headers,
});

/** @type {Readonly<Record<string, string>>} */
const MIME_TYPES = APP_SECURITY.mimeTypes;

/**
 * False for what the app's origin must never answer even if a build left it there: the
 * benchmark page and source maps (the same list electron/app-protocol.ts refuses).
 * @param {string} file
 */
export function isServedWithTheApp(file) {
  const name = path.basename(file).toLowerCase();
  const { extensions, fileNames } = APP_SECURITY.notServedWithTheApp;
  return !fileNames.includes(name) && !extensions.includes(path.extname(name));
}

/**
 * @typedef {object} StaticServerOptions
 * @property {number} [port] Port to listen on; 0 (the default) picks a free one.
 * @property {boolean} [fallbackToFreePort] When `port` is taken, listen on a free port instead of failing.
 * @property {Readonly<Record<string, string>>} [headers] Sent with every response, errors included.
 * @property {boolean} [unref] Do not keep the process alive for this server (tests).
 * @property {boolean} [appOnly] Serving the app: never answer a benchmark page or a source map (404).
 */

/**
 * @typedef {object} StaticServer
 * @property {string} origin `http://127.0.0.1:PORT`
 * @property {number} port
 * @property {boolean} fellBack True when the asked-for port was taken and another one is used.
 * @property {() => Promise<void>} close
 */

/**
 * @param {string} root an absolute, resolved folder
 * @param {string} candidate an absolute, resolved path
 */
function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root + path.sep);
}

/**
 * The file under `root` a request path names, or null when it is malformed or would leave
 * `root` (`..`, encoded separators, NUL bytes). A folder path means its index.html.
 * @param {string} root
 * @param {string} requestUrl the request's path and query, as sent
 * @returns {string | null}
 */
export function resolveRequestPath(root, requestUrl) {
  let pathname;
  try {
    // Decoding exposes encoded `..%2F` segments to the containment check below.
    pathname = decodeURIComponent(new URL(requestUrl, 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const resolved = path.resolve(root, `.${pathname}`);
  return isInside(root, resolved) ? resolved : null;
}

/**
 * @param {string} root
 * @param {string} file
 * @returns {Promise<{ status: number, file?: string, size?: number }>}
 */
async function locate(root, file) {
  try {
    // A symlink inside the root could still point outside it: compare real paths.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, realFile)) return { status: 403 };
    const info = await stat(realFile);
    return info.isFile() ? { status: 200, file: realFile, size: info.size } : { status: 404 };
  } catch {
    return { status: 404 };
  }
}

/**
 * @param {import('node:http').Server} server
 * @param {number} port
 * @returns {Promise<number>} the port it listens on
 */
function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('static server: no port'));
    });
  });
}

/**
 * Serves the files under `rootDir` (GET and HEAD only) until closed.
 * @param {string} rootDir
 * @param {StaticServerOptions} [options]
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer(rootDir, options = {}) {
  const root = path.resolve(rootDir);
  const extraHeaders = options.headers ?? {};
  // no-cache, not no-store: a rebuilt page is fetched again, and nothing here is secret.
  const common = { ...extraHeaders, 'Cache-Control': 'no-cache' };
  const server = createServer((request, response) => {
    /** @param {number} status */
    const fail = (status) => {
      response.writeHead(status, { ...common, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(status));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405);
    const file = resolveRequestPath(root, request.url ?? '/');
    if (file === null) return fail(403);
    if (options.appOnly && !isServedWithTheApp(file)) return fail(404);
    void (async () => {
      const found = await locate(root, file);
      if (found.status !== 200 || found.file === undefined) return fail(found.status);
      // A link with an innocent name could point at bench.html: judge the real file too.
      if (options.appOnly && !isServedWithTheApp(found.file)) return fail(404);
      const body = request.method === 'HEAD' ? undefined : await readFile(found.file);
      response.writeHead(200, {
        ...common,
        'Content-Type': MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(found.size),
      });
      response.end(body);
    })().catch(() => {
      if (!response.headersSent) fail(500);
      else response.destroy();
    });
  });

  const wanted = options.port ?? 0;
  let port;
  try {
    port = await listen(server, wanted);
  } catch (error) {
    const taken = /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE';
    if (!taken || !options.fallbackToFreePort || wanted === 0) throw error;
    port = await listen(server, 0);
  }
  if (options.unref) server.unref();
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    fellBack: wanted !== 0 && port !== wanted,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
