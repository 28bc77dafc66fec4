import { defineConfig } from 'vitest/config';

// Benchmarks that need the test helpers (mocked AWS): run by `npm run bench`, never by `npm test`.
export default defineConfig({
  test: { include: ['bench/**/*.replay.ts'], testTimeout: 300_000 },
});
