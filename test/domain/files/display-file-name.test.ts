import { describe, expect, it } from "vitest";
import { displayFileName } from "../../../src/domain/files/safe-file-name.js";
import { ImportError } from "../../../src/import/import-error.js";

describe("displayFileName", () => {
  it("removes a right-to-left override and other bidi and control characters", () => {
    expect(displayFileName("ke-hoach\u202Excod.exe")).toBe("ke-hoachxcod.exe");
    expect(displayFileName("\u2066kế\u200Bhoạch\u2069\u0007.docx")).toBe("kếhoạch.docx");
    expect(displayFileName("a\r\nb\t c.pdf")).toBe("ab c.pdf");
  });

  it("keeps the name's own characters, in NFC", () => {
    expect(displayFileName("Kế hoạch 15/KH: CCHC.docx".normalize("NFD"))).toBe("Kế hoạch 15/KH: CCHC.docx");
  });

  it("gives the fallback when nothing visible is left", () => {
    expect(displayFileName("\u202E\u200F")).toBe("_");
    expect(displayFileName("", "ke-hoach")).toBe("ke-hoach");
  });

  it("is what an import error shows", () => {
    const error = new ImportError("tệp rỗng", "ke-hoach\u202Excod.docx");
    expect(error.file).toBe("ke-hoachxcod.docx");
    expect(error.message).toBe("ke-hoachxcod.docx: tệp rỗng");
  });
});
