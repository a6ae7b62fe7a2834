import { describe, expect, it } from "vitest";
import {
  fromLunar,
  HOLIDAY_RULES,
  type HolidayRule,
  isoWeekday,
  rulesInForce,
  statutoryDaysOff,
  statutoryTetBreak,
  tetOf,
} from "../../../src/domain/calendar/index.js";

const dates = (year: number): string[] => statutoryDaysOff(year).map((d) => d.date);

describe("statutory holidays by rule (Bộ luật Lao động 2019, Điều 112)", () => {
  it("gives eleven working days off plus Ngày Văn hóa Việt Nam in any year from 2027 on", () => {
    for (let year = 2027; year <= 2060; year++) {
      const days = statutoryDaysOff(year);
      expect(days).toHaveLength(12);
      // Every day off is a weekday: holidays on a weekly rest day moved to a working day.
      expect(days.every((d) => isoWeekday(d.date) <= 5)).toBe(true);
      expect(new Set(days.map((d) => d.date)).size).toBe(12);
    }
  });

  it("closes the 2027 Tết break (mùng 1 is Saturday 06/02) from Friday 05/02 to Thursday 11/02", () => {
    expect(tetOf(2027)).toBe("2027-02-06");
    const tet = statutoryDaysOff(2027).filter((d) => d.date.startsWith("2027-02"));
    expect(tet.map((d) => d.date)).toEqual(["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"]);
    expect(tet[3]?.name).toMatch(/^Nghỉ bù Tết Nguyên đán/);
  });

  it("keeps Giỗ Tổ on 10/3 âm lịch, moved to Monday when it falls on a weekend", () => {
    expect(dates(2027)).toContain(fromLunar({ year: 2027, month: 3, day: 10, leap: false })); // Friday 16/04
    expect(dates(2026)).toContain("2026-04-27"); // Sunday 26/04 → Monday, as the 2026 arrangement did
    expect(dates(2026)).not.toContain("2026-04-26");
  });

  it("moves 1/5/2027 (Saturday) to Monday 03/05 and closes 30/4", () => {
    expect(dates(2027)).toEqual(expect.arrayContaining(["2027-04-30", "2027-05-03"]));
    expect(dates(2027)).not.toContain("2027-05-01");
  });

  it("joins the day next to 2/9 to the weekend, as the yearly decisions did", () => {
    expect(dates(2024).filter((d) => d.startsWith("2024-09"))).toEqual(["2024-09-02", "2024-09-03"]);
    expect(dates(2025).filter((d) => d.startsWith("2025-09"))).toEqual(["2025-09-01", "2025-09-02"]);
    expect(dates(2026).filter((d) => d.startsWith("2026-09"))).toEqual(["2026-09-01", "2026-09-02"]);
    // 2/9/2023 was a Saturday: 1/9 and the Monday after.
    expect(dates(2023).filter((d) => d.startsWith("2023-09"))).toEqual(["2023-09-01", "2023-09-04"]);
  });

  it("adds 24/11, Ngày Văn hóa Việt Nam, from Nghị quyết 28/2026/QH16 (in force 01/07/2026) on", () => {
    expect(dates(2027)).toContain("2027-11-24");
    expect(dates(2025)).not.toContain("2025-11-24");
    expect(rulesInForce(2025).map((r) => r.name)).not.toContain("Ngày Văn hóa Việt Nam");
    const rule = HOLIDAY_RULES.find((r) => r.name === "Ngày Văn hóa Việt Nam");
    expect(rule?.source).toMatch(/Nghị quyết 28\/2026\/QH16/);
    expect(rule?.source).toMatch(/Điều 112/);
    expect(rule?.from).toBe("2026-07-01");
    expect(dates(2026)).toContain("2026-11-24");
    // 24/11/2029 is a Saturday: taken on Monday 26/11.
    expect(dates(2029)).toContain("2029-11-26");
  });

  it("applies a rule only inside its dates, so a change of the law is a new dated rule", () => {
    const replaced: HolidayRule = {
      name: "Old",
      from: "2000-01-01",
      until: "2030-01-01",
      source: "x",
      days: (y) => [`${y}-03-05`],
    };
    const newer: HolidayRule = { name: "New", from: "2030-01-01", source: "y", days: (y) => [`${y}-03-06`] };
    expect(statutoryDaysOff(2029, [replaced, newer]).map((d) => d.name)).toEqual(["Old"]);
    expect(statutoryDaysOff(2031, [replaced, newer]).map((d) => d.name)).toEqual(["New"]);
  });
});

describe("the statutory Tết break", () => {
  it("spans 05/02–11/02/2027 and 16/02–20/02/2026", () => {
    expect(statutoryTetBreak(2027)).toEqual({ first: "2027-02-05", last: "2027-02-11" });
    expect(statutoryTetBreak(2026)).toEqual({ first: "2026-02-16", last: "2026-02-20" });
  });
});
