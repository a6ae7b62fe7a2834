import { describe, expect, it } from "vitest";
import { parseDateInput } from "../../../src/domain/date-input/index.js";

// Wednesday 5 March 2025.
const REF = "2025-03-05";
const day = (date: string) => ({ ok: true, date, due: date, grain: "day" });
const span = (date: string, due: string, grain: string) => ({ ok: true, date, due, grain });

describe("parseDateInput", () => {
  it.each([
    ["15/3", "2025-03-15"],
    ["15/03/2025", "2025-03-15"],
    ["15-3-25", "2025-03-15"],
    ["ngày 15/3", "2025-03-15"],
    ["ngày 15 tháng 3", "2025-03-15"],
    ["ngay 15 thang 3 nam 2026", "2026-03-15"],
    ["Trước ngày 20/3.", "2025-03-20"],
    ["2025-04-30", "2025-04-30"],
    ["mồng 8 tháng ba", "2025-03-08"],
    // "tháng giêng" is the lunar first month: mùng 10 tháng giêng Bính Ngọ is 26/02/2026.
    ["mùng 10 tháng giêng năm 2026", "2026-02-26"],
    ["ngày mười lăm tháng tư", "2025-04-15"],
    ["3/9/91", "1991-09-03"],
  ])("reads the day and month of %j", (text, date) => {
    expect(parseDateInput(text, REF)).toEqual(day(date));
  });

  it("reads a day and month already past this year as the nearer of this year's and next year's", () => {
    // 1/2 typed on 5/3 passed a month ago: that day, which the chat refuses as past, not one 11 months ahead.
    expect(parseDateInput("1/2", REF)).toEqual(day("2025-02-01"));
    // "20/1" typed in December is next January, taken without asking.
    expect(parseDateInput("20/1", "2026-12-09")).toEqual(day("2027-01-20"));
    expect(parseDateInput("5/1", "2026-12-09")).toEqual(day("2027-01-05"));
    // When the day and month typed the other way round is still ahead, both are offered.
    expect(parseDateInput("5/1", "2026-03-18")).toEqual({
      ok: false,
      reason: "ambiguous",
      choices: [
        { date: "2027-01-05", due: "2027-01-05", grain: "day" },
        { date: "2026-05-01", due: "2026-05-01", grain: "day" },
      ],
    });
    expect(parseDateInput("1/2/2025", REF)).toEqual(day("2025-02-01"));
  });

  it("refuses days that do not exist", () => {
    expect(parseDateInput("31/2", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("31/4", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("29/02/2025", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("tháng 13", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("quý 5", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("năm 2150", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("năm 2199 - 2025", REF)).toEqual({ ok: false, reason: "impossible-date" });
  });

  it("reads weekdays in words, digits and abbreviations, Monday starting the week", () => {
    expect(parseDateInput("thứ 6 tuần sau", REF)).toEqual(day("2025-03-14"));
    expect(parseDateInput("thu sau tuan sau", REF)).toEqual(day("2025-03-14"));
    expect(parseDateInput("thứ 2 tuần này", REF)).toEqual(day("2025-03-03"));
    expect(parseDateInput("thứ 6", REF)).toEqual(day("2025-03-07"));
    expect(parseDateInput("T6", REF)).toEqual(day("2025-03-07"));
    expect(parseDateInput("thứ tư", REF)).toEqual(day("2025-03-05"));
    expect(parseDateInput("thứ tư tới", REF)).toEqual(day("2025-03-12"));
    expect(parseDateInput("thứ ba vừa rồi", REF)).toEqual(day("2025-03-04"));
    expect(parseDateInput("thứ 3", REF)).toEqual(day("2025-03-11"));
    expect(parseDateInput("chủ nhật tuần sau", REF)).toEqual(day("2025-03-16"));
    expect(parseDateInput("CN", REF)).toEqual(day("2025-03-09"));
    expect(parseDateInput("thứ tư của tuần tới", REF)).toEqual(day("2025-03-12"));
    expect(parseDateInput("tuần sau", REF)).toEqual(span("2025-03-10", "2025-03-16", "week"));
    expect(parseDateInput("cuối tuần", REF)).toEqual(day("2025-03-07"));
  });

  it("takes the date over the weekday written with it, and ignores the time of day", () => {
    expect(parseDateInput("thứ 5 ngày 13/3", REF)).toEqual(day("2025-03-13"));
    expect(parseDateInput("sáng mai", REF)).toEqual(day("2025-03-06"));
    expect(parseDateInput("chiều thứ 6", REF)).toEqual(day("2025-03-07"));
    expect(parseDateInput("lúc 3 giờ chiều ngày mai", REF)).toEqual(day("2025-03-06"));
    expect(parseDateInput("9h30 sáng 10/3", REF)).toEqual(day("2025-03-10"));
  });

  it("counts days, weeks and months from today", () => {
    expect(parseDateInput("2 tuần nữa", REF)).toEqual(day("2025-03-19"));
    expect(parseDateInput("hai tuần nữa", REF)).toEqual(day("2025-03-19"));
    expect(parseDateInput("10 ngày nữa", REF)).toEqual(day("2025-03-15"));
    expect(parseDateInput("sau 3 ngày", REF)).toEqual(day("2025-03-08"));
    expect(parseDateInput("1 tháng tới", "2025-01-31")).toEqual(day("2025-02-28"));
    expect(parseDateInput("ngày mai", REF)).toEqual(day("2025-03-06"));
    expect(parseDateInput("ngày mốt", REF)).toEqual(day("2025-03-07"));
    expect(parseDateInput("hôm qua", REF)).toEqual(day("2025-03-04"));
    expect(parseDateInput("hôm kia", REF)).toEqual(day("2025-03-03"));
    expect(parseDateInput("hôm nay", REF)).toEqual(day(REF));
  });

  it("reads the start, middle and end of a month, quarter or year as a day", () => {
    expect(parseDateInput("cuối tháng", REF)).toEqual(day("2025-03-31"));
    expect(parseDateInput("cuối tháng 2", REF)).toEqual(day("2026-02-28"));
    expect(parseDateInput("cuối tháng 2/2024", REF)).toEqual(day("2024-02-29"));
    expect(parseDateInput("giữa tháng 4", REF)).toEqual(day("2025-04-15"));
    expect(parseDateInput("cuối quý 2", REF)).toEqual(day("2025-06-30"));
    expect(parseDateInput("cuối quý", REF)).toEqual(day("2025-03-31"));
    expect(parseDateInput("cuối năm", REF)).toEqual(day("2025-12-31"));
    expect(parseDateInput("cuối năm sau", REF)).toEqual(day("2026-12-31"));
    expect(parseDateInput("đầu tháng sau", REF)).toEqual(day("2025-04-01"));
    expect(parseDateInput("hết tháng 6", REF)).toEqual(day("2025-06-30"));
    expect(parseDateInput("ngày đầu tiên của tháng 4", REF)).toEqual(day("2025-04-01"));
  });

  it("reads a month, quarter or year as a window due on its last day", () => {
    expect(parseDateInput("tháng 5", REF)).toEqual(span("2025-05-01", "2025-05-31", "month"));
    expect(parseDateInput("tháng sáu", REF)).toEqual(span("2025-06-01", "2025-06-30", "month"));
    expect(parseDateInput("tháng 3", REF)).toEqual(span("2025-03-01", "2025-03-31", "month"));
    expect(parseDateInput("tháng 1", REF)).toEqual(span("2026-01-01", "2026-01-31", "month"));
    expect(parseDateInput("tháng sau", REF)).toEqual(span("2025-04-01", "2025-04-30", "month"));
    expect(parseDateInput("quý 3", REF)).toEqual(span("2025-07-01", "2025-09-30", "quarter"));
    expect(parseDateInput("Quý II", REF)).toEqual(span("2025-04-01", "2025-06-30", "quarter"));
    expect(parseDateInput("QIII/2025", REF)).toEqual(span("2025-07-01", "2025-09-30", "quarter"));
    expect(parseDateInput("Quý III/2026", REF)).toEqual(span("2026-07-01", "2026-09-30", "quarter"));
    expect(parseDateInput("quý sau", "2025-11-01")).toEqual(span("2026-01-01", "2026-03-31", "quarter"));
    expect(parseDateInput("năm 2026", REF)).toEqual(span("2026-01-01", "2026-12-31", "year"));
    expect(parseDateInput("năm ngoái", REF)).toEqual(span("2024-01-01", "2024-12-31", "year"));
    expect(parseDateInput("6 tháng cuối năm", REF)).toEqual(span("2025-07-01", "2025-12-31", "half-year"));
    expect(parseDateInput("Tháng 11-12/2025", REF)).toEqual(span("2025-11-01", "2025-12-31", "month"));
  });

  it("asks whether an unaccented 'thang sau' is next month or June", () => {
    expect(parseDateInput("thang sau", REF)).toEqual({
      ok: false,
      reason: "ambiguous",
      choices: [
        { date: "2025-04-01", due: "2025-04-30", grain: "month" },
        { date: "2025-06-01", due: "2025-06-30", grain: "month" },
      ],
    });
    // With accents elsewhere, "sau" is "after": "tháng sau" is next month.
    expect(parseDateInput("cuối tháng sau", REF)).toEqual(day("2025-04-30"));
  });

  it("reads named days and the next occurrence of a repeating deadline", () => {
    expect(parseDateInput("Quốc khánh", REF)).toEqual(day("2025-09-02"));
    expect(parseDateInput("Giáng sinh", REF)).toEqual(day("2025-12-25"));
    expect(parseDateInput("Tết dương lịch", REF)).toEqual(day("2026-01-01"));
    expect(parseDateInput("ngày 25 hàng tháng", REF)).toEqual(day("2025-03-25"));
    expect(parseDateInput("hằng quý", REF)).toEqual(span("2025-01-01", "2025-03-31", "quarter"));
  });

  it("reads lunar dates on the lunar calendar: the next one not past", () => {
    // Tết Ất Tỵ was 29/01/2025; Giỗ Tổ (10/3 âm lịch) fell on 07/04/2025.
    expect(parseDateInput("Tết", "2025-01-02")).toEqual(day("2025-01-29"));
    // A year written after Tết is that year's Tết, however far ahead (Tết Đinh Mùi: 06/02/2027).
    expect(parseDateInput("trước Tết 2027", "2025-01-02")).toEqual(day("2027-02-06"));
    expect(parseDateInput("ngay sau Tết 2027", "2025-01-02")).toEqual(parseDateInput("ngay sau Tết", "2027-01-02"));
    expect(parseDateInput("mùng 10 tháng 3 âm lịch", REF)).toEqual(day("2025-04-07"));
    expect(parseDateInput("rằm tháng giêng", REF)).toEqual(day("2026-03-03"));
    expect(parseDateInput("30 tháng 2 âm lịch năm 2025", REF)).toEqual({ ok: false, reason: "impossible-date" });
  });

  it("asks which of several spans is meant", () => {
    expect(parseDateInput("Quý III, Quý IV", REF)).toEqual({
      ok: false,
      reason: "ambiguous",
      choices: [
        { date: "2025-07-01", due: "2025-09-30", grain: "quarter" },
        { date: "2025-10-01", due: "2025-12-31", grain: "quarter" },
      ],
    });
  });

  it("says what it could not read", () => {
    expect(parseDateInput("", REF)).toEqual({ ok: false, reason: "empty" });
    expect(parseDateInput("khi nào xong", REF)).toEqual({ ok: false, reason: "unknown" });
    expect(parseDateInput("theo kế hoạch số 15/KH-UBND ngày 20/01/2025", REF)).toEqual({
      ok: false,
      reason: "unknown",
    });
  });

  it("rejects a reference that is not an ISO date", () => {
    expect(() => parseDateInput("mai", "05/03/2025")).toThrow(RangeError);
  });
});
