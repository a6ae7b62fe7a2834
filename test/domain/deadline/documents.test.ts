import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../../src/domain/calendar/index.js";
import {
  type DeadlineContext,
  InvalidDeadlineContextError,
  normalizeDeadline,
} from "../../../src/domain/deadline/index.js";

// A Thông báo kết luận signed on Wednesday 02/12/2026.
const DOC: DeadlineContext = { planYear: 2026, issuedOn: "2026-12-02" };
const dues = (text: string, context: DeadlineContext = DOC) =>
  normalizeDeadline(text, context).milestones.map((m) => m.due);

describe("deadlines counted from the document's date or its receipt", () => {
  it("counts working days from the day the office received the document", () => {
    const received = { ...DOC, receivedOn: "2026-12-04" };
    const text = "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này";
    // Friday 04/12: Mon 7, Tue 8, Wed 9, Thu 10, Fri 11.
    expect(normalizeDeadline(text, received)).toMatchObject({
      kind: "dated",
      milestones: [{ start: null, due: "2026-12-11" }],
      needsReview: false,
      counted: { n: 5, unit: "working-day", from: "received", reference: "2026-12-04" },
    });
  });

  it("says it needs the day of receipt rather than guess it", () => {
    const text = "Báo cáo trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này";
    expect(normalizeDeadline(text, DOC)).toEqual({
      text,
      kind: "unscheduled",
      milestones: [],
      recurrence: null,
      needsReview: true,
      counted: { n: 5, unit: "working-day", from: "received", reference: null },
    });
    // Without the document's date either, a count from its signing needs one too.
    expect(normalizeDeadline("trong vòng 10 ngày kể từ ngày ký", { planYear: 2026 })).toMatchObject({
      kind: "unscheduled",
      needsReview: true,
      counted: { from: "issued", reference: null },
    });
  });

  it("counts calendar days from the signing, a last day that is a day off ending on the next working day", () => {
    // 02/12 + 10 days is Saturday 12/12: the period ends on Monday 14/12 (Bộ luật Dân sự 2015, Điều 148).
    expect(dues("trong vòng 10 ngày kể từ ngày ký")).toEqual(["2026-12-14"]);
    expect(dues("Trong thời hạn 15 ngày kể từ ngày ban hành Thông báo này")).toEqual(["2026-12-17"]);
    // A count that names no start runs from the document.
    expect(dues("trong 07 ngày")).toEqual(["2026-12-09"]);
  });

  it("skips the holidays of the calendar when counting working days across the New Year", () => {
    // From 21/12/2026: 22, 23, 24, 25, 28, 29, 30, 31 (8), 01/01/2027 is Tết Dương lịch, then 04/01.
    expect(dues("chậm nhất 09 ngày làm việc kể từ ngày ký", { planYear: 2026, issuedOn: "2026-12-21" })).toEqual([
      "2027-01-04",
    ]);
  });

  it("counts on the organization's own calendar", () => {
    const calendar = createWorkingCalendar({ extraDaysOff: ["2026-12-03"] });
    // Thursday 03/12 is the office's own day off: Fri 4, Mon 7, Tue 8.
    expect(dues("trong 03 ngày làm việc kể từ ngày ký", { ...DOC, calendar })).toEqual(["2026-12-08"]);
    expect(dues("trong 03 ngày làm việc kể từ ngày ký")).toEqual(["2026-12-07"]);
  });

  it("leaves a count from an event without a date to a person", () => {
    expect(normalizeDeadline("chậm nhất 03 ngày làm việc sau khi kết thúc hội nghị", DOC)).toMatchObject({
      kind: "unscheduled",
      needsReview: true,
      counted: { n: 3, unit: "working-day", from: "event", reference: null },
    });
  });
});

describe("recurring deadlines in a document, from its date on", () => {
  it("lists the 15th of each month in the year after the document", () => {
    const schedule = normalizeDeadline("trước ngày 15 hằng tháng", DOC);
    expect(schedule.kind).toBe("recurring");
    expect(schedule.recurrence).toEqual({ every: "month", day: 15 });
    expect(schedule.milestones.map((m) => m.due)).toEqual([
      "2026-12-15",
      "2027-01-15",
      "2027-02-15",
      "2027-03-15",
      "2027-04-15",
      "2027-05-15",
      "2027-06-15",
      "2027-07-15",
      "2027-08-15",
      "2027-09-15",
      "2027-10-15",
      "2027-11-15",
    ]);
    expect(schedule.needsReview).toBe(false);
  });

  it("reads the day of the quarter's last month, with or without 'của'", () => {
    for (const text of [
      "định kỳ hằng quý, trước ngày 20 của tháng cuối quý",
      "Định kỳ hằng quý (trước ngày 20 tháng cuối quý)",
    ]) {
      const schedule = normalizeDeadline(text, { planYear: 2027 });
      expect(schedule.recurrence).toEqual({ every: "quarter", day: null });
      expect(schedule.milestones.map((m) => m.due)).toEqual(["2027-03-20", "2027-06-20", "2027-09-20", "2027-12-20"]);
      expect(schedule.needsReview).toBe(false);
    }
  });

  it("reads 'định kỳ 6 tháng' as half-years and 'hằng tuần vào thứ Sáu' as Fridays", () => {
    expect(normalizeDeadline("định kỳ 6 tháng", { planYear: 2027 })).toMatchObject({
      kind: "recurring",
      recurrence: { every: "half-year", day: null },
      milestones: [
        { start: "2027-01-01", due: "2027-06-30" },
        { start: "2027-07-01", due: "2027-12-31" },
      ],
    });
    const fridays = normalizeDeadline("hằng tuần vào thứ Sáu", DOC);
    expect(fridays.recurrence).toEqual({ every: "week", day: 5 });
    expect(fridays.milestones.slice(0, 3).map((m) => m.due)).toEqual(["2026-12-04", "2026-12-11", "2026-12-18"]);
    expect(fridays.milestones.every((m) => m.due >= "2026-12-02" && m.due <= "2027-12-01")).toBe(true);
  });

  it("keeps a plan's own period when one is given with the document's date", () => {
    const context = { ...DOC, period: { start: "2027-01-01", end: "2027-06-30" } };
    expect(dues("trước ngày 15 hằng tháng", context)).toHaveLength(6);
  });
});

describe("events without a date", () => {
  it.each([
    "ngay sau khi có hướng dẫn",
    "theo tiến độ của tỉnh",
    "khi có yêu cầu",
    "Ngay sau khi có văn bản chỉ đạo của tỉnh",
  ])("makes %j a task that needs a date", (text) => {
    expect(normalizeDeadline(text, DOC)).toMatchObject({ kind: "unscheduled", milestones: [], needsReview: true });
  });
});

describe("lunar months and festivals", () => {
  // Tết Đinh Mùi is Saturday 06/02/2027.
  it.each([
    ["trước Tết Nguyên đán", null, "2027-02-06"],
    ["Hoàn thành trước Tết Nguyên đán", null, "2027-02-06"],
    ["rằm tháng Giêng", null, "2027-02-20"],
    ["mùng 8 tháng giêng", null, "2027-02-13"],
    ["25 tháng chạp", null, "2027-02-01"],
    ["tháng chạp", "2027-01-08", "2027-02-05"],
    ["tháng giêng", "2027-02-06", "2027-03-07"],
  ])("reads %j in the document's year on our lunar calendar", (text, start, due) => {
    expect(normalizeDeadline(text, DOC)).toMatchObject({
      kind: "dated",
      milestones: [{ start, due }],
      needsReview: false,
    });
  });

  it("takes the lunar year that puts the day inside a plan's period", () => {
    // A 2026 plan: tháng chạp Ất Tỵ ran from 19/01 (the new moon of 18/01 19:52 UTC is 02:52 in Hà Nội) to 16/02/2026.
    expect(normalizeDeadline("Trong tháng chạp", { planYear: 2026 }).milestones).toEqual([
      { start: "2026-01-19", due: "2026-02-16", label: null, appliesTo: null },
    ]);
    expect(dues("mùng 10 tháng 3 âm lịch năm 2026", { planYear: 2026 })).toEqual(["2026-04-26"]);
  });
});

describe("months and quarters named with their year", () => {
  it("reads 'trong tháng 12/2026' and 'trong quý I năm 2027'", () => {
    expect(normalizeDeadline("trong tháng 12/2026", DOC).milestones).toEqual([
      { start: "2026-12-01", due: "2026-12-31", label: null, appliesTo: null },
    ]);
    expect(normalizeDeadline("trong quý I năm 2027", DOC).milestones).toEqual([
      { start: "2027-01-01", due: "2027-03-31", label: null, appliesTo: null },
    ]);
  });

  it("puts a date without a year after the document's date", () => {
    expect(dues("trước ngày 20/12", DOC)).toEqual(["2026-12-20"]);
    expect(dues("trước ngày 15/01", DOC)).toEqual(["2027-01-15"]);
  });
});

describe("the context", () => {
  it("refuses a document date that is not an ISO date", () => {
    expect(() => normalizeDeadline("trong 5 ngày", { planYear: 2026, issuedOn: "02/12/2026" })).toThrow(
      InvalidDeadlineContextError,
    );
    expect(() => normalizeDeadline("trong 5 ngày", { planYear: 2026, receivedOn: "2026-13-01" })).toThrow(
      InvalidDeadlineContextError,
    );
  });

  it("asks for the deadline, rather than failing, when a count runs past the last year the calendars cover", () => {
    for (const text of ["trong thời hạn 999 tuần", "trong 9999 ngày", "trong 5000 ngày làm việc", "trong 240 tháng"]) {
      const schedule = normalizeDeadline(text, { planYear: 2180, receivedOn: "2180-11-08" });
      expect(schedule.kind, text).toBe("unscheduled");
      expect(schedule.needsReview, text).toBe(true);
    }
    expect(dues("trong thời hạn 2 tuần", { planYear: 2180, receivedOn: "2180-11-08" })).toEqual(["2180-11-22"]);
  });

  it("reads a plan exactly as before when no document date is given", () => {
    expect(normalizeDeadline("Hàng tháng", { planYear: 2025 }).milestones).toHaveLength(12);
    expect(dues("Trước ngày 31/12", { planYear: 2025 })).toEqual(["2025-12-31"]);
  });
});
