import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Spawn } from '../../scripts/open-browser.mjs';
import { browserOpener, openInBrowser } from '../../scripts/open-browser.mjs';

const URL = 'http://127.0.0.1:5174/';

describe('browserOpener', () => {
  it('uses the platform opener', () => {
    expect(browserOpener(URL, { platform: 'darwin', env: {} })).toEqual({ command: 'open', args: [URL] });
    expect(browserOpener(URL, { platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ command: 'xdg-open', args: [URL] });
    expect(browserOpener(URL, { platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({ command: 'xdg-open', args: [URL] });
    expect(browserOpener(URL, { platform: 'win32', env: {} })).toEqual({ command: 'cmd', args: ['/c', 'start', '""', URL], verbatim: true });
  });

  it('follows BROWSER: none turns it off, anything else names the browser', () => {
    expect(browserOpener(URL, { platform: 'darwin', env: { BROWSER: 'none' } })).toEqual({ skip: 'BROWSER=none' });
    expect(browserOpener(URL, { platform: 'linux', env: { BROWSER: 'None', DISPLAY: ':0' } })).toEqual({ skip: 'BROWSER=none' });
    expect(browserOpener(URL, { platform: 'linux', env: { BROWSER: 'firefox' } })).toEqual({ command: 'firefox', args: [URL] });
  });

  it('does not try on Linux without a display', () => {
    expect(browserOpener(URL, { platform: 'linux', env: {} })).toEqual({ skip: 'no graphical display' });
  });
});

/** A spawn that emits `event` on the child it returns, as Node does once the process started or failed. */
function fakeSpawn(event: 'spawn' | 'error', calls: string[][]): Spawn {
  return (command, args) => {
    calls.push([command, ...args]);
    const child = Object.assign(new EventEmitter(), { unref: () => calls.push(['unref']) });
    queueMicrotask(() => (event === 'spawn' ? child.emit('spawn') : child.emit('error', new Error(`spawn ${command} ENOENT`))));
    return child as unknown as ChildProcess;
  };
}

describe('openInBrowser', () => {
  it('starts the opener and lets it outlive this process', async () => {
    const calls: string[][] = [];
    const result = await openInBrowser(URL, { platform: 'darwin', env: {}, spawn: fakeSpawn('spawn', calls) });
    expect(result).toEqual({ opened: true });
    expect(calls).toEqual([['open', URL], ['unref']]);
  });

  it('reports an opener that does not exist instead of failing', async () => {
    const result = await openInBrowser(URL, { platform: 'linux', env: { DISPLAY: ':0' }, spawn: fakeSpawn('error', []) });
    expect(result).toEqual({ opened: false, reason: 'xdg-open: spawn xdg-open ENOENT' });
  });

  it('reports a missing program for real, through Node’s own spawn', async () => {
    const result = await openInBrowser(URL, { platform: 'linux', env: { BROWSER: '/nonexistent/kata-test-browser' } });
    expect(result.opened).toBe(false);
    expect(result.opened ? '' : result.reason).toContain('ENOENT');
  });

  it('spawns nothing when BROWSER=none', async () => {
    const calls: string[][] = [];
    expect(await openInBrowser(URL, { platform: 'darwin', env: { BROWSER: 'none' }, spawn: fakeSpawn('spawn', calls) })).toEqual({
      opened: false,
      reason: 'BROWSER=none',
    });
    expect(calls).toEqual([]);
  });
});
