import { describe, expect, it } from "vitest";
import { createWorkingCalendar, dayOffOf } from "../../../src/domain/calendar/index.js";

describe("dayOffOf", () => {
  const calendar = createWorkingCalendar({ extraDaysOff: ["2025-03-12"] });
  it("names the holiday a day off belongs to", () => {
    expect(dayOffOf(calendar, "2025-01-28")).toEqual({ kind: "holiday", name: "Tết Nguyên đán Ất Tỵ" });
    expect(dayOffOf(calendar, "2025-03-12")).toEqual({ kind: "holiday", name: "Ngày nghỉ riêng" });
  });
  it("calls a plain Saturday or Sunday the weekend and a working day nothing", () => {
    expect(dayOffOf(calendar, "2025-03-01")).toEqual({ kind: "weekend" });
    expect(dayOffOf(calendar, "2025-03-03")).toBeNull();
  });
});
