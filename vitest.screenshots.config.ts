import { defineConfig } from 'vitest/config';

// `npm run screenshots`: pictures of every screen for people to look at, not tests. Kept out
// of `npm test` so a test run never rewrites the tracked README images (docs/*.png).
export default defineConfig({
  test: {
    include: ['test/screenshots/**/*.screenshots.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
