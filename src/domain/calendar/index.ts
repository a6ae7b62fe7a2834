export * from "./iso-date.js";
export { VIETNAM_PUBLIC_HOLIDAYS, type PublishedYear } from "./vietnam-holidays.js";
export {
  addWorkingDays,
  type CalendarAdjustments,
  createWorkingCalendar,
  InvalidCalendarDateError,
  isWorkingDay,
  type WorkingCalendar,
} from "./working-days.js";
