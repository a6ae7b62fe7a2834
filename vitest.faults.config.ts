import { defineConfig } from "vitest/config";

// The fault tier (`npm run test:faults`) starts and restarts its own Postgres and Redis: one file at a time,
// so two files' restarts and 1,000-message runs do not compete for a small machine's cores.
export default defineConfig({
  test: { include: ["test/faults/**/*.test.ts"], testTimeout: 150_000, hookTimeout: 60_000, fileParallelism: false },
});
