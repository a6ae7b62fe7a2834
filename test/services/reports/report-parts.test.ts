import { describe, expect, it } from "vitest";
import { nextReportPeriod, parseReportPeriod } from "../../../src/services/reports/cchc-report.js";
import { milestoneMark } from "../../../src/services/reports/paper-report.js";
import { completionRate, formatRate, tallyOf } from "../../../src/services/reports/report-tally.js";

describe("milestoneMark", () => {
  it("names a quarterly milestone by its quarter and a monthly one by its month", () => {
    const quarterly = { every: "quarter", day: null } as const;
    expect(milestoneMark({ label: null, due: "2026-09-30" }, { index: 2, count: 4 }, quarterly)).toBe("Quý III");
    expect(
      milestoneMark({ label: null, due: "2026-05-25" }, { index: 4, count: 12 }, { every: "month", day: 25 }),
    ).toBe("Tháng 5");
  });

  it("counts the task's milestones when the schedule names no period, and leaves a task's only one blank", () => {
    expect(milestoneMark({ label: null, due: "2026-06-30" }, { index: 1, count: 4 }, null)).toBe("Lần 2/4");
    expect(milestoneMark({ label: null, due: "2026-06-30" }, { index: 0, count: 1 }, null)).toBe("");
  });

  it("prefers the plan's own label", () => {
    expect(milestoneMark({ label: "báo cáo kết quả", due: "2026-09-30" }, { index: 1, count: 2 }, null)).toBe(
      "Báo cáo kết quả",
    );
  });
});

describe("report tally", () => {
  it("keeps ongoing duties and cancelled work out of the completion rate", () => {
    const tally = tallyOf([
      { state: "done", colour: "green", ongoing: false },
      { state: "done", colour: "orange", ongoing: false },
      { state: "overdue", colour: "red", ongoing: false },
      { state: "open", colour: "blue", ongoing: true },
      { state: "cancelled", colour: "grey", ongoing: false },
    ]);
    expect(tally).toEqual({ total: 5, done: 2, doneLate: 1, overdue: 1, inProgress: 0, ongoing: 1, cancelled: 1 });
    expect(completionRate(tally)).toBeCloseTo(2 / 3);
    expect(formatRate(completionRate(tally))).toBe("66,7%");
    expect(formatRate(completionRate(tallyOf([])))).toBe("—");
  });
});

/** The period a code names; the test fails on a refusal. */
function period(code: string) {
  const parsed = parseReportPeriod(code);
  if (parsed.kind !== "ok") throw new Error(`refused: ${code}`);
  return parsed.period;
}

describe("report periods", () => {
  it("reads quarters, half years and years with their days and Vietnamese names", () => {
    expect(period("2026-Q3")).toEqual({
      code: "2026-Q3",
      from: "2026-07-01",
      to: "2026-09-30",
      label: "quý III năm 2026",
    });
    expect(period("2026-h1")).toMatchObject({
      from: "2026-01-01",
      to: "2026-06-30",
      label: "6 tháng đầu năm 2026",
    });
    expect(period("2026")).toMatchObject({ from: "2026-01-01", to: "2026-12-31", label: "năm 2026" });
    expect(parseReportPeriod("2026-Q5")).toEqual({ kind: "not-found", reason: "period-unknown", subject: "2026-Q5" });
  });

  it("knows the period after, across the year end", () => {
    expect(nextReportPeriod(period("2026-Q4")).code).toBe("2027-Q1");
    expect(nextReportPeriod(period("2026-H1")).code).toBe("2026-H2");
    expect(nextReportPeriod(period("2026-H2")).code).toBe("2027-H1");
    expect(nextReportPeriod(period("2026")).code).toBe("2027");
  });
});
