import { DateTime } from "luxon";
import { translatorFor } from "../i18n/i18n.js";
import { parseDateInput } from "../domain/date-input/index.js";
import { UsageError } from "./usage-error.js";

/**
 * `parse-dates --ref <ISO datetime with offset>`: one typed date per stdin
 * line, JSON Lines out. The reference day is the local day at that offset.
 */
export function runParseDates(args: string[], readInput: () => string, out: (line: string) => void): void {
  let ref: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--ref") ref = args[++i];
    else throw new UsageError(`unknown argument "${args[i]}"`);
  }
  if (!ref) throw new UsageError("parse-dates needs --ref, e.g. --ref 2025-03-05T09:00:00+07:00");
  const reference = DateTime.fromISO(ref, { setZone: true });
  if (!reference.isValid) throw new UsageError(`--ref "${ref}" is not an ISO datetime`);
  const day = reference.toISODate();
  const { t } = translatorFor("vi");
  const lines = readInput().split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (const text of lines) {
    const result = parseDateInput(text, day);
    out(
      JSON.stringify(
        result.ok
          ? { text, date: result.date, grain: result.grain }
          : { text, error: t("date-error", { reason: result.reason }) },
      ),
    );
  }
}
