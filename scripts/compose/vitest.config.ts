import { defineConfig } from 'vitest/config';

// The resilience suite (`npm run test:resilience`): one file, its scenarios in order, against one stack.
export default defineConfig({
  test: {
    include: ['scripts/compose/resilience/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // The closing table is printed by the suite itself; keep the console output in order with it.
    disableConsoleIntercept: true,
  },
});
