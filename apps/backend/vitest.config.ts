import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@proyecto06/source'] },
  ssr: { resolve: { conditions: ['@proyecto06/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // PGlite boots a WebAssembly PostgreSQL per test file; argon2 is deliberately slow.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
