/**
 * How a document's deadline cells are read, for the importer and for a date
 * of receipt set later alike: one context and one reading, so a task whose
 * deadline counts "kể từ ngày nhận được văn bản này" gets the same dates when
 * the receipt is given at import and when it is given a week after.
 */
import type { IsoDate } from "../calendar/index.js";
import { combineSchedules } from "./combine.js";
import { normalizeDocumentDeadline } from "./document-deadline.js";
import { normalizeDeadline } from "./normalize.js";
import type { DeadlineContext, Period, Schedule } from "./schedule.js";

/**
 * "directive": a letter, a conclusion, a directive read sentence by sentence,
 * its deadlines counted from its date (normalizeDocumentDeadline); "plan": a
 * plan's table or numbered parts, read within its period.
 */
export type DeadlineReading = "directive" | "plan";

/** A document as stored with its plan: what its deadlines are read against. */
export interface DocumentDates {
  reading: DeadlineReading;
  /** The plan's year: a date without a year falls in it. */
  year: number;
  period: Period;
  issuedOn: IsoDate | null;
  receivedOn: IsoDate | null;
}

/**
 * The reading a stored document was imported with, from its kind: a plan has
 * none (a table) or "Kế hoạch" (numbered parts); any other kind was read as a
 * directive.
 */
export function deadlineReadingOf(kind: string | null): DeadlineReading {
  return kind === null || kind === "Kế hoạch" ? "plan" : "directive";
}

/**
 * The context a document's deadlines are read in. A directive with a date
 * runs its recurring work for the twelve months after it (the normalizer's
 * default period), not for the calendar year it was signed in; a plan within
 * its period. The receipt, when known, is where "kể từ ngày nhận" counts from.
 */
export function documentDeadlineContext(document: DocumentDates): DeadlineContext {
  const { reading, year, period, issuedOn, receivedOn } = document;
  const dated: DeadlineContext =
    reading === "directive"
      ? issuedOn
        ? { planYear: year, issuedOn }
        : { planYear: year, period }
      : { planYear: year, period, ...(issuedOn ? { issuedOn } : {}) };
  return receivedOn ? { ...dated, receivedOn } : dated;
}

/** A task's schedule from its deadline texts, read as its document is read. */
export function scheduleOfDeadlineTexts(texts: string[], reading: DeadlineReading, context: DeadlineContext): Schedule {
  const normalize = reading === "directive" ? normalizeDocumentDeadline : normalizeDeadline;
  return combineSchedules(texts.map((text) => normalize(text, context)));
}

/**
 * Whether a deadline's day hangs on the receipt: "kể từ ngày nhận được văn
 * bản này", and a count naming no start ("trong 07 ngày"), which counts from
 * the receipt once it is known.
 */
export function countsFromReceipt(schedule: Schedule): boolean {
  return schedule.counted?.from === "received" || schedule.counted?.from === "unnamed";
}

/**
 * The schedule of a task of `document` read with the receipt it now has, or
 * null when none of its deadline texts counts from the receipt (the task is
 * left as it is).
 */
export function scheduleFromReceipt(texts: string[], document: DocumentDates): Schedule | null {
  const context = documentDeadlineContext(document);
  const normalize = document.reading === "directive" ? normalizeDocumentDeadline : normalizeDeadline;
  const read = texts.map((text) => normalize(text, context));
  if (!read.some(countsFromReceipt)) return null;
  return combineSchedules(read);
}

/** Why a day cannot be the document's receipt: before the document existed, or not come yet. */
export type ReceiptProblem = "before-issued" | "in-future";

/** Checks a day of receipt against the document's date and the office's today; null when it can be. */
export function receiptProblem(receivedOn: IsoDate, issuedOn: IsoDate | null, today: IsoDate): ReceiptProblem | null {
  if (issuedOn !== null && receivedOn < issuedOn) return "before-issued";
  if (receivedOn > today) return "in-future";
  return null;
}
