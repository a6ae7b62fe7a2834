/** Why a day of receipt typed into a field is not one, in the locale's words: one definition for the web and the CLI. */
import { formatWeekdayDate, type TypedReceipt } from "../domain/date-input/index.js";
import type { Translator } from "./i18n.js";

/**
 * The words for a typed receipt that is not a day (readTypedReceipt's answer
 * other than "ok"), naming what was typed. Several fitting days are listed to
 * type in full; the chat offers them as buttons instead.
 */
export function receiptRefusalWords(
  t: Translator["t"],
  text: string,
  read: Exclude<TypedReceipt, { kind: "ok" }>,
): string {
  switch (read.kind) {
    case "empty":
      return t("web-receipt-empty");
    case "future":
      return t("receipt-future", { text, date: formatWeekdayDate(read.day) });
    case "ambiguous":
      return t("web-receipt-choose", { text, choices: read.choices.map(formatWeekdayDate).join(" / ") });
    case "not-a-day":
      return t("receipt-not-a-day", { text });
    default:
      return t("receipt-bad-date", { text });
  }
}
