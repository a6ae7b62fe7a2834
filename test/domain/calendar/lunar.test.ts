import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  fromLunar,
  leapMonthOf,
  LunarDateError,
  tetOf,
  toIsoDate,
  toLunar,
} from "../../../src/domain/calendar/index.js";

const published = readFileSync(new URL("../../fixtures/calendar/tet-vietnam-1990-2100.tsv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((line) => line.split("\t") as [string, string]);

describe("the Vietnamese lunar calendar", () => {
  it("puts Tết on the published day for every year 1990–2100", () => {
    expect(published).toHaveLength(111);
    const wrong = published.filter(([year, date]) => tetOf(Number(year)) !== date);
    expect(wrong).toEqual([]);
  });

  it("keeps Vietnam's own Tết where China's (UTC+8) differs", () => {
    expect(tetOf(1985)).toBe("1985-01-21"); // China: 20/02/1985, a month later
    expect(tetOf(2007)).toBe("2007-02-17"); // China: 18/02
    expect(tetOf(2030)).toBe("2030-02-02"); // new moon 23:07 Hanoi time; China: 03/02
    expect(tetOf(2053)).toBe("2053-02-18"); // China: 19/02
  });

  it("reads mùng 1 Tết back as 1/1 of the new lunar year", () => {
    expect(toLunar("2027-02-06")).toEqual({ year: 2027, month: 1, day: 1, leap: false });
    // Tháng Chạp Bính Ngọ has 29 days: Tết Đinh Mùi follows 29 tháng Chạp.
    expect(toLunar("2027-02-05")).toEqual({ year: 2026, month: 12, day: 29, leap: false });
  });

  it("finds Giỗ Tổ Hùng Vương (10/3) and the full moons (rằm)", () => {
    const gioTo = [2024, 2025, 2026, 2027].map((year) => fromLunar({ year, month: 3, day: 10, leap: false }));
    expect(gioTo).toEqual(["2024-04-18", "2025-04-07", "2026-04-26", "2027-04-16"]);
    expect(fromLunar({ year: 2024, month: 8, day: 15, leap: false })).toBe("2024-09-17"); // Trung thu
    expect(fromLunar({ year: 2025, month: 8, day: 15, leap: false })).toBe("2025-10-06");
    expect(fromLunar({ year: 2026, month: 1, day: 15, leap: false })).toBe("2026-03-03"); // rằm tháng Giêng
  });

  it("knows leap months: tháng 2 nhuận in 2023, tháng 6 nhuận in 2025, none in 2026", () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2026)).toBeNull();
    expect(fromLunar({ year: 2023, month: 2, day: 1, leap: false })).toBe("2023-02-20");
    expect(fromLunar({ year: 2023, month: 2, day: 1, leap: true })).toBe("2023-03-22");
    expect(toLunar("2025-07-25")).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(toLunar("2025-08-23")).toEqual({ year: 2025, month: 7, day: 1, leap: false });
  });

  it("refuses days that do not exist", () => {
    expect(() => fromLunar({ year: 2026, month: 2, day: 1, leap: true })).toThrow(LunarDateError);
    expect(() => fromLunar({ year: 2026, month: 13, day: 1, leap: false })).toThrow(LunarDateError);
    expect(() => fromLunar({ year: 3000, month: 1, day: 1, leap: false })).toThrow(LunarDateError);
    const monthOf29 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((month) => {
      const first = fromLunar({ year: 2027, month, day: 1, leap: false });
      return toLunar(addDays(first, 29)).day === 1;
    });
    expect(monthOf29).toBeDefined();
    expect(() => fromLunar({ year: 2027, month: monthOf29 as number, day: 30, leap: false })).toThrow(/29 days/);
  });

  it("converts any day 1990–2100 there and back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_540 }), (offset) => {
        const date = addDays(toIsoDate(1990, 1, 1), offset);
        const lunar = toLunar(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(fromLunar(lunar)).toBe(date);
      }),
      { numRuns: 300 },
    );
  });
});
