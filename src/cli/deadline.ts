import { normalizeDeadline } from "../domain/deadline/index.js";
import type { DeadlineContext } from "../domain/deadline/index.js";
import { UsageError } from "./usage-error.js";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isoDay(flag: string, value: string | undefined): string {
  if (value === undefined || !ISO_DAY.test(value))
    throw new UsageError(`${flag} takes a date YYYY-MM-DD, e.g. 2026-12-02`);
  return value;
}

/**
 * Reads "--year 2025 [--period 2025-07-01..2025-12-31] [--issued-on D] [--received-on D]"
 * into a context (the document's date and its receipt, for counted deadlines); throws a message for the user.
 */
export function parseDeadlineContext(args: string[]): { context: DeadlineContext; rest: string[] } {
  let planYear: number | undefined;
  let period: DeadlineContext["period"];
  const documentDays: Pick<DeadlineContext, "issuedOn" | "receivedOn"> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--year") planYear = Number(args[++i]);
    else if (arg === "--issued-on") documentDays.issuedOn = isoDay(arg, args[++i]);
    else if (arg === "--received-on") documentDays.receivedOn = isoDay(arg, args[++i]);
    else if (arg === "--period") {
      const [start, end] = String(args[++i]).split("..");
      if (!start || !end) throw new UsageError("--period takes START..END, e.g. 2025-07-01..2025-12-31");
      period = { start, end };
    } else rest.push(arg);
  }
  if (planYear === undefined || !Number.isInteger(planYear))
    throw new UsageError("--year is required, e.g. --year 2025");
  return { context: { planYear, ...(period ? { period } : {}), ...documentDays }, rest };
}

/** `deadline --year Y "<text>"`: one Schedule as JSON. */
export function runDeadline(args: string[], out: (line: string) => void): void {
  const { context, rest } = parseDeadlineContext(args);
  out(JSON.stringify(normalizeDeadline(rest.join(" "), context)));
}

/** `deadlines --year Y`: one cell per input line (a literal \n is a line break in the cell), JSON Lines out. */
export function runDeadlines(args: string[], input: string, out: (line: string) => void): void {
  const { context } = parseDeadlineContext(args);
  const lines = input.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) out(JSON.stringify(normalizeDeadline(line.replaceAll("\\n", "\n"), context)));
}
