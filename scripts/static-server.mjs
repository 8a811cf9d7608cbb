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
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * What electron/app-protocol.ts sends with every app://kata response (test/scripts/
 * static-server.test.ts holds the two equal), so the browser build runs under the same rules
 * as the desktop app. COOP + COEP make the page cross-origin isolated, which WebAssembly
 * threads (SharedArrayBuffer) need.
 */
export const APP_SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': [
    "default-src 'self'",
    // WebAssembly (fsrs-browser, which trains FSRS in a worker) may compile; JavaScript eval stays off.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
});

/** @type {Readonly<Record<string, string>>} */
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * @typedef {object} StaticServerOptions
 * @property {number} [port] Port to listen on; 0 (the default) picks a free one.
 * @property {boolean} [fallbackToFreePort] When `port` is taken, listen on a free port instead of failing.
 * @property {Readonly<Record<string, string>>} [headers] Sent with every response, errors included.
 * @property {boolean} [unref] Do not keep the process alive for this server (tests).
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
    void (async () => {
      const found = await locate(root, file);
      if (found.status !== 200 || found.file === undefined) return fail(found.status);
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
