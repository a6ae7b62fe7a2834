import { normalizeDeadline } from "../domain/deadline/index.js";
import type { DeadlineContext } from "../domain/deadline/index.js";
import { UsageError } from "./usage-error.js";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isoDay(flag: string, value: string | undefined): string {
  if (value === undefined || !ISO_DAY.test(value))
    throw new UsageError(`${flag} nhận một ngày YYYY-MM-DD, ví dụ 2026-12-02`);
  return value;
}

/** A year the text itself names ("Quý III/2025", "trước 30/6/2026"): the first four-digit 19xx or 20xx. */
function yearNamedIn(text: string): number | undefined {
  const match = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

const yearOf = (day: string | undefined): number | undefined => (day ? Number(day.slice(0, 4)) : undefined);

/**
 * Reads "--year 2025 [--period 2025-07-01..2025-12-31] [--issued-on D] [--received-on D]"
 * into a context (the document's date and its receipt, for counted deadlines); throws a message for the user.
 * Without --year, the year the text names is the plan's (`text`: the one cell of `deadline`).
 */
export function parseDeadlineContext(args: string[], text?: string): { context: DeadlineContext; rest: string[] } {
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
      if (!start || !end) throw new UsageError("--period nhận BẮT_ĐẦU..KẾT_THÚC, ví dụ 2025-07-01..2025-12-31");
      period = { start, end };
    } else rest.push(arg);
  }
  planYear ??= yearNamedIn(text ?? rest.join(" ")) ?? yearOf(documentDays.issuedOn);
  if (planYear === undefined || !Number.isInteger(planYear))
    throw new UsageError("cần --year khi văn bản không ghi năm, ví dụ --year 2025");
  return { context: { planYear, ...(period ? { period } : {}), ...documentDays }, rest };
}

/** `deadline --year Y "<text>"`: one Schedule as JSON. */
export function runDeadline(args: string[], out: (line: string) => void): void {
  const { context, rest } = parseDeadlineContext(args);
  out(JSON.stringify(normalizeDeadline(rest.join(" "), context)));
}

/** `deadlines --year Y`: one cell per input line (a literal \n is a line break in the cell), JSON Lines out. */
export function runDeadlines(args: string[], input: string, out: (line: string) => void): void {
  // A batch has no one text to take the year from.
  const { context } = parseDeadlineContext(args, "");
  const lines = input.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) out(JSON.stringify(normalizeDeadline(line.replaceAll("\\n", "\n"), context)));
}
