import type { IsoDate } from "../calendar/iso-date.js";
import { type DateInputOptions, parseDateInput } from "./parse-date-input.js";

/** What a day of receipt typed in the chat or on the web reads as. */
export type TypedReceipt =
  | { kind: "ok"; day: IsoDate }
  /** A day not come yet: a document is received on or before today. */
  | { kind: "future"; day: IsoDate }
  /** Several days fit, none after today ("5/1" typed in June): ask which. */
  | { kind: "ambiguous"; choices: IsoDate[] }
  /** A month, a quarter, a span ("tháng 12"): a receipt is one day. */
  | { kind: "not-a-day" }
  | { kind: "impossible-date" | "unknown" | "empty" };

/**
 * Reads a day of receipt typed against today with the chat's date parser
 * (parseDateInput): "05/12/2026", "5/12", "hôm qua", "2026-12-05". Unlike a
 * deadline it looks back: of the days that fit, only those not after today
 * can be the receipt; one such is taken, several are asked about.
 */
export function readTypedReceipt(text: string, today: IsoDate, options: DateInputOptions = {}): TypedReceipt {
  const result = parseDateInput(text, today, options);
  if (result.ok) {
    if (result.grain !== "day") return { kind: "not-a-day" };
    return result.due > today ? { kind: "future", day: result.due } : { kind: "ok", day: result.due };
  }
  if (result.reason !== "ambiguous") return { kind: result.reason };
  const days = result.choices.filter((c) => c.grain === "day").map((c) => c.due);
  if (days.length === 0) return { kind: "not-a-day" };
  const past = days.filter((day) => day <= today);
  if (past.length === 0) return { kind: "future", day: days[0] as IsoDate };
  if (past.length === 1 && !result.conflict) return { kind: "ok", day: past[0] as IsoDate };
  return { kind: "ambiguous", choices: past };
}
