import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../../src/domain/calendar/index.js";
import {
  currentAndNextWeeklySends,
  DEFAULT_TIME_ZONE,
  localDay,
  mondayOf,
  type PlanningContext,
  planningContextOf,
  sendInstant,
  weeklySendDue,
  weeklySendOfWeek,
  weeklySendsBetween,
} from "../../../src/domain/planning/index.js";
import { DEFAULT_REMINDER_POLICY } from "../../../src/domain/reminders/index.js";

const context: PlanningContext = {
  policy: DEFAULT_REMINDER_POLICY,
  calendar: createWorkingCalendar(),
  timeZone: DEFAULT_TIME_ZONE,
};

describe("the weekly send", () => {
  it("goes on Monday at the policy's send time in the organization's zone", () => {
    expect(weeklySendOfWeek("2025-03-31", context)).toEqual({
      weekOf: "2025-03-31",
      date: "2025-03-31",
      at: "2025-03-31T08:00:00+07:00",
    });
  });
  it("goes on the office's chosen day, the next working day when it is off, else the last one before", () => {
    const friday = { ...context, policy: { ...DEFAULT_REMINDER_POLICY, weeklyDigestDay: 5 } };
    expect(weeklySendOfWeek("2025-03-31", friday)?.at).toBe("2025-04-04T08:00:00+07:00");
    // A Friday off of the office's own, and the weekend after it: the last working day before.
    const fridayOff = { ...friday, calendar: createWorkingCalendar({ extraDaysOff: ["2025-04-04"] }) };
    expect(weeklySendOfWeek("2025-03-31", fridayOff)?.at).toBe("2025-04-03T08:00:00+07:00");
  });
  it("moves from a holiday Monday to the next working day", () => {
    expect(weeklySendOfWeek("2025-04-07", context)?.at).toBe("2025-04-08T08:00:00+07:00");
  });
  it("skips a week without a working day (Tết 2025)", () => {
    expect(weeklySendOfWeek("2025-01-27", context)).toBeNull();
    expect(weeklySendsBetween("2025-01-20", "2025-02-09", context).map((s) => s.date)).toEqual([
      "2025-01-20",
      "2025-02-03",
    ]);
  });
  it("follows the organization's send time, zone and days off", () => {
    const own = planningContextOf(
      { timeZone: "Asia/Bangkok", reminderPolicy: { sendTime: "07:30" } },
      createWorkingCalendar({ extraDaysOff: ["2025-03-31"] }),
    );
    expect(weeklySendOfWeek("2025-03-31", own)?.at).toBe("2025-04-01T07:30:00+07:00");
    expect(sendInstant("2025-03-31", { ...own, timeZone: "Europe/Paris" })).toBe("2025-03-31T07:30:00+02:00");
  });
  it("is due once its instant has come, and waits for this and next week's until then", () => {
    expect(weeklySendDue(new Date("2025-04-07T09:00:00+07:00"), context)).toBeNull();
    expect(weeklySendDue(new Date("2025-04-08T08:00:00+07:00"), context)?.date).toBe("2025-04-08");
    expect(weeklySendDue(new Date("2025-04-12T20:00:00+07:00"), context)?.date).toBe("2025-04-08");
    expect(currentAndNextWeeklySends(new Date("2025-04-06T12:00:00+07:00"), context).map((s) => s.date)).toEqual([
      "2025-03-31",
      "2025-04-08",
    ]);
  });
  it("reads days in the zone: 23:30 UTC on Sunday is Monday in Hanoi", () => {
    expect(localDay(new Date("2025-04-06T23:30:00Z"), DEFAULT_TIME_ZONE)).toBe("2025-04-07");
    expect(mondayOf("2025-04-13")).toBe("2025-04-07");
  });
});
