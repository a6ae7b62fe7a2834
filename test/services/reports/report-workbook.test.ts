import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../src/i18n/i18n.js";
import type { PaperRow } from "../../../src/services/reports/paper-report.js";
import { buildReportWorkbook } from "../../../src/services/reports/report-workbook.js";

const row = (over: Partial<PaperRow>): PaperRow => ({
  milestoneId: "m",
  taskId: "t",
  planTitle: "KH CCHC 2025",
  section: "I",
  sectionTitle: "CÔNG TÁC CHỈ ĐẠO",
  stt: "1",
  title: "Việc",
  label: null,
  product: null,
  leadUnits: ["Tư pháp"],
  due: null,
  state: "open",
  lateness: "undated",
  shown: "undated",
  colour: "grey",
  completedOn: null,
  daysLate: 0,
  assignee: null,
  evidence: [],
  mark: "",
  ongoing: false,
  references: [],
  lastNote: null,
  ...over,
});

describe("buildReportWorkbook", () => {
  it("shows ongoing duties as their own category, never as waiting for a date", async () => {
    const buffer = await buildReportWorkbook(
      {
        organizationName: "UBND xã Thử",
        planTitles: ["KH CCHC 2025"],
        asOf: "2025-06-10",
        rows: [
          row({ stt: "1", title: "Tiếp công dân", ongoing: true, lateness: "ongoing", shown: "ongoing" }),
          row({ stt: "2", title: "Chưa rõ ngày" }),
        ],
      },
      translatorFor("vi"),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const ratings = new Map<string, [string, string]>();
    let unitTally: unknown[] = [];
    sheet.eachRow((line) => {
      const title = line.getCell(2).text;
      if (/^I\.\d$/.test(line.getCell(1).text)) ratings.set(title, [line.getCell(7).text, line.getCell(8).text]);
      if (title === "Tư pháp") unitTally = (line.values as unknown[]).slice(6, 13);
    });
    expect(ratings.get("Tiếp công dân")).toEqual(["Thường xuyên", "Thường xuyên"]);
    expect(ratings.get("Chưa rõ ngày")![1]).toBe("Chưa có thời hạn");
    // Per unit: total, done, rate, done late, overdue, in progress, ongoing.
    expect(unitTally).toEqual([2, 0, "0%", 0, 0, 1, 1]);
  });
});
