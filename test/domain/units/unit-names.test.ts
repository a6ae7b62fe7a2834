import { describe, expect, it } from "vitest";
import { splitUnitCell, unitNameKey } from "../../../src/domain/units/index.js";

describe("unitNameKey", () => {
  it("gives one key to spellings that differ only in case, accents, dashes and spacing", () => {
    const keys = ["Văn phòng – Thống kê", "Văn phòng - thống kê", "Văn phòng thống kê", "VĂN PHÒNG  THỐNG KÊ"].map(
      unitNameKey,
    );
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe("van phong thong ke");
  });
  it("keeps different units apart and does not guess abbreviations", () => {
    expect(unitNameKey("Tư pháp – Hộ tịch")).not.toBe(unitNameKey("Tư pháp"));
    expect(unitNameKey("VP-TK")).toBe("vp tk");
  });
});

describe("splitUnitCell", () => {
  it("splits on ';' only, outside parentheses, and strips bullets and trailing punctuation", () => {
    expect(splitUnitCell("Vp UBND; các cơ quan được giao nhiệm vụ tham mưu CCHC")).toEqual([
      "Vp UBND",
      "các cơ quan được giao nhiệm vụ tham mưu CCHC",
    ]);
    expect(splitUnitCell("- Sở Tư pháp;")).toEqual(["Sở Tư pháp"]);
    expect(splitUnitCell("UBND xã, Văn phòng – Thống kê")).toEqual(["UBND xã, Văn phòng – Thống kê"]);
    expect(splitUnitCell("Sở Tài chính (chủ trì; phối hợp)")).toEqual(["Sở Tài chính (chủ trì; phối hợp)"]);
  });
  it("drops empty parts and repeats, and reads HTML cells", () => {
    expect(splitUnitCell("<p>Văn phòng</p>; ; Văn phòng")).toEqual(["Văn phòng"]);
    expect(splitUnitCell("")).toEqual([]);
  });
});
