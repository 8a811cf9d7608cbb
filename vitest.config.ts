import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Generous: a test that waits is a hang to report, not a speed to judge (speed is `npm run bench`), and a loaded machine is slow.
    testTimeout: 60_000,
  },
});
