import { addDays, type IsoDate, isoWeekday, parseIsoDate } from "./iso-date.js";
import { type PublishedYear, VIETNAM_PUBLIC_HOLIDAYS } from "./vietnam-holidays.js";

/** Which days an organization works: weekdays, less public holidays and its own days off. */
export interface WorkingCalendar {
  readonly daysOff: ReadonlySet<IsoDate>;
  readonly workingWeekends: ReadonlySet<IsoDate>;
}

export interface CalendarAdjustments {
  /** The organization's own days off (a local festival, an office move). */
  extraDaysOff?: IsoDate[];
  /** Weekend days it works. */
  extraWorkingDays?: IsoDate[];
}

export class InvalidCalendarDateError extends Error {
  override readonly name = "InvalidCalendarDateError";
  constructor(readonly date: string) {
    super(`Not an ISO date (YYYY-MM-DD): ${date}`);
  }
}

function checked(date: IsoDate): IsoDate {
  if (!parseIsoDate(date)) throw new InvalidCalendarDateError(date);
  return date;
}

/** A calendar from the published years plus an organization's own adjustments. */
export function createWorkingCalendar(
  adjustments: CalendarAdjustments = {},
  published: Readonly<Record<number, PublishedYear>> = VIETNAM_PUBLIC_HOLIDAYS,
): WorkingCalendar {
  const daysOff = new Set<IsoDate>();
  const workingWeekends = new Set<IsoDate>();
  for (const year of Object.values(published)) {
    for (const day of year.daysOff) daysOff.add(checked(day.date));
    for (const day of year.workingWeekends) workingWeekends.add(checked(day.date));
  }
  for (const date of adjustments.extraDaysOff ?? []) {
    daysOff.add(checked(date));
    workingWeekends.delete(date);
  }
  for (const date of adjustments.extraWorkingDays ?? []) {
    workingWeekends.add(checked(date));
    daysOff.delete(date);
  }
  return { daysOff, workingWeekends };
}

/** True when state offices work that day. */
export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  checked(date);
  if (calendar.workingWeekends.has(date)) return true;
  if (calendar.daysOff.has(date)) return false;
  return isoWeekday(date) <= 5;
}

/**
 * The working day `n` working days after `date` (before it when n is negative).
 * With n = 0: the date itself when it is a working day, else the previous one,
 * which is where a reminder for a weekend deadline goes.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be a whole number, got ${n}`);
  let current = checked(date);
  if (n === 0) {
    while (!isWorkingDay(calendar, current)) current = addDays(current, -1);
    return current;
  }
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(calendar, current)) remaining--;
  }
  return current;
}
