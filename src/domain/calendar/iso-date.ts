/**
 * Calendar dates as ISO strings ("2025-09-30"). Plan deadlines are whole days in
 * the organization's calendar, so they carry no time and no zone.
 */
export type IsoDate = string;

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Number of days in a month (month 1-12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the day exists: 31/02 or 29/02/2025 do not. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Formats a day that the caller knows exists. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const yyyy = year >= 1000 ? String(year) : String(year).padStart(4, "0");
  return `${yyyy}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Parses "YYYY-MM-DD"; null when the text is not a real day. */
export function parseIsoDate(text: string): YearMonthDay | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

function toEpochDay(date: IsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not an ISO date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const weekday = new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** First and last day of a month. */
export function monthWindow(year: number, month: number): { start: IsoDate; due: IsoDate } {
  return { start: toIsoDate(year, month, 1), due: toIsoDate(year, month, daysInMonth(year, month)) };
}

/** "2025-09-30" as Vietnamese readers write it: "30/09/2025". */
export function formatVietnameseDate(date: IsoDate): string {
  return date.split("-").reverse().join("/");
}

/** The same day `months` months on (or back), or the month's last day when it is shorter: 31/01 + 1 is 28/02 or 29/02. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date) as YearMonthDay;
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}
