import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The built app ships a strict CSP (renderer/index.html). Vite's dev server needs
 * its websocket and React Refresh's inline preamble, so only `vite serve` relaxes it.
 */
function devCsp(): Plugin {
  return {
    name: 'kata-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(
        /script-src 'self'/,
        "script-src 'self' 'unsafe-inline'",
      ).replace(/connect-src 'self'/, "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devCsp()],
  resolve: {
    alias: [
      // Its "browser" build decodes HTML entities by setting innerHTML on a DOM element made at load time,
      // which throws in the import parse worker (no DOM). The plain build reads a table: same result everywhere.
      {
        find: /^decode-named-character-reference$/,
        replacement: here('node_modules/decode-named-character-reference/index.js'),
      },
    ],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The app is served as-is at app://kata (and by `npm start` in a browser): no source maps in it.
    sourcemap: false,
    // Only the app. The benchmark page and what it alone pulls in (mermaid) build into
    // dist/bench with vite.bench.config.ts, so they never ship or get served with the app.
    rolldownOptions: { input: here('renderer/index.html') },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1' },
});
