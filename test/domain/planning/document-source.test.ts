import { describe, expect, it } from "vitest";
import { documentSourceName, isAssigningDocument } from "../../../src/domain/planning/index.js";

describe("documentSourceName", () => {
  it("names a notice by kind, number, date and issuer", () => {
    expect(
      documentSourceName({
        kind: "Thông báo",
        number: "25/TB-UBND",
        issuedOn: "2026-12-02",
        issuer: "UBND xã Gio Sơn",
      }),
    ).toBe("Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn");
  });

  it("leaves out what the document did not give", () => {
    expect(documentSourceName({ kind: "Công văn", number: null, issuedOn: "2026-12-05", issuer: null })).toBe(
      "Công văn ngày 05/12/2026",
    );
  });

  it("names no source for the annual plan or a plan imported before kinds were read", () => {
    expect(documentSourceName({ kind: "Kế hoạch", number: "12/KH-UBND", issuedOn: "2026-01-05", issuer: "x" })).toBe(
      null,
    );
    expect(documentSourceName({ kind: null, number: null, issuedOn: null, issuer: null })).toBe(null);
    expect(isAssigningDocument("Chương trình")).toBe(false);
    expect(isAssigningDocument("Chỉ thị")).toBe(true);
  });
});
