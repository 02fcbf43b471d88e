import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    env: { LEADLEDGER_VALIDATE_OUTPUT: '1' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
