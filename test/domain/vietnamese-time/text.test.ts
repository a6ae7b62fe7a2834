import { describe, expect, it } from "vitest";
import { cleanCellText, foldVietnamese } from "../../../src/domain/vietnamese-time/text.js";
import { tokenize } from "../../../src/domain/vietnamese-time/tokens.js";

describe("cleanCellText", () => {
  it("turns NFD into NFC, strips HTML and entities, and collapses spaces", () => {
    const raw = "<p>Trước&nbsp;ngày<br/>28/01/2025 &amp; <b>Quý I</b></p>".normalize("NFD");
    expect(cleanCellText(raw)).toBe("Trước ngày 28/01/2025 & Quý I");
  });
  it("makes every dash ASCII and every odd space a plain one", () => {
    expect(cleanCellText("Tháng 11\u201312/2025\u00a0\u2009")).toBe("Tháng 11-12/2025");
  });
  it("keeps text that is already clean unchanged", () => {
    expect(cleanCellText("Thường xuyên")).toBe("Thường xuyên");
  });
});

describe("foldVietnamese", () => {
  it("folds case and accents, one character per character", () => {
    expect(foldVietnamese("Qúy Quý HẰNG hàng Đối")).toBe("quy quy hang hang doi");
    const text = "İ Trước";
    expect(foldVietnamese(text)).toHaveLength(text.length);
  });
});

describe("tokenize", () => {
  it("splits numbers, words and marks with offsets into the cleaned text", () => {
    const cleaned = "Trước 28/01/2025";
    const tokens = tokenize(cleaned);
    expect(tokens.map((t) => [t.kind, t.fold])).toEqual([
      ["word", "truoc"],
      ["number", "28"],
      ["punct", "/"],
      ["number", "01"],
      ["punct", "/"],
      ["number", "2025"],
    ]);
    expect(tokens.map((t) => cleaned.slice(t.start, t.end))).toEqual(["Trước", "28", "/", "01", "/", "2025"]);
    expect(tokens[3]).toMatchObject({ value: 1, digits: 2 });
  });
});
