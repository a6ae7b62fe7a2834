import { type IsoDate, parseIsoDate } from "./iso-date.js";
import { InvalidCalendarDateError, isWorkingDay, type WorkingCalendar } from "./working-days.js";

/** Why offices are closed on a day: a named day off (a holiday, the organization's own day) or the weekly rest. */
export type DayOff = { kind: "holiday"; name: string } | { kind: "weekend" };

/** The reason a day is not worked, or null when offices work it; messages name it instead of quietly moving a date. */
export function dayOffOf(calendar: WorkingCalendar, date: IsoDate): DayOff | null {
  if (isWorkingDay(calendar, date)) return null;
  const parts = parseIsoDate(date);
  if (!parts) throw new InvalidCalendarDateError(date);
  const named = calendar.year(parts.year).daysOff.get(date);
  // A closed weekday is always a named day off; only the weekly rest has no name.
  return named ? { kind: "holiday", name: named.name } : { kind: "weekend" };
}
