import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built CLI: build once before any test runs.
    globalSetup: ['test/helpers/build.ts'],
    testTimeout: 30_000,
  },
});
