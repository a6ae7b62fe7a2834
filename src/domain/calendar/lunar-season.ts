/**
 * Windows around a day of the lunar calendar that Vietnamese documents name by
 * their relation to it: "sau Tết", "ngay sau Tết", "trong tháng đầu sau Tết",
 * "trước và sau Tết", "sau rằm tháng giêng". What each one means is the choice
 * recorded in docs/spec/deadlines.md ("Lunar seasons"); this file only does the
 * arithmetic. Throws LunarDateError outside the lunar tables (1900–2199).
 */
import { addDays, type IsoDate } from "./iso-date.js";
import { fromLunar, lunarWindow, toLunar } from "./lunar.js";
import { isWorkingDay, type WorkingCalendar } from "./working-days.js";

/**
 * - `after`: "sau X", no bound written: from the day after X (after Tết, the
 *   first working day after its break) to the end of that lunar month;
 * - `right-after`: "ngay sau X": the first working day after X (after Tết's break);
 * - `first-month-after`: "trong tháng đầu sau Tết": as `after`, but the bound is written;
 * - `around`: "trước và sau Tết": rằm tháng chạp to rằm tháng giêng, the usual Tết campaign.
 */
export type LunarRelation = "after" | "right-after" | "first-month-after" | "around";

/** The day, the month (`day` null) or Tết (its holiday, not only mùng 1) a relation hangs on. */
export interface LunarAnchor {
  month: number;
  day: number | null;
  tet: boolean;
}

/** The first working day on or after `from`; a day off run longer than a month means the calendar knows no such day. */
function firstWorkingDayFrom(calendar: WorkingCalendar, from: IsoDate): IsoDate {
  let day = from;
  for (let i = 0; i < 40 && !isWorkingDay(calendar, day); i++) day = addDays(day, 1);
  return day;
}

/** The last day of the lunar month (leap or not) that holds `date`. */
function endOfLunarMonthOf(date: IsoDate): IsoDate {
  const lunar = toLunar(date);
  // A lunar month has 29 or 30 days: the end is day 29, or day 30 when it still belongs to the month.
  const day29 = addDays(date, 29 - lunar.day);
  return toLunar(addDays(day29, 1)).day === 30 ? addDays(day29, 1) : day29;
}

/** The window of `relation` to `anchor` in lunar year `year`; start null for a single due day. */
export function lunarRelationWindow(
  relation: LunarRelation,
  anchor: LunarAnchor,
  year: number,
  calendar: WorkingCalendar,
): { start: IsoDate | null; due: IsoDate } {
  if (relation === "around") {
    return { start: fromLunar({ year: year - 1, month: 12, day: 15, leap: false }), due: lunarWindow(year, 1, 15).due };
  }
  // The day X ends on: Tết's break ends with its last day off; a month ends with its last day.
  const last = anchor.tet ? lunarWindow(year, 1, 1).due : lunarWindow(year, anchor.month, anchor.day).due;
  const firstAfter = anchor.tet ? firstWorkingDayFrom(calendar, last) : addDays(last, 1);
  if (relation === "right-after") return { start: null, due: firstWorkingDayFrom(calendar, firstAfter) };
  return { start: firstAfter, due: endOfLunarMonthOf(firstAfter) };
}
