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

/** One item of Duckling's Vietnamese time corpus: the phrase, the first day of the span meant, and its grain. */
export interface DucklingItem {
  text: string;
  value: string;
  grain: "day" | "week" | "month" | "quarter" | "year";
}

export function readDucklingCorpus(): { reference: string; items: DucklingItem[] } {
  return JSON.parse(readFileSync(new URL("duckling-vi-time.json", fixturesDir), "utf8")) as {
    reference: string;
    items: DucklingItem[];
  };
}

/** One typed date of test/fixtures/typed-dates.json and what it must give. */
export type TypedDateItem = { text: string } & (
  { due: string } | { ambiguous: string[] } | { error: "empty" | "unknown" | "impossible-date" }
);

export function readTypedDates(): { reference: string; items: TypedDateItem[] } {
  return JSON.parse(readFileSync(new URL("typed-dates.json", fixturesDir), "utf8")) as {
    reference: string;
    items: TypedDateItem[];
  };
}
