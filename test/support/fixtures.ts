/** The test fixtures (test/fixtures: the five public seed plans, their golden tables and deadline phrases), read the same way by tests and benchmarks. */
import { readFileSync } from "node:fs";
import type { DeadlineContext, Schedule } from "../../src/domain/deadline/index.js";

export const fixturesDir = new URL("../fixtures/", import.meta.url);

export interface DeadlineFixture {
  source: string;
  text: string;
  context: DeadlineContext;
  expected: Omit<Schedule, "text">;
}

export function readDeadlineFixtures(): DeadlineFixture[] {
  return readFileSync(new URL("deadlines.seed.jsonl", fixturesDir), "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as DeadlineFixture);
}
