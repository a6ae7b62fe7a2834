import { describe, expect, it } from "vitest";
import { normalizeDeadline } from "../../../src/domain/deadline/index.js";

const plan2025 = { planYear: 2025 };
const secondHalf2025 = { planYear: 2025, period: { start: "2025-07-01", end: "2025-12-31" } };

type Window = [start: string | null, due: string];
const windowsOf = (text: string, context = plan2025): Window[] =>
  normalizeDeadline(text, context).milestones.map((m) => [m.start, m.due]);

describe("normalizeDeadline on phrasings the seeds do not contain", () => {
  it.each<[string, Window[]]>([
    ["Trước 15/3/2025", [[null, "2025-03-15"]]],
    ["trước ngày 05/09/2025.", [[null, "2025-09-05"]]],
    ["Chậm nhất ngày 20/10/2025", [[null, "2025-10-20"]]],
    ["15/3/25", [[null, "2025-03-15"]]],
    ["Trước ngày 10 tháng 6 năm 2025", [[null, "2025-06-10"]]],
    ["Trước ngày 30/6", [[null, "2025-06-30"]]],
    ["15.3.2025", [[null, "2025-03-15"]]],
    ["Tháng 9/2025", [["2025-09-01", "2025-09-30"]]],
    ["Tháng 02 năm 2025", [["2025-02-01", "2025-02-28"]]],
    ["Trong tháng 4", [["2025-04-01", "2025-04-30"]]],
    ["Tháng 9-10/2025", [["2025-09-01", "2025-10-31"]]],
    ["Từ tháng 6 đến tháng 8 năm 2025", [["2025-06-01", "2025-08-31"]]],
    ["Quý 2/2025", [["2025-04-01", "2025-06-30"]]],
    ["Qúy IV năm 2025", [["2025-10-01", "2025-12-31"]]],
    [
      "Quý I, II năm 2025",
      [
        ["2025-01-01", "2025-03-31"],
        ["2025-04-01", "2025-06-30"],
      ],
    ],
    [
      "Quý I và Quý III/2025",
      [
        ["2025-01-01", "2025-03-31"],
        ["2025-07-01", "2025-09-30"],
      ],
    ],
    ["6 tháng đầu năm", [["2025-01-01", "2025-06-30"]]],
    ["Trong năm 2025", [["2025-01-01", "2025-12-31"]]],
    ["Cả năm", [["2025-01-01", "2025-12-31"]]],
    ["Năm 2026", [["2026-01-01", "2026-12-31"]]],
  ])("reads %j as dated", (text, expected) => {
    const schedule = normalizeDeadline(text, plan2025);
    expect(schedule.kind).toBe("dated");
    expect(windowsOf(text)).toEqual(expected);
    expect(schedule.needsReview).toBe(false);
  });

  it("reads the same cell the same way in NFD, with HTML and line breaks", () => {
    const clean = normalizeDeadline("Quý III, Quý IV năm 2025", plan2025);
    const messy = normalizeDeadline("<p>Quý III,&nbsp;Quý IV\r\n năm   2025</p>".normalize("NFD"), plan2025);
    expect(messy.milestones).toEqual(clean.milestones);
    expect(messy.needsReview).toBe(false);
  });

  it.each<[string, string, number | null, number]>([
    ["Hằng tháng", "month", null, 12],
    ["hàng quý", "quarter", null, 4],
    ["Định kỳ hằng quý", "quarter", null, 4],
    ["Hằng năm", "year", null, 1],
    ["Ngày 20 hàng tháng", "month", 20, 12],
    ["Hàng tháng hoặc khi có yêu cầu", "month", null, 12],
  ])("reads %j as recurring every %s", (text, every, day, count) => {
    const schedule = normalizeDeadline(text, plan2025);
    expect(schedule.kind).toBe("recurring");
    expect(schedule.recurrence).toEqual({ every, day });
    expect(schedule.milestones).toHaveLength(count);
  });

  it("keeps only the occurrences of a recurring phrase inside the plan period", () => {
    const schedule = normalizeDeadline("Hàng quý", secondHalf2025);
    expect(schedule.milestones.map((m) => [m.start, m.due])).toEqual([
      ["2025-07-01", "2025-09-30"],
      ["2025-10-01", "2025-12-31"],
    ]);
    expect(normalizeDeadline("Định kỳ ngày 25 hàng tháng", secondHalf2025).milestones.map((m) => m.due)).toEqual([
      "2025-07-25",
      "2025-08-25",
      "2025-09-25",
      "2025-10-25",
      "2025-11-25",
      "2025-12-25",
    ]);
  });

  it.each(["Thường xuyên", "Liên tục", "thường xuyên."])("reads %j as ongoing", (text) => {
    expect(normalizeDeadline(text, plan2025)).toMatchObject({ kind: "ongoing", milestones: [], needsReview: false });
  });

  it.each([
    "Theo yêu cầu",
    "Theo chỉ đạo của UBND tỉnh",
    "Theo văn bản hướng dẫn của Sở Nội vụ",
    "Căn cứ kế hoạch của huyện năm 2025",
    "Đột xuất",
    "",
    "   ",
  ])("cannot date %j and asks for review", (text) => {
    expect(normalizeDeadline(text, plan2025)).toMatchObject({ kind: "unscheduled", milestones: [], needsReview: true });
  });

  it.each([
    "31/02/2025",
    "29/02/2025",
    "32/1/2025",
    "Trước ngày 31/4/2025",
    "Tháng 13/2025",
    "Quý V/2025",
    "0/2025",
    "82/2025",
  ])("never shifts the impossible date %j into a real one", (text) => {
    const schedule = normalizeDeadline(text, plan2025);
    expect(schedule.kind).toBe("unscheduled");
    expect(schedule.milestones).toEqual([]);
    expect(schedule.needsReview).toBe(true);
  });

  it("keeps a year written in the text even before the plan period", () => {
    expect(windowsOf("Trước ngày 30/11/2024", secondHalf2025)).toEqual([[null, "2024-11-30"]]);
  });

  it("splits a cell by level, each milestone with who it applies to", () => {
    const schedule = normalizeDeadline("- Cấp huyện: trước ngày 15/01/2025\n- Cấp xã: trước ngày 20/01/2025", plan2025);
    expect(schedule.milestones).toEqual([
      { start: null, due: "2025-01-15", label: null, appliesTo: "Cấp huyện" },
      { start: null, due: "2025-01-20", label: null, appliesTo: "Cấp xã" },
    ]);
  });

  it("labels the milestones of a cell that names what each date is for", () => {
    const schedule = normalizeDeadline(
      "Xây dựng kế hoạch trong quý I; báo cáo kết quả trước ngày 15/12/2025",
      plan2025,
    );
    expect(schedule.milestones.map((m) => [m.due, m.label !== null])).toEqual([
      ["2025-03-31", true],
      ["2025-12-15", true],
    ]);
  });

  it("keeps a date next to words it did not understand, and asks for review", () => {
    const schedule = normalizeDeadline("Trước 28/01/2025 tùy tình hình xyz", plan2025);
    expect(schedule.milestones.map((m) => m.due)).toEqual(["2025-01-28"]);
    expect(schedule.needsReview).toBe(true);
  });

  it("asks for review when a clause of its own holds no Vietnamese word", () => {
    const schedule = normalizeDeadline("Tháng 02/2025. vgl", plan2025);
    expect(schedule.milestones.map((m) => m.due)).toEqual(["2025-02-28"]);
    expect(schedule.needsReview).toBe(true);
  });

  it.each([
    "Theo Kế hoạch số 15/KH-UBND ngày 20/01/2025",
    "Thực hiện theo Quyết định 1234/QĐ-UBND ngày 5/3/2025 của UBND tỉnh",
    "Căn cứ Công văn số 123/UBND-VX, ngày 12/02/2025",
    "Theo Thông báo số 45/TB-VP ngày 01/4/2025",
  ])("reads the date of a cited document as no deadline: %j", (text) => {
    const schedule = normalizeDeadline(text, plan2025);
    expect(schedule.kind).toBe("unscheduled");
    expect(schedule.needsReview).toBe(true);
  });

  it("keeps the deadline beside a cited document and drops the citation's date", () => {
    expect(windowsOf("Trước 30/6/2025 (theo KH số 15/KH-UBND ngày 20/01/2025)")).toEqual([[null, "2025-06-30"]]);
  });

  it.each(["Hạn chót: 30/6/2025", "Thời hạn: 30/6/2025", "Thời gian hoàn thành: 30/6/2025", "Deadline: 30/6/2025"])(
    "reads a deadline label as no unit: %j",
    (text) => {
      expect(normalizeDeadline(text, plan2025).milestones).toEqual([
        { start: null, due: "2025-06-30", label: null, appliesTo: null },
      ]);
    },
  );

  it("puts a day named in one month of each period on that day", () => {
    expect(normalizeDeadline("Hằng quý (trước ngày 12 tháng cuối quý)", plan2025).milestones.map((m) => m.due)).toEqual(
      ["2025-03-12", "2025-06-12", "2025-09-12", "2025-12-12"],
    );
    expect(normalizeDeadline("Hàng năm, trước ngày 20 tháng cuối năm", plan2025).milestones.map((m) => m.due)).toEqual([
      "2025-12-20",
    ]);
    expect(normalizeDeadline("Hằng quý, ngày 5 tháng đầu quý", secondHalf2025).milestones.map((m) => m.due)).toEqual([
      "2025-07-05",
      "2025-10-05",
    ]);
  });

  it("reads months and days written in words", () => {
    expect(windowsOf("Trong tháng sáu")).toEqual([["2025-06-01", "2025-06-30"]]);
    expect(windowsOf("Tháng mười một năm 2025")).toEqual([["2025-11-01", "2025-11-30"]]);
    expect(windowsOf("Trước mồng 5 tháng 4")).toEqual([[null, "2025-04-05"]]);
    expect(windowsOf("Quý ba")).toEqual([["2025-07-01", "2025-09-30"]]);
  });

  it.each([
    // Tết Ất Tỵ was 29/01/2025, Tết Trung thu 06/10/2025.
    ["Rằm tháng giêng", "2025-02-12"],
    ["Trước ngày 15 tháng 8 âm lịch", "2025-10-06"],
  ])("reads a lunar date on the lunar calendar, never as a solar one: %j", (text, due) => {
    const schedule = normalizeDeadline(text, plan2025);
    expect(schedule.kind).toBe("dated");
    expect(schedule.milestones.map((m) => m.due)).toEqual([due]);
    expect(schedule.needsReview).toBe(false);
  });

  it("reads '6 tháng 1 lần' as a rhythm, not as 1 June", () => {
    expect(normalizeDeadline("6 tháng 1 lần", plan2025).recurrence).toEqual({ every: "half-year", day: null });
  });

  it("asks for review of a date counted from a today a plan does not have", () => {
    expect(normalizeDeadline("Trước 30/6/2025, 2 tuần nữa báo cáo", plan2025).needsReview).toBe(true);
  });

  it("merges milestones that share a due day", () => {
    expect(windowsOf("Quý IV; trước ngày 31/12/2025")).toEqual([["2025-10-01", "2025-12-31"]]);
  });

  it("refuses a context whose period is not a real, ordered range", () => {
    expect(() =>
      normalizeDeadline("Quý I", { planYear: 2025, period: { start: "2025-12-31", end: "2025-01-01" } }),
    ).toThrow();
    expect(() => normalizeDeadline("Quý I", { planYear: 2025.5 })).toThrow();
  });
});
