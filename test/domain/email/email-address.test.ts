import { describe, expect, it } from "vitest";
import { normalizeEmailAddress } from "../../../src/domain/email/email-address.js";

describe("normalizeEmailAddress", () => {
  it("trims and lower-cases an address", () => {
    expect(normalizeEmailAddress("  Van.Phong@GioSon.gov.VN ")).toBe("van.phong@gioson.gov.vn");
  });

  it("refuses what is not one plain address", () => {
    for (const input of ["", "vanphong", "a@b", "a@@b.vn", "a b@c.vn", "a@b.vn, c@d.vn", "<a@b.vn>"]) {
      expect(normalizeEmailAddress(input)).toBeNull();
    }
    expect(normalizeEmailAddress(`${"a".repeat(250)}@b.vn`)).toBeNull();
  });
});
