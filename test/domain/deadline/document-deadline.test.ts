import { describe, expect, it } from "vitest";
import { normalizeDeadline, normalizeDocumentDeadline } from "../../../src/domain/deadline/index.js";

const LETTER_OF_DECEMBER = { planYear: 2026, issuedOn: "2026-12-02" };
const dues = (text: string, context: Parameters<typeof normalizeDocumentDeadline>[1]): string[] =>
  normalizeDocumentDeadline(text, context).milestones.map((m) => m.due);

describe("normalizeDocumentDeadline", () => {
  it("reads a day without a year that falls before the document as next year's", () => {
    expect(dues("trước ngày 15/01", LETTER_OF_DECEMBER)).toEqual(["2027-01-15"]);
    expect(dues("Hoàn thành trong tháng 3", LETTER_OF_DECEMBER)).toEqual(["2027-03-31"]);
    expect(dues("trước ngày 20/12", LETTER_OF_DECEMBER)).toEqual(["2026-12-20"]);
  });

  it("keeps a year the writer wrote, even one before the document", () => {
    expect(dues("trước ngày 15/01/2026", LETTER_OF_DECEMBER)).toEqual(["2026-01-15"]);
    expect(dues("Quý I/2026", LETTER_OF_DECEMBER)).toEqual(
      normalizeDeadline("Quý I/2026", LETTER_OF_DECEMBER).milestones.map((m) => m.due),
    );
  });

  it("starts recurring work at its first occurrence on or after the document", () => {
    const monthly = dues("trước ngày 15 hằng tháng", { planYear: 2026, issuedOn: "2026-06-20" });
    expect(monthly[0]).toBe("2026-07-15");
    expect(monthly.every((due) => due >= "2026-06-20")).toBe(true);
  });

  it("reads as a plan's deadline when the document's date is unknown", () => {
    const plan = { planYear: 2026 };
    for (const text of ["trước ngày 15/01", "trước ngày 15 hằng tháng", "Quý III"]) {
      expect(normalizeDocumentDeadline(text, plan)).toEqual(normalizeDeadline(text, plan));
    }
  });
});
