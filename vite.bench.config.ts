/**
 * The benchmark page (renderer/bench.html), built by `npm run bench` into dist/bench: the app's
 * config (same plugins and aliases, so cases measure the app's real code) with its own entry
 * and folder, so nothing of it lands in the app build. Source maps help read a failing case.
 */
import { mergeConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import appConfig from './vite.config.ts';

export default mergeConfig(appConfig, {
  build: {
    outDir: '../dist/bench',
    sourcemap: true,
    rolldownOptions: { input: fileURLToPath(new URL('renderer/bench.html', import.meta.url)) },
  },
});
