import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // End-to-end tests spawn the CLI and LibreOffice; keep parallelism to the two cores.
    maxWorkers: 2,
    globalSetup: ['tests/helpers/globalSetup.ts'],
  },
});
