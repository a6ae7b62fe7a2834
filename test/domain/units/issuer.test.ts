import { describe, expect, it } from "vitest";
import { issuerOf } from "../../../src/domain/units/index.js";

describe("issuerOf", () => {
  it("has a commune and a province issue as their People's Committee, signed on its behalf by the chairman", () => {
    const committee = { symbol: "UBND", signer: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] };
    expect(issuerOf("Xã Gio Sơn", "commune")).toEqual(committee);
    expect(issuerOf("UBND tỉnh Quảng Trị", "province")).toEqual(committee);
    expect(issuerOf("Tỉnh Quảng Trị", "province")).toEqual(committee);
  });

  it("abbreviates a department by its words' initials without 'và', signed by its director", () => {
    expect(issuerOf("Sở Nội vụ", "department")).toEqual({ symbol: "SNV", signer: ["GIÁM ĐỐC"] });
    expect(issuerOf("Sở Khoa học và Công nghệ", "department").symbol).toBe("SKHCN");
    expect(issuerOf("Ban Dân tộc", "department")).toEqual({ symbol: "BDT", signer: ["THỦ TRƯỞNG CƠ QUAN"] });
  });

  it("treats a department named as a People's Committee as one", () => {
    expect(issuerOf("Ủy ban nhân dân thành phố Huế", "department").symbol).toBe("UBND");
  });
});
