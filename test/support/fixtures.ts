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

export function readTypedDates(file = "typed-dates.json"): { reference: string; items: TypedDateItem[] } {
  return JSON.parse(readFileSync(new URL(file, fixturesDir), "utf8")) as {
    reference: string;
    items: TypedDateItem[];
  };
}

/** The dates of issue 24's kinds typed in December (test/fixtures/typed-dates-december.json). */
export function readDecemberTypedDates(): { reference: string; items: TypedDateItem[] } {
  return readTypedDates("typed-dates-december.json");
}

/** One relative or recurring deadline of a document, with the context it is read in and every milestone's due. */
export interface DocumentDeadlineItem {
  text: string;
  context: { planYear: number; issuedOn?: string; receivedOn?: string };
  expected: { kind: Schedule["kind"]; dues: string[] };
}

export function readDocumentDeadlines(): DocumentDeadlineItem[] {
  return (
    JSON.parse(readFileSync(new URL("document-deadlines.json", fixturesDir), "utf8")) as {
      items: DocumentDeadlineItem[];
    }
  ).items;
}
