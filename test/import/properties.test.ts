import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ImportError } from "../../src/import/import-error.js";
import { plainCell } from "../../src/import/interpret/cells.js";
import type { SourceDocument } from "../../src/import/source-document.js";
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

const gridCell = fc.constantFrom(
  "",
  "TT",
  "STT",
  "Nội dung",
  "Nhiệm vụ",
  "Đơn vị thực hiện",
  "Chủ trì",
  "Phối hợp",
  "Thời gian hoàn thành",
  "Kinh phí",
  "(1)",
  "(2)",
  "(3)",
  "1",
  "1.1",
  "1000",
  "A",
  "B.",
  "I",
  "II. CẢI CÁCH",
  "Phần I",
  "<b>2</b>",
  "Văn phòng, Tư pháp",
  "Quý II/2026",
  "tiếp theo",
  "- Báo cáo",
);
const gridRow = fc.record({
  cells: fc.array(gridCell, { minLength: 1, maxLength: 8 }),
  merged: fc.array(fc.boolean(), { maxLength: 8 }),
  afterPageBreak: fc.boolean(),
});
const grid = fc.array(fc.array(gridRow, { maxLength: 25 }), { minLength: 1, maxLength: 3 });

describe("any grid of cells", () => {
  it("imports or refuses with an ImportError, and explains every non-empty row once", () => {
    fc.assert(
      fc.property(grid, fc.boolean(), (tables, withHeader) => {
        const document: SourceDocument = {
          fileName: "grid.docx",
          paragraphs: ["KẾ HOẠCH", "Cải cách hành chính năm 2026"],
          tables: tables.map((rows, t) => ({
            rows: [
              ...(withHeader && t === 0
                ? [{ cells: ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"], afterPageBreak: false }]
                : []),
              ...rows.map((r) => ({
                cells: r.cells,
                inherited: r.cells.map((_, i) => r.merged[i] ?? false),
                covered: r.cells.map((c, i) => c === "" && (r.merged[i] ?? false)),
                afterPageBreak: r.afterPageBreak,
              })),
            ].map((row, i) => ({ ...row, row: i + 1 })),
          })),
        };
        let draft;
        try {
          draft = interpretDocument(document);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          return;
        }
        const expected = document.tables.flatMap((table, t) =>
          table.rows
            .filter((row) => row.cells.some((c) => plainCell(c).length > 0))
            .map((row) => `${t + 1}:${row.row}`),
        );
        expect(draft.explanation.map((e) => `${e.table}:${e.source.row}`)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("reads task numbers of any length, 1000 and beyond", () => {
    const rows = ["TT\tNội dung\tChủ trì\tThời hạn", "I\tMỤC MỘT\t\t"];
    for (let n = 998; n <= 1003; n++) rows.push(`${n}\tViệc ${n}\tVăn phòng\tQuý I/2026`);
    const draft = interpretDocument(readTextDocument("x.txt", ["KẾ HOẠCH", "Việc năm 2026", ...rows].join("\n")));
    expect(draft.tasks.map((t) => t.stt)).toEqual(["998", "999", "1000", "1001", "1002", "1003"]);
  });
});
