import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Spawned binaries and pseudo-terminals are heavy on a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
