import { describe, expect, it } from "vitest";
import { parseDateInput } from "../../../src/domain/date-input/index.js";
import {
  readDeadlineFixtures,
  readDecemberTypedDates,
  readDucklingCorpus,
  readTypedDates,
} from "../../support/fixtures.js";

describe("typed dates and plan deadlines agree", () => {
  const single = readDeadlineFixtures().filter((f) => f.expected.milestones.length === 1);
  it("has the seed phrases with one milestone", () => expect(single.length).toBeGreaterThan(20));
  for (const fixture of single) {
    it(`types ${JSON.stringify(fixture.text).slice(0, 70)} as the day the plan gives`, () => {
      // Typed on the first day of the plan's period, nothing in the plan has passed yet.
      const reference = fixture.context.period?.start ?? `${fixture.context.planYear}-01-01`;
      const result = parseDateInput(fixture.text, reference);
      expect(result.ok && result.due).toBe(fixture.expected.milestones[0]?.due);
    });
  }
});

describe("Duckling's Vietnamese time corpus (day to year)", () => {
  const corpus = readDucklingCorpus();
  const reference = corpus.reference.slice(0, 10);
  it("reads at least 90% of the items at their grain", () => {
    const misses = corpus.items.filter((item) => {
      const result = parseDateInput(item.text, reference);
      return !(result.ok && result.date === item.value && result.grain === item.grain);
    });
    expect(corpus.items.length).toBe(88);
    expect(misses.length / corpus.items.length).toBeLessThanOrEqual(0.1);
  });
});

describe("dates as people type them in the chat", () => {
  const corpus = readTypedDates();
  it("has hundreds of phrases, with and without diacritics", () => {
    expect(corpus.items.length).toBeGreaterThan(500);
    expect(corpus.items.filter((i) => /^[\x20-\x7e]*$/.test(i.text)).length).toBeGreaterThan(200);
  });
  for (const item of corpus.items) {
    it(`reads ${JSON.stringify(item.text)}`, () => {
      const result = parseDateInput(item.text, corpus.reference);
      if ("due" in item) expect(result.ok && result.due).toBe(item.due);
      else if ("ambiguous" in item)
        expect(!result.ok && result.reason === "ambiguous" && result.choices.map((c) => c.due)).toEqual(item.ambiguous);
      else expect(result).toEqual({ ok: false, reason: item.error });
    });
  }
});

describe("dates of issue 24's kinds typed in December", () => {
  const corpus = readDecemberTypedDates();
  for (const item of corpus.items) {
    it(`reads ${JSON.stringify(item.text)}`, () => {
      const result = parseDateInput(item.text, corpus.reference);
      if ("due" in item) expect(result.ok && result.due).toBe(item.due);
      else if ("ambiguous" in item)
        expect(!result.ok && result.reason === "ambiguous" && result.choices.map((c) => c.due)).toEqual(item.ambiguous);
      else expect(result).toEqual({ ok: false, reason: item.error });
    });
  }
});
