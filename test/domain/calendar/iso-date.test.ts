import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatVietnameseDate,
  isoWeekday,
  isRealDate,
  monthWindow,
  parseIsoDate,
  toIsoDate,
} from "../../../src/domain/calendar/index.js";

describe("ISO calendar dates", () => {
  it("knows the length of every month, leap years included", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it("tells real days from impossible ones", () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2025, 2, 29)).toBe(false);
    expect(isRealDate(2025, 4, 31)).toBe(false);
    expect(isRealDate(2025, 13, 1)).toBe(false);
    expect(isRealDate(2025, 1, 0)).toBe(false);
    expect(isRealDate(2025, 1.5, 1)).toBe(false);
  });

  it("formats and parses with zero padding, refusing days that do not exist", () => {
    expect(toIsoDate(2025, 3, 5)).toBe("2025-03-05");
    expect(toIsoDate(999, 12, 31)).toBe("0999-12-31");
    expect(parseIsoDate("2025-03-05")).toEqual({ year: 2025, month: 3, day: 5 });
    expect(parseIsoDate("2025-02-29")).toBeNull();
    expect(parseIsoDate("2025-3-5")).toBeNull();
  });

  it("counts and steps calendar days across months and years", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(daysBetween("2025-01-01", "2025-12-31")).toBe(364);
    expect(daysBetween("2025-12-31", "2025-01-01")).toBe(-364);
  });

  it("numbers weekdays from Monday = 1 to Sunday = 7", () => {
    expect(isoWeekday("2025-09-01")).toBe(1);
    expect(isoWeekday("2025-09-07")).toBe(7);
  });

  it("writes a day the way Vietnamese documents do", () => {
    expect(formatVietnameseDate("2025-09-05")).toBe("05/09/2025");
  });

  it("gives a month's first and last day", () => {
    expect(monthWindow(2024, 2)).toEqual({ start: "2024-02-01", due: "2024-02-29" });
  });
});
