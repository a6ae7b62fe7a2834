export { formatWeekdayDate, weekdayName } from "./format-weekday-date.js";
export {
  type DateGrain,
  type DateInputOptions,
  type DateInputResult,
  type DateReading,
  parseDateInput,
  type WeekdayConflict,
} from "./parse-date-input.js";
export { readTypedDeadline, type TypedDeadline } from "./read-typed-deadline.js";
export { readTypedReceipt, type TypedReceipt } from "./read-typed-receipt.js";
