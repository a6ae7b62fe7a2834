import { addDays, type IsoDate, isoWeekday } from "../calendar/iso-date.js";
import { isWorkingDay } from "../calendar/working-days.js";
import { localDay, type PlanningContext, sendInstant } from "./planning-context.js";

/** When one week's digest and needs-date list go: a local day and its instant. */
export interface WeeklySend {
  /** The Monday that names the week. */
  weekOf: IsoDate;
  date: IsoDate;
  /** ISO with the zone's offset, the policy's send time on `date`. */
  at: string;
}

/** The Monday of the ISO week of a day. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The weekly send of the week starting `monday`: the policy's digest day
 * (Monday unless the office chose another) at its send time, or the first
 * working day after it when that day is off (a holiday), else the last
 * working day before it that week. A week without a working day (Tết) has
 * no send: the next week's covers it.
 */
export function weeklySendOfWeek(monday: IsoDate, context: PlanningContext): WeeklySend | null {
  const chosen = context.policy.weeklyDigestDay - 1;
  const order = [...Array(7 - chosen).keys()].map((i) => chosen + i);
  for (let i = chosen - 1; i >= 0; i--) order.push(i);
  for (const offset of order) {
    const day = addDays(monday, offset);
    if (isWorkingDay(context.calendar, day)) return { weekOf: monday, date: day, at: sendInstant(day, context) };
  }
  return null;
}

/** Every weekly send whose day is within [from, to], in order. */
export function weeklySendsBetween(from: IsoDate, to: IsoDate, context: PlanningContext): WeeklySend[] {
  const sends: WeeklySend[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const send = weeklySendOfWeek(monday, context);
    if (send && send.date >= from && send.date <= to) sends.push(send);
  }
  return sends;
}

/**
 * The weekly sends to wait for at `now`: this week's (it may have passed:
 * whoever sends it claims it once, so a process that was off on Monday still
 * sends it later that week) and next week's.
 */
export function currentAndNextWeeklySends(now: Date, context: PlanningContext): WeeklySend[] {
  const monday = mondayOf(localDay(now, context.timeZone));
  return [weeklySendOfWeek(monday, context), weeklySendOfWeek(addDays(monday, 7), context)].filter(
    (send): send is WeeklySend => send !== null,
  );
}

/** This week's send once its instant has come, else null (not yet, or no send this week). */
export function weeklySendDue(now: Date, context: PlanningContext): WeeklySend | null {
  const send = weeklySendOfWeek(mondayOf(localDay(now, context.timeZone)), context);
  return send && Date.parse(send.at) <= now.getTime() ? send : null;
}
