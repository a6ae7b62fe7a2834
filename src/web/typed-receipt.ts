/** A day of receipt typed into a web form, read as the chat reads one, with the words (naming the field) of why not. */
import type { IsoDate } from "../domain/calendar/index.js";
import { formatWeekdayDate, readTypedReceipt } from "../domain/date-input/index.js";
import type { Translator } from "../i18n/i18n.js";

/** The day typed, or why it is not one. */
export function readReceiptField(
  t: Translator["t"],
  text: string,
  today: IsoDate,
): { day: IsoDate } | { error: string } {
  const read = readTypedReceipt(text, today);
  switch (read.kind) {
    case "ok":
      return { day: read.day };
    case "empty":
      return { error: t("web-receipt-empty") };
    case "future":
      return { error: t("receipt-future", { text, date: formatWeekdayDate(read.day) }) };
    case "ambiguous":
      return { error: t("web-receipt-choose", { text, choices: read.choices.map(formatWeekdayDate).join(" / ") }) };
    case "not-a-day":
      return { error: t("receipt-not-a-day", { text }) };
    default:
      return { error: t("receipt-bad-date", { text }) };
  }
}
