import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Corpus and property tests print tables; keep output readable.
    reporters: ['default'],
    testTimeout: 60_000,
  },
});
