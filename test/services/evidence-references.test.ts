import { describe, expect, it } from "vitest";
import { citeReference, parseDocumentReference } from "../../src/services/evidence-references.js";

describe("parseDocumentReference", () => {
  it("reads type, number/symbol, date and issuer from the way offices cite a document", () => {
    expect(parseDocumentReference("Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã Gio Sơn")).toEqual({
      ok: true,
      reference: {
        documentType: "Kế hoạch",
        numberSymbol: "15/KH-UBND",
        issuedOn: "2026-01-20",
        issuer: "UBND xã Gio Sơn",
      },
    });
  });

  it("takes the type from the symbol and the issuer after the date when the words are left out", () => {
    expect(parseDocumentReference("123/QĐ-UBND, 5.3.2026, UBND huyện Gio Linh")).toEqual({
      ok: true,
      reference: {
        documentType: "Quyết định",
        numberSymbol: "123/QĐ-UBND",
        issuedOn: "2026-03-05",
        issuer: "UBND huyện Gio Linh",
      },
    });
  });

  it("calls a symbol without a type abbreviation a công văn and reads a worded date", () => {
    const parsed = parseDocumentReference("số 45/UBND-VP ngày 02 tháng 4 năm 2026 của UBND xã");
    expect(parsed).toMatchObject({
      ok: true,
      reference: { documentType: "Công văn", numberSymbol: "45/UBND-VP", issuedOn: "2026-04-02", issuer: "UBND xã" },
    });
  });

  it("refuses a date that does not exist, a missing number, date or issuer", () => {
    expect(parseDocumentReference("Kế hoạch số 15/KH-UBND ngày 30/02/2026 của UBND xã")).toEqual({
      ok: false,
      reason: "impossible-date",
    });
    expect(parseDocumentReference("Kế hoạch tuyên truyền ngày 20/01/2026")).toEqual({ ok: false, reason: "no-number" });
    expect(parseDocumentReference("Kế hoạch số 15/KH-UBND của UBND xã")).toEqual({ ok: false, reason: "no-date" });
    expect(parseDocumentReference("Kế hoạch số 15/KH-UBND ngày 20/01/2026")).toEqual({
      ok: false,
      reason: "no-issuer",
    });
  });

  it("cites a reference back in the form it was read from", () => {
    const text = "Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã Gio Sơn";
    const parsed = parseDocumentReference(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(citeReference(parsed.reference)).toBe(text);
  });
});
