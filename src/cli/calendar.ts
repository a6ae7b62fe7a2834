import { openMigratedDatabase } from "../../db/client.js";
import type { Config } from "../config.js";
import { type CalendarYear, formatVietnameseDate, isoWeekday, parseIsoDate } from "../domain/calendar/index.js";
import type { Logger } from "../logger.js";
import { addCalendarDay, calendarYearFor } from "../services/calendar.js";
import { refusedError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

const WEEKDAYS = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];
const SCOPES = { national: "", deployment: " [cả hệ thống]", organization: " [riêng đơn vị]" } as const;

/** The year as people read it: the basis and its sources, then each day off and make-up day. */
export function describeCalendarYear(year: CalendarYear): string[] {
  const lines = [
    year.basis === "published"
      ? `Năm ${year.year}: theo lịch nghỉ đã công bố`
      : `Năm ${year.year}: lịch nghỉ chưa được công bố, tính theo luật`,
    ...year.sources.map((source) => `  nguồn: ${source}`),
    "Ngày nghỉ:",
  ];
  const day = (date: string): string => `${WEEKDAYS[isoWeekday(date)]} ${formatVietnameseDate(date)}`;
  for (const [date, entry] of [...year.daysOff].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`  ${day(date)}  ${entry.name}${SCOPES[entry.scope]}`);
  lines.push(year.workingDays.size > 0 ? "Ngày làm bù / làm việc:" : "Không có ngày làm bù.");
  for (const [date, entry] of [...year.workingDays].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`  ${day(date)}  ${entry.name}${SCOPES[entry.scope]}`);
  return lines;
}

function asJson(year: CalendarYear): object {
  const list = (days: CalendarYear["daysOff"]) =>
    [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, entry]) => ({ date, ...entry }));
  return {
    year: year.year,
    basis: year.basis,
    sources: year.sources,
    daysOff: list(year.daysOff),
    workingDays: list(year.workingDays),
  };
}

/**
 * `calendar show <year> [--org S] [--json]`,
 * `calendar add-day-off <date> --name "…" [--org S]`,
 * `calendar add-working-day <date> --name "…" [--org S]`.
 * Without --org an added day is for the whole deployment.
 */
export async function runCalendar(
  args: string[],
  config: Config,
  logger: Logger,
  out: (line: string) => void,
): Promise<void> {
  let org: string | undefined;
  let name: string | null = null;
  let json = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--org") org = args[++i];
    else if (arg === "--name") name = args[++i] ?? null;
    else if (arg === "--json") json = true;
    else if (arg.startsWith("--")) throw new UsageError(`không hiểu tùy chọn ${arg}`);
    else rest.push(arg);
  }
  const [action, target] = rest;
  if (action !== "show" && action !== "add-day-off" && action !== "add-working-day")
    throw new UsageError(
      action ? `calendar không có thao tác "${action}"` : "calendar cần show, add-day-off hoặc add-working-day",
    );
  if (action === "show") {
    const year = Number(target);
    if (!target || !Number.isInteger(year) || year < 1900 || year > 2199)
      throw new UsageError("calendar show nhận một năm 1900–2199, ví dụ calendar show 2027");
  } else {
    if (!target || !parseIsoDate(target)) throw new UsageError(`calendar ${action} nhận một ngày YYYY-MM-DD`);
    if (org === undefined && !name?.trim()) throw new UsageError(`calendar ${action} cho cả hệ thống cần --name "…"`);
  }
  const client = await openMigratedDatabase(config, logger, { max: 2 });
  try {
    const found =
      action === "show"
        ? await calendarYearFor(client.db, Number(target), org)
        : await addCalendarDay(client.db, {
            date: target,
            kind: action === "add-day-off" ? "day-off" : "working-day",
            name,
            ...(org === undefined ? {} : { slug: org }),
          });
    if (found.kind !== "ok") throw refusedError(found);
    const { year } = found;
    if (action !== "show") {
      const what = action === "add-day-off" ? "ngày nghỉ" : "ngày làm việc";
      const scope = org === undefined ? "cho cả hệ thống" : `cho đơn vị ${org}`;
      out(`Đã thêm ${what} ${formatVietnameseDate(target)} ${scope}.`);
      // The organization's own days are stored as dates only (organizations.extra_days_off / extra_working_days).
      if (org !== undefined && name) out(`(Ngày riêng của đơn vị không lưu tên; "${name}" không được ghi lại.)`);
    }
    if (json) out(JSON.stringify(asJson(year), null, 2));
    else if (action === "show") for (const line of describeCalendarYear(year)) out(line);
  } finally {
    await client.close();
  }
}
