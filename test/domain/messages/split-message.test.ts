import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitMessage, ZALO_TEXT_LIMIT } from "../../../src/domain/messages/index.js";

const words = (text: string) => text.split(/\s+/).filter((w) => w !== "");
const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");
const withoutSpace = (text: string) => text.replace(/\s+/g, "");

/** Text made of Vietnamese words, spaces and line breaks, some lines long. */
const vietnameseText = fc
  .array(
    fc.oneof(
      fc.constantFrom("Xây", "dựng", "Kế", "hoạch", "cải", "cách", "hành", "chính", "năm", "2026", "Sở", "Nội", "vụ"),
      fc.constantFrom(" ", " ", " ", "\n", "\n\n", "  "),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).filter((s) => !/\s/.test(s)),
    ),
    { maxLength: 400 },
  )
  .map((pieces) => pieces.join(""));

describe("splitMessage", () => {
  it("gives a message that fits back unchanged, and nothing for blank text", () => {
    expect(splitMessage("Xin chào\n\n1. Việc A")).toEqual(["Xin chào\n\n1. Việc A"]);
    expect(splitMessage("a".repeat(ZALO_TEXT_LIMIT))).toEqual(["a".repeat(ZALO_TEXT_LIMIT)]);
    expect(splitMessage("  \n\n ")).toEqual([]);
  });

  it("cuts a reminder with many tasks between task lines, under 2,000 characters each", () => {
    const line = (i: number) =>
      `🔴 ${i}. II.${i} Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền — Hạn: 30/11/2026`;
    const text = Array.from({ length: 60 }, (_, i) => line(i + 1)).join("\n");
    expect(text.length).toBeGreaterThan(2 * ZALO_TEXT_LIMIT);
    const parts = splitMessage(text);
    expect(parts.length).toBe(Math.ceil(text.length / ZALO_TEXT_LIMIT));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(parts.flatMap(lines)).toEqual(lines(text));
  });

  it("cuts a single long line between words, never inside one", () => {
    const text = Array.from({ length: 700 }, (_, i) => `từ${i}`).join(" ");
    const parts = splitMessage(text, 100);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part).toBe(part.trim());
    }
    expect(parts.flatMap(words)).toEqual(words(text));
  });

  it("cuts a word longer than the limit (a long link) only where it must, keeping every character", () => {
    const link = `https://nhacviec.example/t/${"x".repeat(250)}`;
    const text = `Mở: ${link} rồi bấm Xong`;
    const parts = splitMessage(text, 100);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
    expect(withoutSpace(parts.join(""))).toBe(withoutSpace(text));
    // The words around the link are whole; the link's pieces are full parts but the last.
    expect(parts.flatMap(words).filter((w) => !/x{5}|https/.test(w))).toEqual(["Mở:", "rồi", "bấm", "Xong"]);
    expect(parts.filter((p) => /^x+$/.test(p)).every((p) => p.length === 100)).toBe(true);
  });

  it("never cuts an emoji in two nor a decomposed Vietnamese letter from its accent", () => {
    const emoji = "😀".repeat(30); // 60 UTF-16 units, no spaces
    for (const part of splitMessage(emoji, 9)) expect(part).toMatch(/^(?:😀)+$/u);
    const decomposed = "việc".normalize("NFD").repeat(20);
    const parts = splitMessage(decomposed, 7);
    for (const part of parts) expect(part.normalize("NFC")).toMatch(/^(?:việc|iệc|ệc|c|v|vi|việ)+$/u);
    expect(parts.join("")).toBe(decomposed);
  });

  it("drops the blank lines and indentation that alone would push a part over the limit", () => {
    expect(splitMessage(` ${"a".repeat(10)}`, 10)).toEqual(["a".repeat(10)]);
    expect(splitMessage(`\n\n${"b".repeat(10)}\n${"c".repeat(10)}`, 10)).toEqual(["b".repeat(10), "c".repeat(10)]);
  });

  it("refuses a limit that cannot hold a character", () => {
    expect(() => splitMessage("abc", 1)).toThrow(RangeError);
  });

  it("keeps every word, in order, in parts within the limit, on any text (property)", () => {
    fc.assert(
      fc.property(vietnameseText, fc.integer({ min: 30, max: 300 }), (text, limit) => {
        const parts = splitMessage(text, limit);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          expect(part.length).toBeLessThanOrEqual(limit);
          expect(part.trim()).not.toBe("");
        }
        expect(withoutSpace(parts.join(""))).toBe(withoutSpace(text));
        // A word that fits is never cut.
        if (words(text).every((word) => word.length <= limit)) expect(parts.flatMap(words)).toEqual(words(text));
        // And when every line fits, parts are made of whole lines.
        if (text.split("\n").every((line) => line.length <= limit)) {
          expect(parts.flatMap(lines).map((l) => l.trim())).toEqual(lines(text).map((l) => l.trim()));
        }
      }),
      { numRuns: 300 },
    );
  });
});
