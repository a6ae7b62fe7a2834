import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  createWorkingCalendar,
  InvalidCalendarDateError,
  isArrangementPublished,
  isWorkingDay,
} from "../../../src/domain/calendar/index.js";

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

describe("years without a published arrangement", () => {
  it("says which years the government has published", () => {
    expect(isArrangementPublished(2026)).toBe(true);
    expect(isArrangementPublished(2027)).toBe(false);
    expect(calendar.year(2026).basis).toBe("published");
    expect(calendar.year(2026).sources[0]).toMatch(/2026/);
    expect(calendar.year(2027).basis).toBe("rule");
    expect(calendar.year(2027).sources.join(" ")).toMatch(/Điều 112/);
  });
  it("counts working days through the 2027 Tết break by rule", () => {
    for (const day of ["2027-02-05", "2027-02-08", "2027-02-11"]) expect(isWorkingDay(calendar, day)).toBe(false);
    expect(addWorkingDays(calendar, "2027-02-04", 1)).toBe("2027-02-12");
    expect(addWorkingDays(calendar, "2027-02-09", 0)).toBe("2027-02-04");
    expect(isWorkingDay(calendar, "2027-11-24")).toBe(false);
  });
  it("lets the deployment add a day and the organization override it", () => {
    const local = createWorkingCalendar({
      additions: [
        { date: "2027-03-08", kind: "day-off", name: "Nghỉ toàn hệ thống", scope: "deployment" },
        { date: "2027-02-08", kind: "working-day", name: "Trực Tết", scope: "organization" },
        { date: "2027-03-08", kind: "working-day", name: null, scope: "organization" },
        { date: "2027-03-13", kind: "working-day", name: "Làm bù", scope: "deployment" },
      ],
    });
    expect(isWorkingDay(local, "2027-02-08")).toBe(true);
    expect(isWorkingDay(local, "2027-03-08")).toBe(true);
    expect(isWorkingDay(local, "2027-03-13")).toBe(true);
    expect(local.year(2027).daysOff.has("2027-02-08")).toBe(false);
    expect(local.year(2027).workingDays.get("2027-03-13")).toEqual({ name: "Làm bù", scope: "deployment" });
    const deploymentOnly = createWorkingCalendar({
      additions: [{ date: "2027-03-08", kind: "day-off", name: "Nghỉ toàn hệ thống", scope: "deployment" }],
    });
    expect(isWorkingDay(deploymentOnly, "2027-03-08")).toBe(false);
  });
  it("refuses an addition that is not a date", () => {
    expect(() => createWorkingCalendar({ extraDaysOff: ["2027-02-30"] })).toThrow(InvalidCalendarDateError);
  });
});
