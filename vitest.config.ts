import { defineConfig } from "vitest/config";

// test/faults is its own tier (vitest.faults.config.ts): it restarts servers and takes minutes.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], exclude: ["test/faults/**", "**/node_modules/**"], testTimeout: 30_000 },
});
