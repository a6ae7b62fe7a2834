export { type DateGrain, type DateInputResult, parseDateInput } from "./parse-date-input.js";
