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
  /** Supporting ("phối hợp") units: they get the start notice and the last reminder when the policy says so. */
  supportUnits?: string[];
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
  to: { role: "member" | "coordinator" | "chairman"; unit: string | null; supporting?: boolean };
  /**
   * Who will really receive it, when the organization's people are known: names,
   * or the coordinators' names when the unit has nobody reachable (then `noRecipientIn` names the unit).
   */
  people?: string[];
  noRecipientIn?: string | null;
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

/** The people who can be reached now, by unit name and by organization-wide role, as dispatchDue finds them. */
export interface ReachablePeople {
  byUnit: ReadonlyMap<string, string[]>;
  coordinators: string[];
  chairman: string[];
}

function recipients(audience: Audience, task: PreviewTask): PreviewSend["to"][] {
  if (audience === "coordinators") return [{ role: "coordinator", unit: null }];
  if (audience === "chairman") return [{ role: "chairman", unit: null }];
  if (audience === "supporting") {
    return (task.supportUnits ?? [])
      .filter((unit) => !task.leadUnits.includes(unit))
      .map((unit) => ({ role: "member", unit, supporting: true }));
  }
  // A task nobody leads yet is chased through the coordinators, who must assign it.
  if (task.leadUnits.length === 0) return [{ role: "coordinator", unit: null }];
  return task.leadUnits.map((unit) => ({ role: "member", unit }));
}

/** The names behind a recipient; a unit with nobody reachable falls to the coordinators, as in dispatchDue. */
function peopleOf(to: PreviewSend["to"], reachable: ReachablePeople): Pick<PreviewSend, "people" | "noRecipientIn"> {
  if (to.role === "coordinator") return { people: reachable.coordinators, noRecipientIn: null };
  if (to.role === "chairman") return { people: reachable.chairman, noRecipientIn: null };
  const members = reachable.byUnit.get(to.unit ?? "") ?? [];
  return members.length > 0
    ? { people: members, noRecipientIn: null }
    : { people: reachable.coordinators, noRecipientIn: to.unit };
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
  reachable?: ReachablePeople,
): PreviewSend[] {
  const sends: PreviewSend[] = [];
  for (const task of tasks) {
    for (const milestone of task.milestones) {
      for (const send of planReminders({ ...milestone, period }, context, now)) {
        for (const audience of send.audience) {
          for (const to of recipients(audience, task)) {
            sends.push({
              at: send.at,
              kind: send.kind,
              to,
              ...(reachable ? peopleOf(to, reachable) : {}),
              section: task.section,
              stt: task.stt,
              due: milestone.due,
            });
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
      ...(reachable ? { people: reachable.chairman } : {}),
      section: null,
      stt: null,
      due: null,
    });
    if (waiting) {
      sends.push({
        at,
        kind: "needs-date",
        to: { role: "coordinator", unit: null },
        ...(reachable ? { people: reachable.coordinators } : {}),
        section: null,
        stt: null,
        due: null,
      });
    }
  }
  return sends.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
