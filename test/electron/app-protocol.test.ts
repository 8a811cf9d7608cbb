import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../electron/app-origin';
import { handleAppProtocol, registerAppScheme, resolveAppPath, serveAppRequest } from '../../electron/app-protocol';
import { protocol, resetElectronFake } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kata-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kata</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // What a careless build could leave beside the app: never served at app://kata.
  await writeFile(path.join(root, 'assets', 'app.js.map'), '{"version":3,"sources":["../../renderer/main.tsx"]}');
  await writeFile(path.join(root, 'bench.html'), '<!doctype html><title>Bench</title>');
  await mkdir(path.join(root, 'bench'), { recursive: true });
  await writeFile(path.join(root, 'bench', 'BENCH.HTML'), '<!doctype html><title>Bench</title>');
  await symlink(path.join(root, 'bench.html'), path.join(root, 'assets', 'innocent.js'));
  await writeFile(path.join(base, 'secret.txt'), 'TOP SECRET');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('serveAppRequest', () => {
  it('serves the entry page with the CSP header', async () => {
    const response = await serveAppRequest(root, 'app://kata/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // Cross-origin isolated (COOP + COEP), so WebAssembly threads can be used.
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await response.text()).toContain('<title>Kata</title>');
  });

  it('serves assets with their MIME type, and the folder root as index.html', async () => {
    const script = await serveAppRequest(root, 'app://kata/assets/app.js?v=1#x');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await serveAppRequest(root, 'app://kata/')).status).toBe(200);
  });

  it.each([
    'app://kata/../secret.txt',
    'app://kata/%2e%2e/secret.txt',
    'app://kata/..%2Fsecret.txt',
    'app://kata/assets/..%2F..%2Fsecret.txt',
    'app://kata/assets/%2E%2E%5C..%5Csecret.txt',
    'app://kata/assets/link.txt',
    'app://kata/index.html%00.png',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const response = await serveAppRequest(root, url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('SECRET');
  });

  it.each([
    'app://kata/bench.html',
    'app://kata/bench.html?case=import',
    'app://kata/bench/BENCH.HTML',
    'app://kata/bench%2Ehtml',
    'app://kata/assets/app.js.map',
    'app://kata/assets/app.js.MAP',
    'app://kata/assets/app.js%2emap',
    'app://kata/assets/innocent.js',
  ])('serves only the app: no bench page and no source map at %s', async (url) => {
    const response = await serveAppRequest(root, url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const body = await response.text();
    expect(body).not.toContain('Bench');
    expect(body).not.toContain('sources');
  });

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    expect((await serveAppRequest(root, 'app://kata/missing.js')).status).toBe(404);
    expect((await serveAppRequest(root, 'app://kata/assets')).status).toBe(404);
    expect((await serveAppRequest(root, 'app://kata/index.html', 'POST')).status).toBe(405);
  });
});

describe('resolveAppPath', () => {
  it('maps inside the root and refuses encoded escapes', () => {
    expect(resolveAppPath(root, 'app://kata/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://kata')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kata/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(resolveAppPath(root, 'app://kata/%E0%A4%A')).toBeNull();
  });
});

describe('registration', () => {
  beforeEach(() => resetElectronFake());

  it('registers app: as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme(protocol as unknown as Protocol);
    expect(protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
  });

  it('routes app: requests to the renderer folder', async () => {
    handleAppProtocol(protocol as unknown as Protocol, root);
    const handler = protocol.handlers.get('app');
    const response = await handler?.(new Request('app://kata/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
