import { describe, expect, it } from "vitest";
import { resolveUnitList, splitUnitList, unitNameKey } from "../../../src/domain/units/index.js";

describe("splitUnitList", () => {
  it("splits a lead cell on commas and 'và' outside parentheses", () => {
    expect(splitUnitList("UBND xã, Văn phòng – Thống kê")).toEqual(["UBND xã", "Văn phòng – Thống kê"]);
    expect(splitUnitList("Công an xã và Ban Chỉ huy Quân sự")).toEqual(["Công an xã", "Ban Chỉ huy Quân sự"]);
    expect(splitUnitList("Văn phòng (Tư pháp, Hộ tịch)")).toEqual(["Văn phòng (Tư pháp, Hộ tịch)"]);
    expect(splitUnitList("Văn thư")).toEqual(["Văn thư"]);
  });
});

describe("resolveUnitList", () => {
  const known = new Set(["UBND xã", "Văn phòng – Thống kê", "Văn phòng HĐND và UBND"].map(unitNameKey));
  const isKnown = (name: string) => known.has(unitNameKey(name));

  it("keeps a known name whole even when it holds 'và'", () => {
    expect(resolveUnitList("Văn phòng HĐND và UBND", isKnown)).toEqual({
      kind: "known",
      units: ["Văn phòng HĐND và UBND"],
    });
  });

  it("resolves a list whose every part is a known unit, spelling variants included", () => {
    expect(resolveUnitList("UBND xã, Văn phòng - thống kê", isKnown)).toEqual({
      kind: "list",
      units: ["UBND xã", "Văn phòng - thống kê"],
    });
  });

  it("proposes the split when a part is unknown, and nothing for a single unknown name", () => {
    expect(resolveUnitList("UBND xã, Công an xã", isKnown)).toEqual({
      kind: "unknown",
      proposedSplit: ["UBND xã", "Công an xã"],
    });
    expect(resolveUnitList("Công an xã", isKnown)).toEqual({ kind: "unknown", proposedSplit: [] });
  });
});
