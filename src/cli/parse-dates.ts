import { DateTime } from "luxon";
import { translatorFor } from "../i18n/i18n.js";
import { parseDateInput } from "../domain/date-input/index.js";
import { UsageError } from "./usage-error.js";

/**
 * `parse-dates --ref <ISO datetime with offset>`: one typed date per stdin
 * line, JSON Lines out. The reference day is the local day at that offset.
 * `date` is the first day of the span read at its grain, `due` its last day on
 * time; an ambiguous phrase lists its `choices` (and its `conflict` when a weekday contradicts its date).
 */
export function runParseDates(args: string[], readInput: () => string, out: (line: string) => void): void {
  let ref: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--ref") ref = args[++i];
    else throw new UsageError(`không hiểu tham số "${args[i]}"`);
  }
  if (!ref) throw new UsageError("parse-dates cần --ref, ví dụ --ref 2025-03-05T09:00:00+07:00");
  const reference = DateTime.fromISO(ref, { setZone: true });
  if (!reference.isValid) throw new UsageError(`--ref "${ref}" không phải thời điểm ISO`);
  const day = reference.toISODate();
  const { t } = translatorFor("vi");
  const lines = readInput().split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (const text of lines) {
    const result = parseDateInput(text, day);
    if (result.ok) out(JSON.stringify({ text, date: result.date, due: result.due, grain: result.grain }));
    else if (result.reason === "ambiguous")
      out(
        JSON.stringify({
          text,
          error: t("date-error", { reason: result.reason }),
          choices: result.choices,
          // "19/12 thứ năm": why it asks, when the text contradicts itself.
          ...(result.conflict ? { conflict: result.conflict } : {}),
        }),
      );
    else out(JSON.stringify({ text, error: t("date-error", { reason: result.reason }) }));
  }
}
