import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    globalSetup: ['tests/helpers/temp-root.ts'],
  },
});
