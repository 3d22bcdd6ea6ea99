import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.spec.ts', 'prisma/**/*.spec.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: two files at a time keeps the embedded server and the browser test responsive.
    maxWorkers: 2,
  },
});
