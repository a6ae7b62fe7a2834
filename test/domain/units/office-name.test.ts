import { describe, expect, it } from "vitest";
import { officeNameFromPlan } from "../../../src/domain/units/index.js";

describe("officeNameFromPlan", () => {
  it("takes the office a commune's plan names most (seed 003: Văn phòng HĐND và UBND xã)", () => {
    const names = [
      "Văn phòng HĐND và UBND xã",
      "Phòng Văn hóa - Xã hội",
      "Văn phòng HĐND và UBND xã",
      "Văn phòng HĐND và UBND xã chủ trì phối hợp với Phòng Văn hoá - Xã hội",
    ];
    expect(officeNameFromPlan(names)).toBe("Văn phòng HĐND và UBND xã");
  });

  it("counts the spellings of one office together and keeps the capitalized one", () => {
    const names = [
      ...Array<string>(8).fill("Văn phòng – thống kê"),
      ...Array<string>(3).fill("Văn phòng – Thống kê"),
      "Văn phòng – Thông kê",
      "Văn phòng",
      "UBND xã, Văn phòng – Thống kê",
    ];
    expect(officeNameFromPlan(names)).toBe("Văn phòng – Thống kê");
  });

  it("is null when the plan names no office, or only the government's or a list", () => {
    expect(officeNameFromPlan(["Tư pháp – Hộ tịch", "Công an xã"])).toBeNull();
    expect(officeNameFromPlan(["Văn phòng Chính phủ", "Văn phòng thống kê, Kế toán – Tài chính"])).toBeNull();
    expect(officeNameFromPlan([])).toBeNull();
  });
});
