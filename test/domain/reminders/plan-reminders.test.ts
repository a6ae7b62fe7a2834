import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../../src/domain/calendar/index.js";
import { normalizeDeadline } from "../../../src/domain/deadline/index.js";
import {
  DEFAULT_REMINDER_POLICY,
  type PlannableMilestone,
  planReminders,
  resolveReminderPolicy,
} from "../../../src/domain/reminders/index.js";
import { DEFAULT_TIME_ZONE, type PlanningContext } from "../../../src/domain/planning/index.js";

const calendar = createWorkingCalendar();
const year2025 = { start: "2025-01-01", end: "2025-12-31" };
const beginning = new Date("2025-01-01T00:00:00+07:00");
const policy = { ...DEFAULT_REMINDER_POLICY, repeatPlanAheadDays: 14 };
const context: PlanningContext = { policy, calendar, timeZone: DEFAULT_TIME_ZONE };

const dated = (start: string | null, due: string, state: PlannableMilestone["state"] = "open"): PlannableMilestone => ({
  kind: "dated",
  start,
  due,
  state,
  period: year2025,
});
const brief = (sends: ReturnType<typeof planReminders>) => sends.map((s) => [s.kind, s.date, s.audience.join("+")]);

describe("planReminders", () => {
  it("opens a quarter with a start notice, reminds 14, 7, 3 and 1 working days before and on the due day, then escalates", () => {
    const sends = planReminders(dated("2025-07-01", "2025-09-30"), context, beginning);
    expect(brief(sends)).toEqual([
      ["start", "2025-07-01", "unit+supporting"],
      ["reminder", "2025-09-10", "unit"],
      ["reminder", "2025-09-19", "unit"],
      ["reminder", "2025-09-25", "unit"],
      ["reminder", "2025-09-29", "unit+supporting"],
      ["due", "2025-09-30", "unit"],
      ["overdue", "2025-10-01", "unit"],
      ["escalation", "2025-10-03", "coordinators"],
      ["escalation", "2025-10-09", "chairman"],
      ["escalation", "2025-10-16", "unit+coordinators+chairman"],
      ["escalation", "2025-10-23", "unit+coordinators+chairman"],
    ]);
    expect(sends[1]?.at).toBe("2025-09-10T08:00:00+07:00");
    expect(sends[1]?.workingDays).toBe(14);
  });

  it("keeps sending weekly overdue notices as long as the milestone stays open", () => {
    const later = new Date("2025-12-01T09:00:00+07:00");
    const sends = planReminders(dated("2025-07-01", "2025-09-30"), context, later);
    expect(brief(sends)).toEqual([
      ["escalation", "2025-12-04", "unit+coordinators+chairman"],
      ["escalation", "2025-12-11", "unit+coordinators+chairman"],
    ]);
  });

  it("counts over the 2/9 holidays: 14 working days before 15/9 skip 1/9 and 2/9", () => {
    const sends = planReminders(dated(null, "2025-09-15"), context, beginning);
    // 12/9 back to 3/9 are 8 working days; 1/9 and 2/9 are off; 29/8 back to 22/8 are 6 more.
    expect(sends.find((s) => s.workingDays === 14)?.date).toBe("2025-08-22");
  });

  it("reminds a deadline that falls in Tết on the working day before the holiday", () => {
    const sends = planReminders(dated(null, "2025-01-28"), context, beginning);
    expect(sends.find((s) => s.kind === "due")?.date).toBe("2025-01-24");
    expect(sends.find((s) => s.workingDays === 1 && s.kind === "reminder")?.date).toBe("2025-01-23");
    // Overdue counts working days after the stated day: the office reopens on 3/2.
    expect(sends.find((s) => s.kind === "overdue")?.date).toBe("2025-02-03");
  });

  it("uses the make-up Saturday 26/4/2025 as a working day and skips 30/4-2/5", () => {
    const sends = planReminders(dated(null, "2025-05-01"), context, beginning);
    expect(sends.find((s) => s.kind === "due")?.date).toBe("2025-04-29");
    expect(sends.find((s) => s.workingDays === 1 && s.kind === "reminder")?.date).toBe("2025-04-28");
    // Two working days before Tuesday 29/4: Monday 28/4, then Saturday 26/4, worked in exchange for 2/5.
    const twoBefore = planReminders(
      dated(null, "2025-05-01"),
      { ...context, policy: { ...policy, workingDaysBefore: [2] } },
      beginning,
    );
    expect(twoBefore.find((s) => s.kind === "reminder")?.date).toBe("2025-04-26");
    expect(sends.find((s) => s.kind === "overdue")?.date).toBe("2025-05-05");
  });

  it("opens a window that starts on a weekend on the next working day", () => {
    const sends = planReminders(dated("2025-02-01", "2025-02-28"), context, beginning);
    expect(brief(sends).slice(0, 6)).toEqual([
      ["start", "2025-02-03", "unit+supporting"],
      ["reminder", "2025-02-10", "unit"],
      ["reminder", "2025-02-19", "unit"],
      ["reminder", "2025-02-25", "unit"],
      ["reminder", "2025-02-27", "unit+supporting"],
      ["due", "2025-02-28", "unit"],
    ]);
  });

  it("gives a short window only the last reminders, none before it opens", () => {
    const sends = planReminders(dated("2025-09-24", "2025-09-30"), context, beginning);
    expect(brief(sends).slice(0, 4)).toEqual([
      ["start", "2025-09-24", "unit+supporting"],
      ["reminder", "2025-09-25", "unit"],
      ["reminder", "2025-09-29", "unit+supporting"],
      ["due", "2025-09-30", "unit"],
    ]);
  });

  it("tells supporting units at the start and at the last reminder only, unless the policy says not to", () => {
    const sends = planReminders(dated("2025-07-01", "2025-09-30"), context, beginning);
    expect(sends.filter((s) => s.audience.includes("supporting")).map((s) => [s.kind, s.date])).toEqual([
      ["start", "2025-07-01"],
      ["reminder", "2025-09-29"],
    ]);
    const quiet = { ...context, policy: { ...policy, remindSupportingUnits: false } };
    expect(
      planReminders(dated("2025-07-01", "2025-09-30"), quiet, beginning).some((s) => s.audience.includes("supporting")),
    ).toBe(false);
  });

  it("plans each milestone of a multi-milestone schedule on its own", () => {
    const schedule = normalizeDeadline("Quý III, Quý IV năm 2025", { planYear: 2025 });
    const dueDays = schedule.milestones.map(
      (m) => planReminders(dated(m.start, m.due), context, beginning).find((s) => s.kind === "due")?.date,
    );
    expect(dueDays).toEqual(["2025-09-30", "2025-12-31"]);
  });

  it("plans every occurrence of a recurring schedule inside the period", () => {
    const schedule = normalizeDeadline("Định kỳ ngày 25 hàng tháng", { planYear: 2025 });
    const dueDays = schedule.milestones.map(
      (m) => planReminders(dated(m.start, m.due), context, beginning).find((s) => s.kind === "due")?.date,
    );
    // 25/1 is a Saturday, 25/5 a Sunday, 25/10 a Saturday: each moves to the Friday before.
    expect(dueDays.slice(0, 5)).toEqual(["2025-01-24", "2025-02-25", "2025-03-25", "2025-04-25", "2025-05-23"]);
    expect(dueDays).toHaveLength(12);
  });

  it("checks in on ongoing tasks on the 25th, or the working day before it", () => {
    const ongoing: PlannableMilestone = {
      kind: "ongoing",
      start: null,
      due: null,
      state: "open",
      period: { start: "2025-07-01", end: "2025-12-31" },
    };
    expect(brief(planReminders(ongoing, context, beginning))).toEqual([
      ["checkin", "2025-07-25", "unit"],
      ["checkin", "2025-08-25", "unit"],
      ["checkin", "2025-09-25", "unit"],
      ["checkin", "2025-10-24", "unit"],
      ["checkin", "2025-11-25", "unit"],
      ["checkin", "2025-12-25", "unit"],
    ]);
  });

  it("sends nothing more for done, cancelled or submitted milestones, nor for one waiting for a date", () => {
    for (const state of ["done", "cancelled", "submitted"] as const) {
      expect(planReminders(dated(null, "2025-09-30", state), context, beginning)).toEqual([]);
    }
    const waiting: PlannableMilestone = { kind: "needs-date", start: null, due: null, state: "open", period: year2025 };
    expect(planReminders(waiting, context, beginning)).toEqual([]);
  });

  it("plans only what is still ahead of now", () => {
    const now = new Date("2025-09-29T09:00:00+07:00");
    const sends = planReminders(dated("2025-07-01", "2025-09-30"), context, now);
    expect(sends[0]).toMatchObject({ kind: "due", date: "2025-09-30" });
  });

  it("follows an organization's policy: its own send time, offsets and local days off", () => {
    const own = resolveReminderPolicy({ sendTime: "07:30", workingDaysBefore: [2], startNotice: false });
    const local = createWorkingCalendar({ extraDaysOff: ["2025-09-29"] });
    const sends = planReminders(
      dated("2025-07-01", "2025-09-30"),
      { policy: own, calendar: local, timeZone: DEFAULT_TIME_ZONE },
      beginning,
    );
    expect(sends.slice(0, 2).map((s) => [s.kind, s.at])).toEqual([
      ["reminder", "2025-09-25T07:30:00+07:00"],
      ["due", "2025-09-30T07:30:00+07:00"],
    ]);
    expect(() => resolveReminderPolicy({ sendTime: "25:00" })).toThrow(/sendTime/);
  });
});
