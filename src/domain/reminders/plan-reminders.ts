import { DateTime } from "luxon";
import { addDays, type IsoDate, daysInMonth, toIsoDate } from "../calendar/iso-date.js";
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from "../calendar/working-days.js";
import type { ReminderPolicy } from "./policy.js";

/** What a send says: opening of a window, a reminder, the due day, overdue notices, check-ins. */
export type SendKind = "start" | "reminder" | "due" | "overdue" | "escalation" | "checkin";

/**
 * Who gets a send. `unit` means the lead unit's members and its head (the head
 * gets everything its unit gets); the others are organization-wide roles.
 * People are looked up when the send fires, so people invited later are reached.
 */
export type Audience = "unit" | "coordinators" | "chairman";

import type { MilestoneState } from "../milestones/progress-colour.js";

export type { MilestoneState };

/** What the planner needs to know about one milestone. */
export interface PlannableMilestone {
  /** A dated window or day, an ongoing task (monthly check-ins), or one still waiting for a date. */
  kind: "dated" | "ongoing" | "needs-date";
  start: IsoDate | null;
  due: IsoDate | null;
  state: MilestoneState;
  /** The plan's period: check-ins of ongoing tasks stay inside it. */
  period: { start: IsoDate; end: IsoDate };
}

export interface PlannedSend {
  kind: SendKind;
  audience: Audience[];
  /** The local day and the instant (ISO with the zone's offset, "2025-09-10T08:00:00+07:00"). */
  date: IsoDate;
  at: string;
  /** Working days left before due (reminders), or after it (overdue notices and escalations). */
  workingDays: number | null;
}

// A submitted milestone waits for the coordinator's approval: the unit has done its part and is not chased.
const ACTIVE: ReadonlySet<MilestoneState> = new Set(["open", "in_progress", "overdue"]);

// Zone arithmetic is the costly part of planning and a plan has a few hundred distinct days: remember them.
const instants = new Map<string, string>();

/** The moment of a send on a local day: the policy's send time in its zone, as ISO with the offset. */
export function sendInstant(date: IsoDate, policy: ReminderPolicy): string {
  const key = `${policy.timeZone}|${policy.sendTime}|${date}`;
  let at = instants.get(key);
  if (at === undefined) {
    const [hour, minute] = policy.sendTime.split(":").map(Number);
    at = DateTime.fromISO(date, { zone: policy.timeZone })
      .set({ hour, minute, second: 0, millisecond: 0 })
      .toISO({ suppressMilliseconds: true }) as string;
    if (instants.size > 100_000) instants.clear();
    instants.set(key, at);
  }
  return at;
}

/** The working day itself, or the first working day after it (a window opening on a Sunday opens on Monday). */
function sameOrNextWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  return isWorkingDay(calendar, date) ? date : addWorkingDays(calendar, date, 1);
}

function datedSends(
  milestone: PlannableMilestone,
  policy: ReminderPolicy,
  calendar: WorkingCalendar,
  today: IsoDate,
): PlannedSend[] {
  const due = milestone.due as IsoDate;
  const sends: PlannedSend[] = [];
  const add = (kind: SendKind, date: IsoDate, audience: Audience[], workingDays: number | null): void => {
    sends.push({ kind, audience, date, at: sendInstant(date, policy), workingDays });
  };
  // A due day on a weekend or holiday is reminded on the working day before it.
  const dueDay = addWorkingDays(calendar, due, 0);
  const opens = milestone.start ? sameOrNextWorkingDay(calendar, milestone.start) : null;
  if (policy.startNotice && opens && opens < dueDay) add("start", opens, ["unit"], null);
  for (const n of [...new Set(policy.workingDaysBefore)].sort((a, b) => b - a)) {
    const day = addWorkingDays(calendar, dueDay, -n);
    // Reminders before the window opens are skipped; the start notice already tells the unit.
    if (opens && day <= opens) continue;
    add("reminder", day, ["unit"], n);
  }
  if (policy.onDueDay) add("due", dueDay, ["unit"], 0);
  const overdueDay = (n: number) => addWorkingDays(calendar, due, n);
  add("overdue", overdueDay(policy.overdueToUnitAfter), ["unit"], policy.overdueToUnitAfter);
  add("escalation", overdueDay(policy.overdueToCoordinatorsAfter), ["coordinators"], policy.overdueToCoordinatorsAfter);
  const chairmanDay = overdueDay(policy.overdueToChairmanAfter);
  add("escalation", chairmanDay, ["chairman"], policy.overdueToChairmanAfter);
  const horizon = addDays(today > chairmanDay ? today : chairmanDay, policy.repeatPlanAheadDays);
  for (let k = 1; k <= 520; k++) {
    const nominal = addDays(chairmanDay, k * policy.repeatOverdueEveryDays);
    if (nominal > horizon) break;
    add("escalation", addWorkingDays(calendar, nominal, 0), ["unit", "coordinators", "chairman"], null);
  }
  return sends;
}

function checkins(milestone: PlannableMilestone, policy: ReminderPolicy, calendar: WorkingCalendar): PlannedSend[] {
  const sends: PlannedSend[] = [];
  const [startYear, startMonth] = milestone.period.start.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = milestone.period.end.split("-").map(Number) as [number, number];
  for (let year = startYear, month = startMonth; year < endYear || (year === endYear && month <= endMonth);) {
    const nominal = toIsoDate(year, month, Math.min(policy.checkinDayOfMonth, daysInMonth(year, month)));
    const day = addWorkingDays(calendar, nominal, 0);
    if (day >= milestone.period.start && day <= milestone.period.end) {
      sends.push({ kind: "checkin", audience: ["unit"], date: day, at: sendInstant(day, policy), workingDays: null });
    }
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return sends;
}

/**
 * Every send a milestone will need from `now` on, in time order, under the
 * organization's policy and working calendar. Pure: the caller passes the
 * clock. Done and cancelled milestones get nothing; a milestone waiting for a
 * date gets nothing of its own (the coordinators' weekly list covers it).
 */
export function planReminders(
  milestone: PlannableMilestone,
  policy: ReminderPolicy,
  calendar: WorkingCalendar,
  now: Date,
): PlannedSend[] {
  if (!ACTIVE.has(milestone.state)) return [];
  let sends: PlannedSend[];
  if (milestone.kind === "ongoing") sends = checkins(milestone, policy, calendar);
  else if (milestone.kind === "dated" && milestone.due) {
    const today = DateTime.fromJSDate(now, { zone: policy.timeZone }).toISODate() as IsoDate;
    sends = datedSends(milestone, policy, calendar, today);
  } else return [];
  const from = now.getTime();
  return sends.filter((send) => Date.parse(send.at) >= from).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
