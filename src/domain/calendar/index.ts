export * from "./iso-date.js";
export { type DayOff, dayOffOf } from "./day-off.js";
export { type LunarAnchor, type LunarRelation, lunarRelationWindow } from "./lunar-season.js";
export {
  fromLunar,
  LUNAR_YEARS,
  type LunarDate,
  LunarDateError,
  leapMonthOf,
  lunarWindow,
  tetOf,
  toLunar,
} from "./lunar.js";
export {
  HOLIDAY_RULES,
  type HolidayRule,
  type NamedDay,
  rulesInForce,
  statutoryDaysOff,
  statutoryTetBreak,
} from "./holiday-rules.js";
export { VIETNAM_PUBLIC_HOLIDAYS, type PublishedYear } from "./vietnam-holidays.js";
export {
  addWorkingDays,
  type CalendarAddition,
  type CalendarAdjustments,
  type CalendarScope,
  type CalendarYear,
  createWorkingCalendar,
  InvalidCalendarDateError,
  isArrangementPublished,
  isWorkingDay,
  type WorkingCalendar,
} from "./working-days.js";
