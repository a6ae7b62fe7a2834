import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FILE_NAME_BYTES, safeFileName, truncateUtf8 } from "../../../src/domain/files/safe-file-name.js";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("safeFileName", () => {
  it("keeps a Vietnamese name as it reads, in NFC", () => {
    expect(safeFileName("Báo cáo kết quả CCHC quý I.pdf".normalize("NFD"))).toBe("Báo cáo kết quả CCHC quý I.pdf");
  });

  it("removes the right-to-left override that disguises an extension, and other invisible characters", () => {
    expect(safeFileName("hoa-don\u202Egpj.exe")).toBe("hoa-dongpj.exe");
    expect(safeFileName("a\u200Bb\u0007c\u0000.docx")).toBe("abc.docx");
  });

  it("cannot climb out of its folder or name a device path", () => {
    expect(safeFileName("../../etc/passwd")).toBe("_.._etc_passwd");
    expect(safeFileName("C:\\Windows\\win.ini")).toBe("C__Windows_win.ini");
    expect(safeFileName("...")).toBe("_");
    expect(safeFileName(". .bashrc")).toBe("bashrc");
    expect(safeFileName("   ", { fallback: "minh-chung" })).toBe("minh-chung");
  });

  it("cuts by UTF-8 bytes, not by UTF-16 units, keeping the extension", () => {
    const long = `${"Kế hoạch triển khai ".repeat(20)}.docx`;
    const safe = safeFileName(long);
    expect(bytes(safe)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(safe.endsWith(".docx")).toBe(true);
    expect(safe.startsWith("Kế hoạch triển khai")).toBe(true);
  });

  it("for any input gives a non-empty name within the byte limit, with no separator or invisible character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (name) => {
        const safe = safeFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(bytes(safe)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(safe).not.toMatch(/[/\\\0\u202E]/);
        expect(safe.startsWith(".")).toBe(false);
        expect(safe).toBe(safe.normalize("NFC"));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("truncateUtf8", () => {
  it("never cuts a character in two", () => {
    expect(truncateUtf8("ệệệ", 7)).toBe("ệệ");
    expect(truncateUtf8("😀a", 3)).toBe("");
    expect(truncateUtf8("abc", 10)).toBe("abc");
  });
});
