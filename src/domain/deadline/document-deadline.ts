import { normalizeDeadline } from "./normalize.js";
import type { DeadlineContext, Schedule } from "./schedule.js";

/** A four-digit year written in the phrase: then the writer chose the year and it is kept. */
const WRITTEN_YEAR = /(?<!\d)(19|20|21)\d{2}(?!\d)/;

/**
 * A deadline of a dated document (a letter, a conclusion, a directive) rather
 * than of a year's plan. Two readings differ from a plan's: a day without a year
 * that falls before the document was signed is next year's ("trước ngày 15/01" in
 * a letter of December), and recurring work starts with the first occurrence on
 * or after the document, not in January. Without the document's date it reads
 * as a plan's deadline.
 */
export function normalizeDocumentDeadline(text: string, context: DeadlineContext): Schedule {
  const schedule = normalizeDeadline(text, context);
  const issuedOn = context.issuedOn;
  if (!issuedOn) return schedule;
  if (schedule.kind === "recurring") {
    const coming = schedule.milestones.filter((m) => m.due >= issuedOn);
    return coming.length > 0 ? { ...schedule, milestones: coming } : schedule;
  }
  const due = schedule.milestones[0]?.due;
  if (due && due < issuedOn && !WRITTEN_YEAR.test(text)) {
    return normalizeDeadline(text, { ...context, planYear: context.planYear + 1, period: undefined });
  }
  return schedule;
}
