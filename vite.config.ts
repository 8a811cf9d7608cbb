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
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        main: here('renderer/index.html'),
        bench: here('renderer/bench.html'),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1' },
});
