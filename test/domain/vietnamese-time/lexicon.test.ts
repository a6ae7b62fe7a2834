import { describe, expect, it } from "vitest";
import {
  carriesDiacritics,
  cleanCellText,
  isWrittenSix,
  numberWordAt,
  scanPieces,
  tokenize,
  yearOf,
} from "../../../src/domain/vietnamese-time/index.js";

const tokens = (text: string) => tokenize(cleanCellText(text));

describe("numberWordAt", () => {
  it.each([
    ["ba", 3],
    ["mười", 10],
    ["mười một", 11],
    ["mười lăm", 15],
    ["hai mươi", 20],
    ["hai mươi mốt", 21],
    ["ba mươi", 30],
    ["sáu", 6],
  ])("reads %j as %i", (text, value) => {
    const words = tokens(text);
    expect(numberWordAt(words, 0)).toEqual({ value, next: words.length });
  });

  it("reads 'sau' as six only when written 'sáu', and 'mười năm' as ten then a year", () => {
    expect(numberWordAt(tokens("sau"), 0)).toBeNull();
    expect(numberWordAt(tokens("mười năm"), 0)).toEqual({ value: 10, next: 1 });
  });
});

describe("isWrittenSix and carriesDiacritics", () => {
  it("tell 'sáu' from 'sau' and accented words from plain ones", () => {
    const [six, after] = tokens("sáu sau");
    expect(isWrittenSix(six)).toBe(true);
    expect(isWrittenSix(after)).toBe(false);
    expect(carriesDiacritics(six as never)).toBe(true);
    expect(carriesDiacritics(after as never)).toBe(false);
  });
});

describe("yearOf", () => {
  it("reads four digits as they are and two digits in this century below 70", () => {
    const [a, b, c, d] = tokens("2025 25 91 123");
    expect(yearOf(a as never)).toBe(2025);
    expect(yearOf(b as never)).toBe(2025);
    expect(yearOf(c as never)).toBe(1991);
    expect(yearOf(d as never)).toBe("invalid");
  });
});

describe("scanPieces", () => {
  const types = (text: string) => scanPieces(tokens(text)).map((p) => p.type);

  it("finds days, units and counts from today", () => {
    expect(types("ngày mai")).toEqual(["relative-day"]);
    expect(types("thứ 6 tuần sau")).toEqual(["weekday", "relative-unit"]);
    expect(types("2 tuần nữa")).toEqual(["count"]);
    expect(types("cuối tháng")).toEqual(["token", "relative-unit"]);
  });

  it("marks an unaccented 'tháng sau' as possibly June, an accented one as next month", () => {
    const plain = scanPieces(tokens("thang sau"))[0];
    const accented = scanPieces(tokens("tháng sau"))[0];
    expect(plain?.type === "relative-unit" && plain.orJune).toBe(true);
    expect(accented?.type === "relative-unit" && accented.orJune).toBe(false);
  });

  it("reads a cited document's number and date as one reference", () => {
    expect(types("số 15/KH-UBND ngày 20/01/2025")).toEqual(["reference"]);
  });

  it("reads a named day as a date", () => {
    const [piece] = scanPieces(tokens("Quốc khánh"));
    expect(piece?.type === "dates" && piece.items[0]?.from).toEqual({ unit: "day", day: 2, month: 9, year: null });
  });
});
