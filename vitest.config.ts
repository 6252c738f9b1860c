import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // the morphology dictionaries take ~150 ms to load per worker; two workers fit this machine
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
