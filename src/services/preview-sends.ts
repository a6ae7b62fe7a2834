import { DateTime } from "luxon";
import { addDays, type IsoDate, isoWeekday } from "../domain/calendar/iso-date.js";
import { addWorkingDays, type WorkingCalendar } from "../domain/calendar/working-days.js";
import type { Schedule } from "../domain/deadline/index.js";
import {
  type Audience,
  type MilestoneState,
  type PlannableMilestone,
  planReminders,
  type ReminderPolicy,
  sendInstant,
} from "../domain/reminders/index.js";

/** A task as the preview needs it, from a document or from the database. */
export interface PreviewTask {
  section: string | null;
  stt: string;
  leadUnits: string[];
  milestones: Array<{
    kind: PlannableMilestone["kind"];
    start: IsoDate | null;
    due: IsoDate | null;
    state: MilestoneState;
  }>;
}

export type PreviewKind = "start" | "reminder" | "due" | "overdue" | "escalation" | "checkin" | "digest" | "needs-date";

/** One line of `nhacviec preview --json`. */
export interface PreviewSend {
  at: string;
  kind: PreviewKind;
  to: { role: "member" | "coordinator" | "chairman"; unit: string | null };
  section: string | null;
  stt: string | null;
  due: IsoDate | null;
}

/** The milestones a schedule gives a task: dated windows, one ongoing check-in series, or one waiting for a date. */
export function milestonesOfSchedule(schedule: Schedule): PreviewTask["milestones"] {
  if (schedule.milestones.length > 0) {
    return schedule.milestones.map((m) => ({ kind: "dated", start: m.start, due: m.due, state: "open" }));
  }
  if (schedule.kind === "ongoing") return [{ kind: "ongoing", start: null, due: null, state: "open" }];
  return [{ kind: "needs-date", start: null, due: null, state: "open" }];
}

function recipients(audience: Audience, leadUnits: string[]): PreviewSend["to"][] {
  if (audience === "coordinators") return [{ role: "coordinator", unit: null }];
  if (audience === "chairman") return [{ role: "chairman", unit: null }];
  // A task nobody leads yet is chased through the coordinators, who must assign it.
  if (leadUnits.length === 0) return [{ role: "coordinator", unit: null }];
  return leadUnits.map((unit) => ({ role: "member", unit }));
}

function mondaysAt(from: IsoDate, to: IsoDate, policy: ReminderPolicy, calendar: WorkingCalendar): IsoDate[] {
  const days: IsoDate[] = [];
  let monday = addDays(from, (8 - isoWeekday(from)) % 7);
  while (monday <= to) {
    // A Monday holiday moves the weekly send to the next working day.
    const day = addWorkingDays(calendar, monday, 0) === monday ? monday : addWorkingDays(calendar, monday, 1);
    if (day <= to) days.push(day);
    monday = addDays(monday, 7);
  }
  return days;
}

/**
 * Every send a plan will produce from `now`: per milestone through
 * planReminders, plus the chairman's Monday digest and the coordinators'
 * Monday list of tasks waiting for a date, across the plan's period.
 */
export function previewSends(
  tasks: PreviewTask[],
  period: { start: IsoDate; end: IsoDate },
  policy: ReminderPolicy,
  calendar: WorkingCalendar,
  now: Date,
): PreviewSend[] {
  const sends: PreviewSend[] = [];
  for (const task of tasks) {
    for (const milestone of task.milestones) {
      for (const send of planReminders({ ...milestone, period }, policy, calendar, now)) {
        for (const audience of send.audience) {
          for (const to of recipients(audience, task.leadUnits)) {
            sends.push({ at: send.at, kind: send.kind, to, section: task.section, stt: task.stt, due: milestone.due });
          }
        }
      }
    }
  }
  const at = (date: IsoDate): string => sendInstant(date, policy);
  const today = DateTime.fromJSDate(now, { zone: policy.timeZone }).toISODate() as IsoDate;
  const from = today > period.start ? today : period.start;
  const waiting = tasks.some((t) => t.milestones.some((m) => m.kind === "needs-date" && m.state !== "cancelled"));
  for (const day of mondaysAt(from, period.end, policy, calendar)) {
    if (Date.parse(at(day)) < now.getTime()) continue;
    sends.push({
      at: at(day),
      kind: "digest",
      to: { role: "chairman", unit: null },
      section: null,
      stt: null,
      due: null,
    });
    if (waiting) {
      sends.push({
        at: at(day),
        kind: "needs-date",
        to: { role: "coordinator", unit: null },
        section: null,
        stt: null,
        due: null,
      });
    }
  }
  return sends.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
