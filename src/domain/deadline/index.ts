export { combineSchedules } from "./combine.js";
export { normalizeDocumentDeadline } from "./document-deadline.js";
export { InvalidDeadlineContextError, normalizeDeadline } from "./normalize.js";
export type {
  CountedDeadline,
  DeadlineContext,
  Milestone,
  Period,
  Recurrence,
  RecurrenceUnit,
  Schedule,
  ScheduleKind,
} from "./schedule.js";
export { awaitsReceipt } from "./awaits-receipt.js";
export {
  countsFromReceipt,
  type DeadlineReading,
  deadlineReadingOf,
  type DocumentDates,
  documentDeadlineContext,
  type ReceiptProblem,
  receiptProblem,
  scheduleFromReceipt,
  scheduleOfDeadlineTexts,
} from "./document-reading.js";
