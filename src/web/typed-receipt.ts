/** A day of receipt typed into a web form, read as the chat reads one, with the words (naming the field) of why not. */
import type { IsoDate } from "../domain/calendar/index.js";
import { readTypedReceipt } from "../domain/date-input/index.js";
import type { Translator } from "../i18n/i18n.js";
import { receiptRefusalWords } from "../i18n/typed-receipt.js";

/** The day typed, or why it is not one. */
export function readReceiptField(
  t: Translator["t"],
  text: string,
  today: IsoDate,
): { day: IsoDate } | { error: string } {
  const read = readTypedReceipt(text, today);
  return read.kind === "ok" ? { day: read.day } : { error: receiptRefusalWords(t, text, read) };
}
