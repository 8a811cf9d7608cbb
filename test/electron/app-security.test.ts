/**
 * One source for how the app is served (electron/app-security.json): the desktop protocol,
 * the browser build's server and the page's own meta CSP all say the same thing.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/app-origin';
import appSecurity from '../../electron/app-security.json';
import { APP_SECURITY_HEADERS } from '../../scripts/static-server.mjs';

describe('app-security.json', () => {
  it('is what both the app protocol and the static server send', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(appSecurity.contentSecurityPolicy.join('; '));
    expect(APP_SECURITY_HEADERS).toEqual({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...appSecurity.headers });
  });

  it('matches the meta CSP of renderer/index.html, which cannot carry frame-ancestors', async () => {
    const html = await readFile(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    expect(meta).toBeDefined();
    const withoutFrameAncestors = appSecurity.contentSecurityPolicy.filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta).toBe(withoutFrameAncestors.join('; '));
  });

  it('never serves source maps or the bench page with the app', () => {
    expect(appSecurity.notServedWithTheApp.extensions).toContain('.map');
    expect(appSecurity.notServedWithTheApp.fileNames).toContain('bench.html');
  });
});
