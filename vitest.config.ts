import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/support/yield-event-loop.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
