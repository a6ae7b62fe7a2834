import { configDefaults, defineConfig } from "vitest/config";

/**
 * Files that run alone, after the others: the browser tests (a page's load
 * timing out when another file takes the CPU) and the reader's limits under
 * CPU hogs, which measure against an idle baseline. The rest run two files at
 * a time: most of their time is spent waiting on Postgres, Redis, LibreOffice
 * and emulators, so two at once nearly halve the suite on a 2-core machine.
 */
const alone = ["test/web/*browser*.test.ts", "test/web/admin-pages.test.ts", "test/import/read-under-load.test.ts"];

// test/faults is its own tier (vitest.faults.config.ts): it restarts servers and takes minutes.
const excluded = [...configDefaults.exclude, "test/faults/**"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...excluded, ...alone],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: "alone", include: alone, exclude: excluded, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
