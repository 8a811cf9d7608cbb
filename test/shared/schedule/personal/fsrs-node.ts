/**
 * fsrs-browser in Node, for the tests: its WebAssembly runs here single-threaded (rayon falls
 * back to the calling thread when no pool was started). Its glue imports wasm-bindgen-rayon's
 * worker helper, which listens on `self` at import; Node has none, so a stand-in is set first.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FsrsBrowserModule } from '../../../../renderer/features/settings/personal/fsrs-browser-optimizer';

let loaded: Promise<FsrsBrowserModule> | undefined;

/** fsrs-browser, initialised once per test file. */
export function loadFsrsBrowser(): Promise<FsrsBrowserModule> {
  loaded ??= (async () => {
    const scope = globalThis as unknown as { self?: unknown };
    scope.self ??= { addEventListener: () => undefined };
    const module = await import('fsrs-browser');
    const wasmPath = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
    const exports = module.initSync({ module: readFileSync(wasmPath) });
    return { Fsrs: module.Fsrs, Progress: module.Progress, memory: exports.memory };
  })();
  return loaded;
}
