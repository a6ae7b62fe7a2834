import { describe, expect, it } from "vitest";
import { createWorkingCalendar, tetOf } from "../../../src/domain/calendar/index.js";
import { parseDateInput, readTypedDeadline } from "../../../src/domain/date-input/index.js";

// Wednesday 9 December 2026: the kinds of miss issue 24 lists, typed near the year's end.
const TODAY = "2026-12-09";
const day = (date: string) => ({ ok: true, date, due: date, grain: "day" });

describe("weekdays typed in lowercase, unaccented or abbreviated", () => {
  it.each([
    ["t5 tuần sau", "2026-12-17"],
    ["T5 tuần sau", "2026-12-17"],
    ["t5 tuan sau", "2026-12-17"],
    ["t5", "2026-12-10"],
    ["t7 tuần này", "2026-12-12"],
    ["t2 tuần sau", "2026-12-14"],
    ["thu 5", "2026-12-10"],
    ["thu 5 tuan sau", "2026-12-17"],
    ["thứ năm tuần sau", "2026-12-17"],
    ["cn tuần sau", "2026-12-20"],
    ["cn tuan sau", "2026-12-20"],
    ["cn", "2026-12-13"],
    ["chủ nhật này", "2026-12-13"],
    ["chu nhat nay", "2026-12-13"],
    ["chủ nhật tuần sau", "2026-12-20"],
  ])("reads %j as the day named", (text, date) => {
    expect(parseDateInput(text, TODAY)).toEqual(day(date));
  });

  it("never reads a weekday it does not know as the Monday of the week after", () => {
    expect(parseDateInput("t8 tuần sau", TODAY)).toEqual({ ok: false, reason: "unknown" });
    expect(parseDateInput("t9 tuan sau", TODAY)).toEqual({ ok: false, reason: "unknown" });
    // "tuần sau" alone is the whole week, due its Sunday, as before.
    expect(parseDateInput("tuần sau", TODAY)).toEqual({
      ok: true,
      date: "2026-12-14",
      due: "2026-12-20",
      grain: "week",
    });
  });
});

describe("day.month with a dot, or a dash when typed alone", () => {
  it.each([
    ["8.1", "2027-01-08"],
    ["15.1", "2027-01-15"],
    ["31.12", "2026-12-31"],
    ["8.1.2027", "2027-01-08"],
    ["20-1", "2027-01-20"],
  ])("reads %j", (text, date) => {
    expect(parseDateInput(text, TODAY)).toEqual(day(date));
  });
});

describe("days counted from today", () => {
  it("counts calendar days", () => {
    expect(parseDateInput("3 ngày nữa", TODAY)).toEqual(day("2026-12-12"));
    expect(parseDateInput("3 ngay nua", TODAY)).toEqual(day("2026-12-12"));
  });

  it("counts working days on the working calendar, skipping weekends and Tết Dương lịch", () => {
    expect(parseDateInput("3 ngày làm việc nữa", TODAY)).toEqual(day("2026-12-14"));
    expect(parseDateInput("5 ngay lam viec nua", TODAY)).toEqual(day("2026-12-16"));
    expect(parseDateInput("trong 10 ngày làm việc", TODAY)).toEqual(day("2026-12-23"));
    // 16 working days to 31/12, Friday 01/01/2027 is a holiday, then 4–7/01.
    expect(parseDateInput("20 ngày làm việc nữa", TODAY)).toEqual(day("2027-01-07"));
  });

  it("reads a bare count of working days, or one 'kể từ hôm nay', from today", () => {
    expect(parseDateInput("3 ngày làm việc", TODAY)).toEqual(day("2026-12-14"));
    expect(parseDateInput("5 ngày làm việc kể từ hôm nay", TODAY)).toEqual(day("2026-12-16"));
  });

  it("counts on the organization's own calendar when given one", () => {
    const calendar = createWorkingCalendar({ extraDaysOff: ["2026-12-10"] });
    expect(parseDateInput("3 ngày làm việc nữa", TODAY, { calendar })).toEqual(day("2026-12-15"));
    expect(readTypedDeadline("3 ngày làm việc nữa", TODAY, { calendar })).toEqual({ kind: "ok", due: "2026-12-15" });
  });

  it("does not take a count from a day the chat does not know", () => {
    expect(parseDateInput("5 ngày sau khi có kết quả", TODAY)).toEqual({ ok: false, reason: "unknown" });
    expect(parseDateInput("10 ngày kể từ ngày ký", TODAY)).toEqual({ ok: false, reason: "unknown" });
  });
});

describe("lunar months and festivals", () => {
  // Tết Đinh Mùi: mùng 1 tháng giêng is Saturday 06/02/2027.
  const tet = tetOf(2027);
  it("has the Tết the lunar calendar gives", () => expect(tet).toBe("2027-02-06"));

  it.each([
    ["25 tháng chạp", "2027-02-01"],
    ["25 thang chap", "2027-02-01"],
    ["mùng 8 tháng giêng", "2027-02-13"],
    ["mung 8 thang gieng", "2027-02-13"],
    ["mồng 8 tháng giêng", "2027-02-13"],
    ["8 tháng giêng", "2027-02-13"],
    ["rằm tháng giêng", "2027-02-20"],
    ["ram thang gieng", "2027-02-20"],
    ["Tết", "2027-02-06"],
    ["trước Tết", "2027-02-06"],
    ["mùng 10 tháng 3 âm lịch", "2027-04-16"],
  ])("reads %j on the lunar calendar", (text, date) => {
    expect(parseDateInput(text, TODAY)).toEqual(day(date));
  });

  it.each([
    // Days written before "Tết" or a month's name, without "tháng".
    ["mùng 8 Tết", "2027-02-13"],
    ["mùng 3 Tết", "2027-02-08"],
    ["28 Tết", "2027-02-04"],
    ["25 Chạp", "2027-02-01"],
    // A part of a lunar month: its first, 15th or last day.
    ["đầu tháng chạp", "2027-01-08"],
    ["giữa tháng giêng", "2027-02-20"],
    ["cuối tháng chạp", "2027-02-05"],
  ])("reads %j on the lunar calendar too", (text, date) => {
    expect(parseDateInput(text, TODAY)).toEqual(day(date));
  });

  it("reads a lunar month as its window, never the solar month of the same number", () => {
    // Tháng chạp Bính Ngọ runs from 08/01/2027 to the eve of Tết.
    expect(parseDateInput("tháng chạp", TODAY)).toEqual({
      ok: true,
      date: "2027-01-08",
      due: "2027-02-05",
      grain: "month",
    });
    const gieng = parseDateInput("tháng giêng", TODAY);
    expect(gieng.ok && gieng.date).toBe("2027-02-06");
  });

  it("refuses a lunar day that does not exist", () => {
    expect(parseDateInput("30 tháng 2 âm lịch năm 2025", TODAY)).toEqual({ ok: false, reason: "impossible-date" });
  });
});

describe("a weekday that contradicts its date", () => {
  it("asks which day, with both choices and the reason", () => {
    // 19/12/2026 is a Saturday.
    const expected = {
      ok: false,
      reason: "ambiguous",
      choices: [day("2026-12-19"), day("2026-12-17")].map(({ date, due, grain }) => ({ date, due, grain })),
      conflict: { kind: "weekday-mismatch", date: "2026-12-19", weekday: 4 },
    };
    expect(parseDateInput("19/12 thứ năm", TODAY)).toEqual(expected);
    expect(parseDateInput("thứ 5 ngày 19/12", TODAY)).toEqual(expected);
    expect(parseDateInput("19/12 t5", TODAY)).toEqual(expected);
  });

  it("offers the next week's weekday when the one in the date's week has passed", () => {
    const result = parseDateInput("19/12 thứ năm", "2026-12-18");
    expect(!result.ok && result.reason === "ambiguous" && result.choices.map((c) => c.due)).toEqual([
      "2026-12-19",
      "2026-12-24",
    ]);
    expect(readTypedDeadline("19/12 thứ năm", "2026-12-18")).toEqual({
      kind: "ambiguous",
      choices: ["2026-12-19", "2026-12-24"],
      conflict: { kind: "weekday-mismatch", date: "2026-12-19", weekday: 4 },
    });
  });

  it("takes a date whose weekday is its own", () => {
    expect(parseDateInput("thứ bảy 19/12", TODAY)).toEqual(day("2026-12-19"));
    expect(parseDateInput("19/12 t7", TODAY)).toEqual(day("2026-12-19"));
  });
});

describe("a choice with only one sensible answer", () => {
  it("takes a January day typed in December as next January", () => {
    expect(parseDateInput("20/1", TODAY)).toEqual(day("2027-01-20"));
    expect(readTypedDeadline("20/1", TODAY)).toEqual({ kind: "ok", due: "2027-01-20" });
    expect(readTypedDeadline("ngày 5 tháng 2", TODAY)).toEqual({ kind: "ok", due: "2027-02-05" });
  });

  it("refuses a day of this month already past instead of moving it a year on", () => {
    expect(readTypedDeadline("5/12", TODAY)).toEqual({ kind: "past", due: "2026-12-05" });
  });

  it("takes the one choice still ahead when the others have passed", () => {
    // "Quý I, Quý II/2026" typed in December: both passed, nothing to ask.
    expect(readTypedDeadline("Quý I, Quý II/2026", TODAY)).toEqual({ kind: "past", due: "2026-03-31" });
    // Of two quarters named, one has passed: the other is taken.
    expect(readTypedDeadline("Quý III/2026, Quý I/2027", TODAY)).toEqual({ kind: "ok", due: "2027-03-31" });
  });
});
