import { defineConfig } from 'vitest/config';

// Terraform and kubectl calls are slow-ish and CPU-bound: files run in parallel on the 2 cores,
// tests inside a file in order.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
  },
});
