import { addDays, daysBetween, type IsoDate, isoWeekday } from "../calendar/iso-date.js";
import type { MilestoneState } from "./states.js";

/** What lateness needs to know about a milestone. */
export interface LatenessInput {
  state: MilestoneState;
  due: IsoDate | null;
  /** The local day the work was handed in (submitted or done). */
  completedOn: IsoDate | null;
  /** A "Thường xuyên" task's milestone: no due day by nature, unlike one still waiting for a date. */
  ongoing?: boolean;
}

/**
 * How a milestone stands on a day, the one answer every view reads: colours,
 * the digest's text and chart, /viec and /quahan, `status`, the export and
 * the reminders' "overdue N days".
 *
 * - `on-track`: not handed in, due after this week.
 * - `due-soon`: not handed in, due between today and the end of this week (Sunday).
 * - `overdue`: not handed in and its due day has passed; `days` past due.
 * - `submitted` / `submitted-late`: handed in and waiting for approval, on or after its due day.
 *   Work handed in is no longer overdue: the unit did its part, its lateness is fixed at the day it did.
 * - `done-on-time` / `done-late`: approved, handed in on or after its due day.
 * - `ongoing`: a "Thường xuyên" task (monthly check-ins, no due day).
 * - `undated`: waiting for the office to set a date.
 * - `cancelled`: removed from the plan.
 *
 * Days are calendar days, as people count "quá 5 ngày" and as the results
 * report lists them; working days decide when reminders go, not how late work is.
 */
export type Lateness =
  | { status: "on-track" | "due-soon" | "submitted" | "done-on-time" | "ongoing" | "undated" | "cancelled"; days: 0 }
  | { status: "overdue" | "submitted-late" | "done-late"; days: number };

export type LatenessStatus = Lateness["status"];

const ON_TIME = <S extends Exclude<LatenessStatus, "overdue" | "submitted-late" | "done-late">>(status: S) =>
  ({ status, days: 0 }) as const;

/** How `milestone` stands on the local day `today`. */
export function lateness(milestone: LatenessInput, today: IsoDate): Lateness {
  const { state, due, completedOn } = milestone;
  if (state === "cancelled") return ON_TIME("cancelled");
  if (state === "done" || state === "submitted") {
    const late = due !== null && completedOn !== null && completedOn > due;
    if (late) return { status: state === "done" ? "done-late" : "submitted-late", days: daysBetween(due, completedOn) };
    return ON_TIME(state === "done" ? "done-on-time" : "submitted");
  }
  if (due === null) return ON_TIME(milestone.ongoing ? "ongoing" : "undated");
  if (due < today) return { status: "overdue", days: daysBetween(due, today) };
  const endOfWeek = addDays(today, 7 - isoWeekday(today));
  return ON_TIME(due <= endOfWeek ? "due-soon" : "on-track");
}

/** Whether the work is late now or was handed in late. */
export function isLate(l: Lateness): boolean {
  return l.status === "overdue" || l.status === "submitted-late" || l.status === "done-late";
}
