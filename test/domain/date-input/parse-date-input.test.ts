import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../../src/domain/calendar/index.js";
import { parseDateInput } from "../../../src/domain/date-input/index.js";

// Wednesday 5 March 2025.
const REF = "2025-03-05";
const day = (date: string) => ({ ok: true, date, grain: "day" });

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
  ])("reads the day and month of %j", (text, date) => {
    expect(parseDateInput(text, REF)).toEqual(day(date));
  });

  it("puts a day that has passed this year into next year, unless the year is written", () => {
    expect(parseDateInput("1/2", REF)).toEqual(day("2026-02-01"));
    expect(parseDateInput("1/2/2025", REF)).toEqual(day("2025-02-01"));
    expect(parseDateInput("5/3", REF)).toEqual(day("2025-03-05"));
  });

  it("refuses dates that do not exist", () => {
    expect(parseDateInput("31/2", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("29/02/2025", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("tháng 13", REF)).toEqual({ ok: false, reason: "impossible-date" });
    expect(parseDateInput("quý 5", REF)).toEqual({ ok: false, reason: "impossible-date" });
  });

  it("counts weekdays from Monday, with or without accents", () => {
    expect(parseDateInput("thứ 6 tuần sau", REF)).toEqual(day("2025-03-14"));
    expect(parseDateInput("thu sau tuan sau", REF)).toEqual(day("2025-03-14"));
    expect(parseDateInput("thứ 2 tuần này", REF)).toEqual(day("2025-03-03"));
    expect(parseDateInput("thứ 6", REF)).toEqual(day("2025-03-07"));
    expect(parseDateInput("thứ tư", REF)).toEqual(day("2025-03-05"));
    expect(parseDateInput("thứ 3", REF)).toEqual(day("2025-03-11"));
    expect(parseDateInput("chủ nhật tuần sau", REF)).toEqual(day("2025-03-16"));
    expect(parseDateInput("tuần sau", REF)).toEqual({ ok: true, date: "2025-03-10", grain: "week" });
    expect(parseDateInput("cuối tuần", REF)).toEqual(day("2025-03-07"));
  });

  it("counts days, weeks and months from the reference", () => {
    expect(parseDateInput("2 tuần nữa", REF)).toEqual(day("2025-03-19"));
    expect(parseDateInput("10 ngày nữa", REF)).toEqual(day("2025-03-15"));
    expect(parseDateInput("sau 3 ngày", REF)).toEqual(day("2025-03-08"));
    expect(parseDateInput("1 tháng tới", "2025-01-31")).toEqual(day("2025-02-28"));
    expect(parseDateInput("ngày mai", REF)).toEqual(day("2025-03-06"));
    expect(parseDateInput("hôm nay", REF)).toEqual(day(REF));
  });

  it("reads ends and starts of months, quarters and years as days", () => {
    expect(parseDateInput("cuối tháng", REF)).toEqual(day("2025-03-31"));
    expect(parseDateInput("cuối tháng 2", REF)).toEqual(day("2026-02-28"));
    expect(parseDateInput("cuối tháng 2/2024", REF)).toEqual(day("2024-02-29"));
    expect(parseDateInput("giữa tháng 4", REF)).toEqual(day("2025-04-15"));
    expect(parseDateInput("cuối quý 2", REF)).toEqual(day("2025-06-30"));
    expect(parseDateInput("cuối quý", REF)).toEqual(day("2025-03-31"));
    expect(parseDateInput("cuối năm", REF)).toEqual(day("2025-12-31"));
  });

  it("resolves a month, a quarter or a year to its first day with that grain", () => {
    expect(parseDateInput("tháng 5", REF)).toEqual({ ok: true, date: "2025-05-01", grain: "month" });
    expect(parseDateInput("tháng 3", REF)).toEqual({ ok: true, date: "2025-03-01", grain: "month" });
    expect(parseDateInput("tháng 1", REF)).toEqual({ ok: true, date: "2026-01-01", grain: "month" });
    expect(parseDateInput("tháng sau", REF)).toEqual({ ok: true, date: "2025-04-01", grain: "month" });
    expect(parseDateInput("quý 3", REF)).toEqual({ ok: true, date: "2025-07-01", grain: "quarter" });
    expect(parseDateInput("Quý III/2026", REF)).toEqual({ ok: true, date: "2026-07-01", grain: "quarter" });
    expect(parseDateInput("quý sau", "2025-11-01")).toEqual({ ok: true, date: "2026-01-01", grain: "quarter" });
    expect(parseDateInput("năm 2026", REF)).toEqual({ ok: true, date: "2026-01-01", grain: "year" });
  });

  it("says what it could not read", () => {
    expect(parseDateInput("", REF)).toEqual({ ok: false, reason: "empty" });
    expect(parseDateInput("khi nào xong", REF)).toEqual({ ok: false, reason: "unknown" });
  });

  it("never throws and only returns real dates, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const result = parseDateInput(text, REF);
        if (result.ok) expect(parseIsoDate(result.date)).not.toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});
