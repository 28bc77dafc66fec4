import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built CLI: build once before any test runs. Scratch files go in one directory per run, removed after it.
    globalSetup: ['test/helpers/build.ts', 'test/helpers/tmp.ts'],
    testTimeout: 30_000,
  },
});
