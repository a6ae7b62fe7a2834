import { describe, expect, it } from "vitest";
import { ImportError } from "../../src/import/import-error.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { communePlan, corpusDocx, type DocxVariation, expectedTasks, numberingOf } from "../support/plan-corpus.js";
import { convertWithSoffice } from "../support/soffice.js";

/** The corpus saved by LibreOffice as .odt and .doc and printed to PDF: each must import to the same tasks. */
async function tasksOf(fileName: string, bytes: Buffer) {
  const draft = interpretDocument(await readDocument(fileName, bytes));
  return draft.tasks.map(({ section, stt, lead, support, deadlineTexts }) => ({
    section,
    stt,
    lead,
    support,
    deadlineTexts,
  }));
}

const cases: Array<[DocxVariation, string]> = [
  ["two-level-header", "odt"],
  ["auto-numbered", "odt"],
  ["single-task-column", "pdf"],
  ["two-level-header", "pdf"],
  ["several-tables", "pdf"],
  ["arabic-sections", "pdf"],
  ["reordered-columns", "pdf"],
  ["auto-numbered", "doc:MS Word 97"],
];

describe("the plan as LibreOffice saves and prints it", () => {
  it.each(cases)("imports the %s variation converted to %s", { timeout: 120_000 }, async (variation, format) => {
    const converted = await convertWithSoffice(await corpusDocx(communePlan, variation), ".docx", format);
    const extension = format.split(":")[0] as string;
    expect(await tasksOf(`plan.${extension}`, converted)).toEqual(expectedTasks(communePlan, numberingOf(variation)));
  });

  it("tells the coordinator to save a .doc as .docx when LibreOffice is missing", { timeout: 120_000 }, async () => {
    const doc = await convertWithSoffice(
      await corpusDocx(communePlan, "single-task-column"),
      ".docx",
      "doc:MS Word 97",
    );
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const error = await readDocument("ke-hoach.doc", doc).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(String((error as Error).message)).toMatch(
        /ke-hoach\.doc.*\.doc \(Word 97–2003\).*lưu lại dưới dạng \.docx/,
      );
    } finally {
      process.env.PATH = path;
    }
  });

  it("names an .xls by its format and says what to do when LibreOffice is missing", async () => {
    const ole = Buffer.alloc(1024);
    ole.writeUInt32BE(0xd0cf11e0, 0);
    ole.writeUInt32BE(0xa1b11ae1, 4);
    Buffer.from("Workbook", "utf16le").copy(ole, 600);
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expect(readDocument("bang.xls", ole)).rejects.toThrow(
        /bang\.xls.*\.xls \(Excel 97–2003\).*lưu lại dưới dạng \.xlsx/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
