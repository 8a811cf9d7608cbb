import { defineConfig } from 'vitest/config';

// End-to-end specs drive a real browser (Chromium, or Electron where its runtime exists)
// against the built app, one file at a time: two cores do not run two browsers well.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
