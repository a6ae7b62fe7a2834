import { addDays, type IsoDate, daysInMonth, toIsoDate } from "../calendar/iso-date.js";
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from "../calendar/working-days.js";
import { isChased, type MilestoneState } from "../milestones/states.js";
import { localDay, type PlanningContext, sendInstant } from "../planning/planning-context.js";
import type { MilestoneSendKind } from "./send-kinds.js";

/**
 * Who gets a send. `unit` means the lead unit's members and its head (the head
 * gets everything its unit gets); `supporting` the same of each supporting
 * ("phối hợp") unit; the others are organization-wide roles.
 * People are looked up when the send fires, so people invited later are reached.
 */
export type Audience = "unit" | "supporting" | "coordinators" | "chairman";

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
  kind: MilestoneSendKind;
  audience: Audience[];
  /** The local day and the instant (ISO with the zone's offset, "2025-09-10T08:00:00+07:00"). */
  date: IsoDate;
  at: string;
  /** Working days left before due (reminders), or after it (overdue notices and escalations). */
  workingDays: number | null;
}

/** The working day itself, or the first working day after it (a window opening on a Sunday opens on Monday). */
function sameOrNextWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  return isWorkingDay(calendar, date) ? date : addWorkingDays(calendar, date, 1);
}

function datedSends(milestone: PlannableMilestone, context: PlanningContext, today: IsoDate): PlannedSend[] {
  const { policy, calendar } = context;
  const due = milestone.due as IsoDate;
  const sends: PlannedSend[] = [];
  const add = (kind: MilestoneSendKind, date: IsoDate, audience: Audience[], workingDays: number | null): void => {
    sends.push({ kind, audience, date, at: sendInstant(date, context), workingDays });
  };
  // A due day on a weekend or holiday is reminded on the working day before it.
  const dueDay = addWorkingDays(calendar, due, 0);
  const opens = milestone.start ? sameOrNextWorkingDay(calendar, milestone.start) : null;
  // Supporting units hear of the task when it starts and once more before it is due, not at every step.
  const withSupport: Audience[] = policy.remindSupportingUnits ? ["unit", "supporting"] : ["unit"];
  if (policy.startNotice && opens && opens < dueDay) add("start", opens, withSupport, null);
  const before = [...new Set(policy.workingDaysBefore)]
    .sort((a, b) => b - a)
    .map((n) => ({ n, day: addWorkingDays(calendar, dueDay, -n) }))
    // Reminders before the window opens are skipped; the start notice already tells the unit.
    .filter(({ day }) => !(opens && day <= opens));
  before.forEach(({ n, day }, i) => add("reminder", day, i === before.length - 1 ? withSupport : ["unit"], n));
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

function checkins(milestone: PlannableMilestone, context: PlanningContext): PlannedSend[] {
  const { policy, calendar } = context;
  const sends: PlannedSend[] = [];
  const [startYear, startMonth] = milestone.period.start.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = milestone.period.end.split("-").map(Number) as [number, number];
  for (let year = startYear, month = startMonth; year < endYear || (year === endYear && month <= endMonth);) {
    const nominal = toIsoDate(year, month, Math.min(policy.checkinDayOfMonth, daysInMonth(year, month)));
    const day = addWorkingDays(calendar, nominal, 0);
    if (day >= milestone.period.start && day <= milestone.period.end) {
      sends.push({ kind: "checkin", audience: ["unit"], date: day, at: sendInstant(day, context), workingDays: null });
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
 * organization's policy, working calendar and time zone. Pure: the caller passes the
 * clock. Only open and in-progress milestones are chased: a submitted one waits
 * for the coordinators' approval, the unit has done its part. Done and cancelled milestones get nothing; a milestone waiting for a
 * date gets nothing of its own (the coordinators' weekly list covers it).
 */
export function planReminders(milestone: PlannableMilestone, context: PlanningContext, now: Date): PlannedSend[] {
  if (!isChased(milestone.state)) return [];
  let sends: PlannedSend[];
  if (milestone.kind === "ongoing") sends = checkins(milestone, context);
  else if (milestone.kind === "dated" && milestone.due) {
    sends = datedSends(milestone, context, localDay(now, context.timeZone));
  } else return [];
  const from = now.getTime();
  return sends.filter((send) => Date.parse(send.at) >= from).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
