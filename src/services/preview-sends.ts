import type { IsoDate } from "../domain/calendar/iso-date.js";
import type { Schedule } from "../domain/deadline/index.js";
import type { MilestoneState } from "../domain/milestones/index.js";
import { localDay, type PlanningContext, weeklySendsBetween } from "../domain/planning/index.js";
import { type Audience, type PlannableMilestone, planReminders, type SendKind } from "../domain/reminders/index.js";

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

/** One line of `nhacviec preview --json`. */
export interface PreviewSend {
  at: string;
  kind: SendKind;
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

/**
 * Every send a plan will produce from `now`: per milestone through
 * planReminders, plus the chairman's weekly digest and the coordinators'
 * weekly list of tasks waiting for a date, across the plan's period, on the
 * days and at the instants the worker sends them (weeklySendsBetween).
 */
export function previewSends(
  tasks: PreviewTask[],
  period: { start: IsoDate; end: IsoDate },
  context: PlanningContext,
  now: Date,
): PreviewSend[] {
  const sends: PreviewSend[] = [];
  for (const task of tasks) {
    for (const milestone of task.milestones) {
      for (const send of planReminders({ ...milestone, period }, context, now)) {
        for (const audience of send.audience) {
          for (const to of recipients(audience, task.leadUnits)) {
            sends.push({ at: send.at, kind: send.kind, to, section: task.section, stt: task.stt, due: milestone.due });
          }
        }
      }
    }
  }
  const today = localDay(now, context.timeZone);
  const from = today > period.start ? today : period.start;
  const waiting = tasks.some((t) => t.milestones.some((m) => m.kind === "needs-date" && m.state !== "cancelled"));
  for (const { at } of weeklySendsBetween(from, period.end, context)) {
    if (Date.parse(at) < now.getTime()) continue;
    sends.push({
      at,
      kind: "digest",
      to: { role: "chairman", unit: null },
      section: null,
      stt: null,
      due: null,
    });
    if (waiting) {
      sends.push({
        at,
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
