import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ImportError } from "../../src/import/import-error.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readTextDocument } from "../../src/import/readers/text.js";
import { readCsvDocument } from "../../src/import/readers/csv.js";
import { samplePlan, toTabText } from "../support/plan-files.js";

const cellWords = fc.constantFrom(
  "",
  "1",
  "2",
  "1.1",
  "I",
  "II",
  "<b>III</b>",
  "Văn phòng – Thống kê",
  "Quý I/2025",
  "Thường xuyên",
  "31/02/2025",
  "tiếp theo",
  "- Báo cáo",
  "<p>",
  "(",
  ";",
);
const row = fc.array(cellWords, { minLength: 1, maxLength: 9 }).map((cells) => cells.join("\t"));
const header = "STT\tMục tiêu\tNhiệm vụ\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành";

/** Only ImportError may come out of reading a document: anything else is a bug. */
function readOrImportError(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
  }
}

describe("the table interpreter on any input", () => {
  it("never throws anything but ImportError on random tables under a real header", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(row, fc.constant("")), { maxLength: 40 }), (rows) => {
        readOrImportError(() =>
          interpretDocument(readTextDocument("x.txt", ["KẾ HOẠCH", "Việc năm 2025", header, ...rows].join("\n"))),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("never throws anything but ImportError on arbitrary text or CSV", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        readOrImportError(() => interpretDocument(readTextDocument("x.txt", text), { year: 2025 }));
        readOrImportError(() => interpretDocument(readCsvDocument("x.csv", text), { year: 2025 }));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every numbered task when lines of a real plan are shuffled in blank lines (page breaks)", () => {
    const lines = toTabText(samplePlan).trimEnd().split("\n");
    fc.assert(
      fc.property(fc.array(fc.nat(lines.length - 1), { maxLength: 5 }), (breaks) => {
        const withBreaks = lines.flatMap((line, i) => (breaks.includes(i) && i > 3 ? ["", line] : [line]));
        const draft = interpretDocument(readTextDocument("x.txt", withBreaks.join("\n")));
        expect(draft.tasks.map((t) => `${t.section}.${t.stt}`)).toEqual(["I.1", "I.2", "I.3", "II.1", "II.2"]);
      }),
      { numRuns: 200 },
    );
  });
});
