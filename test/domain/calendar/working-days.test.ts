import { describe, expect, it } from "vitest";
import { addWorkingDays, createWorkingCalendar, isWorkingDay } from "../../../src/domain/calendar/index.js";

const calendar = createWorkingCalendar();

describe("working days in Vietnam", () => {
  it("closes offices for Tết 2025 and 2026", () => {
    for (const day of ["2025-01-27", "2025-01-31", "2026-02-16", "2026-02-20"])
      expect(isWorkingDay(calendar, day)).toBe(false);
    expect(addWorkingDays(calendar, "2025-01-24", 1)).toBe("2025-02-03");
    expect(addWorkingDays(calendar, "2026-02-23", -1)).toBe("2026-02-13");
  });
  it("bridges 30/4-1/5 2025 and works the make-up Saturday 26/4", () => {
    expect(isWorkingDay(calendar, "2025-05-02")).toBe(false);
    expect(isWorkingDay(calendar, "2025-04-26")).toBe(true);
    expect(addWorkingDays(calendar, "2025-04-29", 1)).toBe("2025-05-05");
  });
  it("closes 1/9 and 2/9", () => {
    expect(addWorkingDays(calendar, "2025-08-29", 1)).toBe("2025-09-03");
    expect(addWorkingDays(calendar, "2026-09-03", -1)).toBe("2026-08-31");
  });
  it("moves a weekend date to the previous working day with n = 0", () => {
    expect(addWorkingDays(calendar, "2025-09-30", 0)).toBe("2025-09-30");
    expect(addWorkingDays(calendar, "2025-05-04", 0)).toBe("2025-04-29");
  });
  it("takes an organization's own day off", () => {
    const local = createWorkingCalendar({ extraDaysOff: ["2025-03-10"] });
    expect(isWorkingDay(local, "2025-03-10")).toBe(false);
    expect(isWorkingDay(calendar, "2025-03-10")).toBe(true);
  });
});
