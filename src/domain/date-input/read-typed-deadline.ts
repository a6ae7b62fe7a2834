import type { IsoDate } from "../calendar/iso-date.js";
import { type DateInputOptions, parseDateInput, type WeekdayConflict } from "./parse-date-input.js";

/** What the chat does with a deadline typed as an answer: take it, refuse it with its reason, or ask which day. */
export type TypedDeadline =
  | { kind: "ok"; due: IsoDate }
  | { kind: "past"; due: IsoDate }
  /** `conflict`: the text contradicts itself ("19/12 thứ năm"), said with the question. */
  | { kind: "ambiguous"; choices: IsoDate[]; conflict?: WeekdayConflict }
  | { kind: "impossible-date" | "unknown" | "empty" };

/**
 * Reads a typed deadline against today: the last day on time of what was typed
 * ("Quý II" is due 30/06); a day already past is refused, never moved; when
 * several days fit, the ones still ahead are offered, and when only one is
 * ahead it is taken, unless the text contradicts itself.
 */
export function readTypedDeadline(text: string, today: IsoDate, options: DateInputOptions = {}): TypedDeadline {
  const result = parseDateInput(text, today, options);
  if (result.ok) return result.due < today ? { kind: "past", due: result.due } : { kind: "ok", due: result.due };
  if (result.reason !== "ambiguous") return { kind: result.reason };
  const ahead = result.choices.map((c) => c.due).filter((due) => due >= today);
  if (ahead.length === 0) return { kind: "past", due: (result.choices[0] as { due: IsoDate }).due };
  if (result.conflict) return { kind: "ambiguous", choices: ahead, conflict: result.conflict };
  if (ahead.length === 1) return { kind: "ok", due: ahead[0] as IsoDate };
  return { kind: "ambiguous", choices: ahead };
}
