import { defineConfig } from 'vitest/config';

// INFRA_VITEST_JSON (set by .ci/suites/60-infra.sh) adds a JSON report there, for the suite's counts line.
const jsonReport = process.env.INFRA_VITEST_JSON;

export default defineConfig({
  test: {
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    // Terraform and kubectl calls are CPU-bound: test files run in parallel on the 2 cores.
    maxWorkers: 2,
  },
});
