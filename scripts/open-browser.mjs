// @ts-check
/**
 * Opens a URL in the person's default browser, the way Vite and create-react-app do:
 * `BROWSER=none` turns it off, another `BROWSER` value names the program to use. Failing to
 * open is never an error: the caller prints the address either way.
 */
import { spawn as nodeSpawn } from 'node:child_process';

/**
 * @typedef {{ command: string, args: string[], verbatim?: boolean } | { skip: string }} Opener
 */

/**
 * How to open `url` here, or why not to try.
 * @param {string} url
 * @param {{ platform: NodeJS.Platform, env: NodeJS.ProcessEnv }} where
 * @returns {Opener}
 */
export function browserOpener(url, { platform, env }) {
  const chosen = env.BROWSER?.trim();
  if (chosen?.toLowerCase() === 'none') return { skip: 'BROWSER=none' };
  if (chosen) return { command: chosen, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in whose first quoted argument is a window title, hence the "",
  // passed verbatim: Node would otherwise escape the quotes and cmd would read them literally.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url], verbatim: true };
  // Without a display, xdg-open falls back to text browsers that would fight for this terminal.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { skip: 'no graphical display' };
  return { command: 'xdg-open', args: [url] };
}

/**
 * @typedef {(command: string, args: string[], options: import('node:child_process').SpawnOptions) => import('node:child_process').ChildProcess} Spawn
 */

/**
 * Starts the opener and resolves once it has started (or could not be started); does not
 * wait for the browser, which may stay open for hours.
 * @param {string} url
 * @param {{ platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv, spawn?: Spawn }} [options]
 * @returns {Promise<{ opened: true } | { opened: false, reason: string }>}
 */
export function openInBrowser(url, { platform = process.platform, env = process.env, spawn = nodeSpawn } = {}) {
  const opener = browserOpener(url, { platform, env });
  if ('skip' in opener) return Promise.resolve({ opened: false, reason: opener.skip });
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(opener.command, opener.args, {
        stdio: 'ignore',
        detached: true,
        windowsHide: true,
        windowsVerbatimArguments: opener.verbatim === true,
      });
    } catch (error) {
      resolve({ opened: false, reason: `${opener.command}: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    child.once('error', (error) => resolve({ opened: false, reason: `${opener.command}: ${error.message}` }));
    child.once('spawn', () => {
      child.unref();
      resolve({ opened: true });
    });
  });
}
