import type { Schedule } from "./schedule.js";

/** A deadline counted from the day the document was received ("kể từ ngày nhận được"), while that day is unknown. */
export function awaitsReceipt(schedule: Schedule): boolean {
  return schedule.counted?.from === "received" && schedule.counted.reference === null;
}
