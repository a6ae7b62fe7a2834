import { DateTime } from "luxon";
import { formatVietnameseDate, type IsoDate } from "../calendar/iso-date.js";
import type { WorkingCalendar } from "../calendar/working-days.js";
import { type ReminderPolicy, resolveReminderPolicy } from "../reminders/policy.js";

/** Where the product is used; new organizations get it, and nothing else assumes it. */
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/**
 * What planning needs of an organization: its reminder policy, its working
 * calendar and its time zone. Built once from the organization row (by
 * `planningContextOf`), so every job, report and front end uses the same three.
 */
export interface PlanningContext {
  policy: ReminderPolicy;
  calendar: WorkingCalendar;
  /** IANA zone of the organization: local days and send times are read in it. */
  timeZone: string;
}

/** The columns of an organization row that planning reads besides its calendar. */
export interface OrganizationPlanningFields {
  timeZone: string;
  reminderPolicy: unknown;
}

/**
 * The planning context of an organization row and its working calendar (as
 * stored: services/calendar.ts builds it); throws a ZodError naming a bad policy field.
 */
export function planningContextOf(
  organization: OrganizationPlanningFields,
  calendar: WorkingCalendar,
): PlanningContext {
  return { policy: resolveReminderPolicy(organization.reminderPolicy), calendar, timeZone: organization.timeZone };
}

/** The local day of an instant in a zone. */
export function localDay(now: Date, timeZone: string): IsoDate {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() as IsoDate;
}

/**
 * "29/11/2025": the day of an instant as the organization lives it. Every date
 * shown to a person goes through here; cut from UTC, 02:10 on 29/11 in Hanoi reads 28/11.
 */
export function formatLocalDate(instant: Date, timeZone: string): string {
  return formatVietnameseDate(localDay(instant, timeZone));
}

// Zone arithmetic is the costly part of planning and a plan has a few hundred distinct days: remember them.
const instants = new Map<string, string>();

/** The moment of a send on a local day: the policy's send time in the zone, as ISO with the zone's offset. */
export function sendInstant(date: IsoDate, context: Pick<PlanningContext, "policy" | "timeZone">): string {
  const key = `${context.timeZone}|${context.policy.sendTime}|${date}`;
  let at = instants.get(key);
  if (at === undefined) {
    const [hour, minute] = context.policy.sendTime.split(":").map(Number);
    at = DateTime.fromISO(date, { zone: context.timeZone })
      .set({ hour, minute, second: 0, millisecond: 0 })
      .toISO({ suppressMilliseconds: true }) as string;
    if (instants.size > 100_000) instants.clear();
    instants.set(key, at);
  }
  return at;
}
