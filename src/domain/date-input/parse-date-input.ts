/**
 * Dates people type in the chat ("15/3", "thứ 6 tuần sau", "cuối quý 2"),
 * read against a reference day. Pure: the reference is the local day in the
 * organization's time zone, given by the caller.
 */
import {
  addDays,
  daysInMonth,
  type IsoDate,
  isoWeekday,
  isRealDate,
  parseIsoDate,
  toIsoDate,
} from "../calendar/iso-date.js";

/** How precise the phrase was: a month or a quarter resolves to its first day. */
export type DateGrain = "day" | "week" | "month" | "quarter" | "year";

export type DateInputResult =
  { ok: true; date: IsoDate; grain: DateGrain } | { ok: false; reason: "empty" | "unknown" | "impossible-date" };

/** Lower case, no accents, đ as d, single spaces: people type with and without diacritics. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .replace(/[.,;!?]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const WEEKDAY_WORDS: Record<string, number> = {
  hai: 1,
  "2": 1,
  ba: 2,
  "3": 2,
  tu: 3,
  "4": 3,
  nam: 4,
  "5": 4,
  sau: 5,
  "6": 5,
  bay: 6,
  "7": 6,
};

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function lastDayOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, daysInMonth(year, month));
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date) as { year: number; month: number; day: number };
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return toIsoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

function fullYear(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

const ok = (date: IsoDate, grain: DateGrain): DateInputResult => ({ ok: true, date, grain });

/**
 * Reads one typed date. A day or month without a year that has already passed
 * this year means next year's ("15/3" typed in November is next March).
 */
export function parseDateInput(text: string, reference: IsoDate): DateInputResult {
  const ref = parseIsoDate(reference);
  if (!ref) throw new RangeError(`reference ${reference} is not an ISO date`);
  let s = fold(text);
  // "trước ngày 15/3", "hạn 15/3", "đến 15/3", "vào 15/3": the date is what follows.
  s = s.replace(/^(truoc|han|den|vao|toi|hoan thanh truoc|gia han den|gia han toi)\s+/, "").trim();
  if (s === "") return { ok: false, reason: "empty" };

  const dayOf = (year: number, month: number, day: number, yearGiven: boolean): DateInputResult => {
    if (!isRealDate(year, month, day)) return { ok: false, reason: "impossible-date" };
    let date = toIsoDate(year, month, day);
    if (!yearGiven && date < reference) {
      if (!isRealDate(year + 1, month, day)) return { ok: false, reason: "impossible-date" };
      date = toIsoDate(year + 1, month, day);
    }
    return ok(date, "day");
  };

  if (s === "hom nay" || s === "trong ngay" || s === "trong hom nay") return ok(reference, "day");
  if (s === "ngay mai" || s === "mai") return ok(addDays(reference, 1), "day");
  if (s === "ngay kia" || s === "ngay mot" || s === "mot") return ok(addDays(reference, 2), "day");

  let m = /^(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$/.exec(s);
  if (m) return dayOf(fullYear(m[3], ref.year), Number(m[2]), Number(m[1]), m[3] !== undefined);

  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]), true);

  m = /^ngay (\d{1,2}) thang (\d{1,2})(?:\s*(?:nam|\/)\s*(\d{4}))?$/.exec(s);
  if (m) return dayOf(fullYear(m[3], ref.year), Number(m[2]), Number(m[1]), m[3] !== undefined);

  // Weekdays: Monday starts the week, as in Vietnamese offices.
  const monday = addDays(reference, 1 - isoWeekday(reference));
  m =
    /^(?:(?:thu|t)\s*(hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat|cn))(?:\s+(tuan nay|tuan sau|tuan toi|tuan truoc))?$/.exec(
      s,
    );
  if (m) {
    const weekday = m[2] ? 7 : (WEEKDAY_WORDS[m[1] as string] as number);
    const which = m[3];
    if (which === "tuan sau" || which === "tuan toi") return ok(addDays(monday, 7 + weekday - 1), "day");
    if (which === "tuan truoc") return ok(addDays(monday, -7 + weekday - 1), "day");
    if (which === "tuan nay") return ok(addDays(monday, weekday - 1), "day");
    // A bare weekday is the next one, today included.
    return ok(addDays(reference, (weekday - isoWeekday(reference) + 7) % 7), "day");
  }
  if (s === "tuan nay") return ok(monday, "week");
  if (s === "tuan sau" || s === "tuan toi") return ok(addDays(monday, 7), "week");
  if (s === "cuoi tuan" || s === "cuoi tuan nay") return ok(addDays(monday, 4), "day");
  if (s === "cuoi tuan sau") return ok(addDays(monday, 11), "day");

  // "2 tuần nữa", "sau 10 ngày", "3 tháng tới": an exact day counted from the reference.
  m = /^(?:sau\s+|trong\s+)?(\d{1,3}) (ngay|tuan|thang|nam)(?: (nua|toi))?$/.exec(s);
  if (m && (m[3] !== undefined || s.startsWith("sau ") || s.startsWith("trong "))) {
    const n = Number(m[1]);
    if (m[2] === "ngay") return ok(addDays(reference, n), "day");
    if (m[2] === "tuan") return ok(addDays(reference, 7 * n), "day");
    if (m[2] === "thang") return ok(addMonths(reference, n), "day");
    return ok(addMonths(reference, 12 * n), "day");
  }

  m = /^(cuoi|dau|giua) thang(?: (\d{1,2}))?(?:\s*(?:nam|\/)\s*(\d{4}))?$/.exec(s);
  if (m) {
    const monthGiven = m[2] !== undefined;
    const month = monthGiven ? Number(m[2]) : ref.month;
    if (month < 1 || month > 12) return { ok: false, reason: "impossible-date" };
    let year = fullYear(m[3], ref.year);
    const day = (y: number) => (m?.[1] === "cuoi" ? daysInMonth(y, month) : m?.[1] === "dau" ? 1 : 15);
    if (m[3] === undefined && monthGiven && toIsoDate(year, month, day(year)) < reference) year++;
    return ok(toIsoDate(year, month, day(year)), "day");
  }
  if (s === "thang nay") return ok(toIsoDate(ref.year, ref.month, 1), "month");
  if (s === "thang sau" || s === "thang toi") return ok(addMonths(toIsoDate(ref.year, ref.month, 1), 1), "month");
  m = /^thang (\d{1,2})(?:\s*(?:nam|\/)\s*(\d{4}))?$/.exec(s);
  if (m) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return { ok: false, reason: "impossible-date" };
    let year = fullYear(m[2], ref.year);
    if (m[2] === undefined && lastDayOfMonth(year, month) < reference) year++;
    return ok(toIsoDate(year, month, 1), "month");
  }

  const quarterOf = (month: number) => Math.ceil(month / 3);
  m = /^(cuoi |dau )?quy(?: (\d|i|ii|iii|iv))?(?:\s*(?:nam|\/)\s*(\d{4}))?$/.exec(s);
  if (m) {
    const quarter = m[2] === undefined ? quarterOf(ref.month) : (ROMAN[m[2]] ?? Number(m[2]));
    if (quarter < 1 || quarter > 4) return { ok: false, reason: "impossible-date" };
    let year = fullYear(m[3], ref.year);
    if (m[3] === undefined && m[2] !== undefined && lastDayOfMonth(year, quarter * 3) < reference) year++;
    if (m[1] === "cuoi ") return ok(lastDayOfMonth(year, quarter * 3), "day");
    if (m[1] === "dau ") return ok(toIsoDate(year, quarter * 3 - 2, 1), "day");
    return ok(toIsoDate(year, quarter * 3 - 2, 1), "quarter");
  }
  if (s === "quy sau" || s === "quy toi") {
    const quarter = quarterOf(ref.month);
    return quarter === 4
      ? ok(toIsoDate(ref.year + 1, 1, 1), "quarter")
      : ok(toIsoDate(ref.year, quarter * 3 + 1, 1), "quarter");
  }

  if (s === "cuoi nam" || s === "cuoi nam nay") return ok(toIsoDate(ref.year, 12, 31), "day");
  if (s === "nam sau" || s === "nam toi") return ok(toIsoDate(ref.year + 1, 1, 1), "year");
  m = /^(cuoi )?nam (\d{4})$/.exec(s);
  if (m) {
    const year = Number(m[2]);
    return m[1] ? ok(toIsoDate(year, 12, 31), "day") : ok(toIsoDate(year, 1, 1), "year");
  }
  return { ok: false, reason: "unknown" };
}
