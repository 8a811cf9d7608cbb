import { request } from 'node:http';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../electron/app-protocol';
import type { StaticServer } from '../../scripts/static-server.mjs';
import { APP_SECURITY_HEADERS, isServedWithTheApp, resolveRequestPath, startStaticServer } from '../../scripts/static-server.mjs';
import { isServedWithTheApp as servedByAppProtocol } from '../../electron/app-protocol';

let base: string;
let root: string;
let server: StaticServer;

/** A raw request: fetch() would fold `..` segments before they reach the server. */
function rawRequest(origin: string, requestPath: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${requestPath}`, { method, path: requestPath }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kata-static-'));
  root = path.join(base, 'site');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kata</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'app.js.map'), '{"version":3,"sources":[]}');
  await writeFile(path.join(root, 'bench.html'), '<!doctype html><title>Bench</title>');
  await symlink(path.join(root, 'bench.html'), path.join(root, 'assets', 'innocent.js'));
  await writeFile(path.join(base, 'secret.txt'), 'TOP SECRET');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  server = await startStaticServer(root, { headers: APP_SECURITY_HEADERS });
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  it('serves the folder root as index.html, and files with their MIME type', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Kata</title>');
    const script = await fetch(`${server.origin}/assets/app.js?v=1`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('sends the headers it was given with every response, errors included', async () => {
    for (const url of [`${server.origin}/index.html`, `${server.origin}/missing.js`]) {
      const response = await fetch(url);
      for (const [name, value] of Object.entries(APP_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    }
    expect((await fetch(`${server.origin}/missing.js`)).status).toBe(404);
  });

  it('sends the same security headers and MIME types as the app protocol, for pages, assets and errors', async () => {
    const names = ['content-security-policy', 'x-content-type-options', 'cross-origin-opener-policy', 'cross-origin-embedder-policy', 'cache-control', 'content-type'];
    for (const file of ['/index.html', '/assets/app.js', '/missing.js']) {
      const fromApp = await serveAppRequest(root, `app://kata${file}`);
      const fromServer = await fetch(`${server.origin}${file}`);
      expect(fromServer.status, file).toBe(fromApp.status);
      for (const name of names) {
        expect(fromApp.headers.get(name), `${file} ${name}`).not.toBeNull();
        expect(fromServer.headers.get(name), `${file} ${name}`).toBe(fromApp.headers.get(name));
      }
    }
    expect(APP_SECURITY_HEADERS['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  });

  it('refuses the bench page and source maps only when serving the app', async () => {
    const app = await startStaticServer(root, { headers: APP_SECURITY_HEADERS, appOnly: true });
    try {
      for (const file of ['/bench.html', '/BENCH.html?x=1', '/assets/app.js.map', '/assets/app.js%2Emap', '/assets/innocent.js']) {
        const response = await fetch(`${app.origin}${file}`);
        expect(response.status, file).toBe(404);
        expect(await response.text(), file).not.toMatch(/Bench|version/);
      }
      expect((await fetch(`${app.origin}/index.html`)).status).toBe(200);
    } finally {
      await app.close();
    }
    // The benchmark server (npm run bench) serves its own page and maps.
    expect((await fetch(`${server.origin}/bench.html`)).status).toBe(200);
    expect((await fetch(`${server.origin}/assets/app.js.map`)).status).toBe(200);
  });

  it('judges what is not served with the app exactly as the app protocol does', () => {
    for (const file of ['/r/index.html', '/r/bench.html', '/r/a/Bench.HTML', '/r/x.js.map', '/r/x.MAP', '/r/map.js', '/r/bench.html.js', '/r/sub/bench']) {
      expect(isServedWithTheApp(file), file).toBe(servedByAppProtocol(file));
    }
    expect(isServedWithTheApp('/r/bench.html')).toBe(false);
    expect(isServedWithTheApp('/r/x.js.map')).toBe(false);
    expect(isServedWithTheApp('/r/map.js')).toBe(true);
  });

  it.each(['/../secret.txt', '/..%2Fsecret.txt', '/assets/..%2F..%2Fsecret.txt', '/assets/link.txt', '/index.html%00.png', '/%E0%A4%A'])(
    'never serves anything outside its folder: %s',
    async (requestPath) => {
      const response = await rawRequest(server.origin, requestPath);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('SECRET');
    },
  );

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawRequest(server.origin, '/index.html', 'HEAD');
    expect(head).toEqual({ status: 200, body: '' });
    expect((await rawRequest(server.origin, '/index.html', 'POST')).status).toBe(405);
  });
});

describe('startStaticServer on a port that is taken', () => {
  let blocker: Server;
  let takenPort: number;
  beforeAll(async () => {
    blocker = createServer();
    takenPort = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('fails without fallbackToFreePort', async () => {
    await expect(startStaticServer(root, { port: takenPort })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('listens on a free port with fallbackToFreePort, and says so', async () => {
    const fallback = await startStaticServer(root, { port: takenPort, fallbackToFreePort: true });
    try {
      expect(fallback.fellBack).toBe(true);
      expect(fallback.port).not.toBe(takenPort);
      expect((await fetch(`${fallback.origin}/`)).status).toBe(200);
    } finally {
      await fallback.close();
    }
  });
});

describe('resolveRequestPath', () => {
  it('maps request paths into the folder, folders to their index.html', () => {
    expect(resolveRequestPath('/srv/site', '/assets/app.js?x=1')).toBe(path.resolve('/srv/site/assets/app.js'));
    expect(resolveRequestPath('/srv/site', '/docs/')).toBe(path.resolve('/srv/site/docs/index.html'));
    expect(resolveRequestPath('/srv/site', '/..%2F..%2Fetc/passwd')).toBeNull();
  });
});
