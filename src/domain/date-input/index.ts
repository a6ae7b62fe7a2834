export { formatWeekdayDate } from "./format-weekday-date.js";
export { type DateGrain, type DateInputResult, type DateReading, parseDateInput } from "./parse-date-input.js";
export { readTypedDeadline, type TypedDeadline } from "./read-typed-deadline.js";
