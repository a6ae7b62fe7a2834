import { describe, expect, it } from "vitest";
import { normalizeDeadline } from "../../../src/domain/deadline/index.js";
import { readDocumentDeadlines } from "../../support/fixtures.js";

describe("relative and recurring deadlines of documents (test/fixtures/document-deadlines.json)", () => {
  const items = readDocumentDeadlines();
  it("has at least 60 phrases of every kind", () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const kind of ["dated", "recurring", "unscheduled"])
      expect(items.some((i) => i.expected.kind === kind)).toBe(true);
  });
  for (const item of items) {
    const where = item.context.receivedOn ?? item.context.issuedOn ?? String(item.context.planYear);
    it(`reads ${JSON.stringify(item.text)} (${where})`, () => {
      const schedule = normalizeDeadline(item.text, item.context);
      expect({ kind: schedule.kind, dues: schedule.milestones.map((m) => m.due) }).toEqual(item.expected);
      if (schedule.kind === "unscheduled") expect(schedule.needsReview).toBe(true);
    });
  }
});
