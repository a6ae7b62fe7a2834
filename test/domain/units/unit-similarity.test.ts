import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALIAS_THRESHOLD,
  editDistance,
  likelyAliases,
  unitNameSimilarity,
} from "../../../src/domain/units/unit-similarity.js";

const similar = (a: string, b: string) => unitNameSimilarity(a, b) >= ALIAS_THRESHOLD;

describe("unitNameSimilarity", () => {
  it.each([
    ["VHXH&TT", "Văn hóa – Xã hội và Thông tin"],
    ["VHXHTT", "Văn hóa – Xã hội và Thông tin"],
    ["VHXH&TT", "Văn hóa, Xã hội & Thông tin"],
    ["VHXXH&TT", "VHXH&TT"],
    ["VHXXH&TT", "Văn hóa – Xã hội và Thông tin"],
    ["VHXH& Thông tin", "VHXH&TT"],
    ["VP UBND", "Văn phòng UBND"],
    ["Vp UBND", "Văn phòng UBND"],
    ["VP-TK", "Văn phòng – Thống kê"],
    ["TP-HT", "Tư pháp – Hộ tịch"],
    ["KT-TC", "Kế toán – Tài chính"],
    ["Bộ phận TN&TKQ", "Bộ phận TN&TKQ xã"],
    ["Van phong Thong ke", "Văn phòng – Thống kê"],
    ["Tu phap - Ho tich", "Tư pháp – Hộ tịch"],
    ["Văn phòng - Thông kê", "Văn phòng – Thống kê"],
    ["Địa chính – Xây dựng", "Địa chinh - Xây dưng"],
  ])("takes %j for %j", (a, b) => {
    expect(similar(a, b)).toBe(true);
    expect(similar(b, a)).toBe(true);
  });

  it.each([
    ["Văn thư", "Văn phòng"],
    ["Tư pháp – Hộ tịch", "Kế toán – Tài chính"],
    ["UBND xã", "Vp UBND"],
    ["Công an xã", "Quân sự xã"],
    ["VHXH&TT", "Văn phòng – Thống kê"],
    ["KT", "Kế toán – Tài chính"],
    ["Kế toán NS, ủy nhiệm thu", "Kế toán – Tài chính"],
    ["Địa chính – Xây dựng", "Địa chính – Nông nghiệp – Môi trường"],
    ["Các ban ngành, đoàn thể", "Các bộ phận chuyên môn"],
  ])("keeps %j and %j apart", (a, b) => {
    expect(similar(a, b)).toBe(false);
  });

  it("gives one for names with one key and zero for an empty one", () => {
    expect(unitNameSimilarity("Văn phòng – Thống kê", "văn phòng thống kê")).toBe(1);
    expect(unitNameSimilarity("", "Văn phòng")).toBe(0);
    expect(unitNameSimilarity("–", "Văn phòng")).toBe(0);
  });

  it("is symmetric, between 0 and 1, and never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const score = unitNameSimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(unitNameSimilarity(b, a)).toBe(score);
      }),
    );
  });
});

describe("editDistance", () => {
  it("counts single-letter edits", () => {
    expect(editDistance("vhxxhtt", "vhxhtt")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("likelyAliases", () => {
  const known = [
    { id: 1, name: "Văn hóa – Xã hội và Thông tin" },
    { id: 2, name: "Văn phòng – Thống kê" },
    { id: 3, name: "VHXH&TT" },
    { id: 4, name: "Tư pháp – Hộ tịch" },
  ];
  it("names the known units a new spelling most likely stands for, best first, never the unit itself", () => {
    expect(likelyAliases("VHXXH&TT", known).map((u) => u.id)).toEqual([3, 1]);
    expect(likelyAliases("VHXH&TT", known).map((u) => u.id)).toEqual([1]);
    expect(likelyAliases("Công an xã", known)).toEqual([]);
  });
});
