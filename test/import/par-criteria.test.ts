import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flattenCriteria, automaticRuleOf } from "../../src/domain/par/index.js";
import { ImportError } from "../../src/import/import-error.js";
import { interpretCriteria } from "../../src/import/par/interpret-criteria.js";
import { readCriteriaFile } from "../../src/import/par/read-criteria-file.js";
import { readXlsxDocument } from "../../src/import/readers/xlsx.js";

const fixture = (name: string) => new URL(`../fixtures/par/${name}`, import.meta.url);

/** The golden table: code, name, maximum, written beside the document, not by the parser. */
function golden(name: string): Array<{ code: string; name: string; maxPoints: number }> {
  const [, ...lines] = readFileSync(fixture(name), "utf8").trim().split("\n");
  return lines.map((line) => {
    const [code, criterion, max] = line.split("\t") as [string, string, string];
    return { code, name: criterion, maxPoints: Number(max) };
  });
}

describe("par import: the criteria sets", () => {
  it.each([
    ["binh-duong-xa-2026.docx", "binh-duong", 75],
    ["quang-tri-xa-2026.xlsx", "quang-tri", 14],
    ["ha-tinh-xa-2026.pdf", "ha-tinh", 13],
  ])("reads every code, name and maximum of %s as its golden table", async (file, province, count) => {
    const draft = await readCriteriaFile(file, readFileSync(fixture(file)), { province, year: 2026 });
    const got = flattenCriteria(draft.criteria).map((c) => ({ code: c.code, name: c.name, maxPoints: c.maxPoints }));
    expect(got).toEqual(golden(file.replace(/\.\w+$/, ".golden.tsv")));
    expect(got).toHaveLength(count);
    expect(draft.warnings).toEqual([]);
  });

  it("keeps the shipped set's tree, totals, scoring and evidence texts and its source", async () => {
    const draft = await readCriteriaFile("binh-duong-xa-2026.docx", readFileSync(fixture("binh-duong-xa-2026.docx")), {
      province: "binh-duong",
      year: 2026,
    });
    expect(draft.set.title).toMatch(/^BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH/);
    expect(draft.set.source).toContain("2071/QĐ-UBND");
    expect(draft.criteria.map((c) => c.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(draft.criteria.reduce((sum, c) => sum + c.maxPoints, 0)).toBe(100);
    const plan = flattenCriteria(draft.criteria).find((c) => c.code === "1.1.2");
    expect(plan?.scoring).toBe(
      "Hoàn thành 100% kế hoạch: 2 điểm; từ 80% đến dưới 100% kế hoạch: 1 điểm; dưới 80% kế hoạch: 0 điểm",
    );
    expect(plan?.evidence).toContain("Báo cáo kết quả CCHC năm");
    const automatic = flattenCriteria(draft.criteria)
      .filter((c) => automaticRuleOf(c))
      .map((c) => `${c.code}:${automaticRuleOf(c)?.kind}`);
    expect(automatic).toEqual([
      "1.1.1:plan-issued",
      "1.1.2:plan-completion",
      "1.2:reports-on-time",
      "1.5:superior-tasks-on-time",
    ]);
    // Every row is explained: the header, the column numbers, 75 criteria and the total row.
    expect(draft.explanation.map((e) => e.role).filter((r) => r !== "criterion")).toEqual([
      "header",
      "column-numbers",
      "total",
    ]);
  });

  it("reads the scoring bands of the PDF set as printed over several lines", async () => {
    const draft = await readCriteriaFile("ha-tinh-xa-2026.pdf", readFileSync(fixture("ha-tinh-xa-2026.pdf")), {
      province: "ha-tinh",
      year: 2026,
    });
    const plan = flattenCriteria(draft.criteria).find((c) => c.code === "1.2");
    expect(automaticRuleOf(plan!)).toEqual({
      kind: "plan-completion",
      rule: {
        kind: "share",
        bands: [
          { min: 100, minInclusive: true, max: Infinity, maxInclusive: true, points: 3 },
          { min: 80, minInclusive: true, max: 100, maxInclusive: false, points: 1.5 },
          { min: 0, minInclusive: true, max: 80, maxInclusive: false, points: 0 },
        ],
      },
    });
  });

  it("joins a row without a code to the criterion above and explains a row it cannot place", () => {
    const draft = interpretCriteria(
      {
        fileName: "bo-chi-so.xlsx",
        paragraphs: [],
        tables: [
          {
            rows: [
              { cells: ["STT", "Tiêu chí", "Điểm tối đa", "Cách chấm điểm"], afterPageBreak: false, row: 1 },
              { cells: ["1", "Công tác chỉ đạo", "", ""], afterPageBreak: false, row: 2 },
              { cells: ["1.1", "Ban hành kế hoạch", "1,5", "Đúng hạn: 1,5 điểm;"], afterPageBreak: false, row: 3 },
              { cells: ["", "CCHC năm", "", "chậm: 0,5 điểm"], afterPageBreak: true, row: 4 },
              { cells: ["Ghi chú", "xem hướng dẫn", "", ""], afterPageBreak: false, row: 5 },
            ],
          },
        ],
      },
      { province: "x", year: 2026 },
    );
    const [field] = draft.criteria;
    expect(field).toMatchObject({ code: "1", maxPoints: 1.5 });
    expect(field?.children[0]).toMatchObject({
      code: "1.1",
      name: "Ban hành kế hoạch CCHC năm",
      scoring: "Đúng hạn: 1,5 điểm;\nchậm: 0,5 điểm",
    });
    expect(draft.explanation.map((e) => [e.source.row, e.role, e.reason ?? ""])).toEqual([
      [1, "header", ""],
      [2, "criterion", ""],
      [3, "criterion", ""],
      [4, "continuation", ""],
      [5, "skipped", 'số thứ tự "Ghi chú" không phải mã tiêu chí'],
    ]);
  });

  it("refuses a document with no criteria table, naming the file", async () => {
    const document = await readXlsxDocument("ke-hoach.xlsx", readFileSync(fixture("quang-tri-xa-2026.xlsx")));
    document.tables = [{ rows: [{ cells: ["TT", "Nhiệm vụ", "Thời gian"], afterPageBreak: false }] }];
    expect(() => interpretCriteria(document, { province: "x", year: 2026 })).toThrow(ImportError);
    expect(() => interpretCriteria(document, { province: "x", year: 2026 })).toThrow(
      /^ke-hoach\.xlsx: không tìm thấy bảng chỉ số/,
    );
  });
});
