/**
 * Where the app lives: the privileged `app://kata` origin, its entry URL, and the
 * Content-Security-Policy every response from it carries. One place so the
 * protocol handler, the navigation guard and the IPC sender check agree.
 */
import appSecurity from './app-security.json';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kata';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The app is offline: nothing may be loaded from, or sent to, any network origin.
 * 'unsafe-inline' styles only because React sets style attributes; 'wasm-unsafe-eval' lets
 * WebAssembly compile (fsrs-browser trains personal FSRS weights in a worker) while JavaScript
 * eval stays off. The directives live in app-security.json, which the browser build's static
 * server reads too.
 */
export const CONTENT_SECURITY_POLICY = appSecurity.contentSecurityPolicy.join('; ');

/**
 * The origin (`scheme://host[:port]`) of a URL, or null when it does not parse.
 * Node's `URL#origin` is the string "null" for non-special schemes such as
 * `app:`, so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** True when `url` belongs to one of `origins` (compared exactly, case-insensitively). */
export function isUrlAtOrigin(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.some((allowed) => allowed.toLowerCase() === origin);
}

/**
 * The dev server origin from `KATA_DEV_URL`, accepted only on a loopback host so a
 * stray environment variable can never point the app at the network.
 */
export function devOriginFrom(devUrl: string | undefined): string | null {
  if (!devUrl) return null;
  let parsed: URL;
  try {
    parsed = new URL(devUrl);
  } catch {
    return null;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (!loopback || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  return parsed.origin;
}
