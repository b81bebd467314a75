import { defineConfig } from 'vitest/config';

// Unit and API tests: everything but the browser tests (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'data/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
