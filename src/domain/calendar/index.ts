export * from "./iso-date.js";
export { fromLunar, LUNAR_YEARS, type LunarDate, LunarDateError, leapMonthOf, tetOf, toLunar } from "./lunar.js";
export { VIETNAM_PUBLIC_HOLIDAYS, type PublishedYear } from "./vietnam-holidays.js";
export {
  addWorkingDays,
  type CalendarAdjustments,
  createWorkingCalendar,
  InvalidCalendarDateError,
  isWorkingDay,
  type WorkingCalendar,
} from "./working-days.js";
