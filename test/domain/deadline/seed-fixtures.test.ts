import { describe, expect, it } from "vitest";
import { normalizeDeadline } from "../../../src/domain/deadline/index.js";
import { readDeadlineFixtures } from "../../support/fixtures.js";

const fixtures = readDeadlineFixtures();

const comparable = (s: {
  kind: string;
  milestones: Array<{ start: string | null; due: string; label: string | null; appliesTo: string | null }>;
  recurrence: unknown;
  needsReview: boolean;
}) => ({
  kind: s.kind,
  milestones: s.milestones.map((m) => ({
    start: m.start,
    due: m.due,
    hasLabel: m.label !== null,
    hasAppliesTo: m.appliesTo !== null,
  })),
  recurrence: s.recurrence,
  needsReview: s.needsReview,
});

describe("normalizeDeadline on every seed phrase", () => {
  it("has the whole fixture file", () => expect(fixtures.length).toBe(59));
  for (const fixture of fixtures) {
    it(`reads ${fixture.source}: ${JSON.stringify(fixture.text).slice(0, 80)}`, () => {
      expect(comparable(normalizeDeadline(fixture.text, fixture.context))).toEqual(comparable(fixture.expected));
    });
  }
});
