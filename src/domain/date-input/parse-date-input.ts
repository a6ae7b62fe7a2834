/**
 * Dates people type in the chat ("15/3", "thứ 6 tuần sau", "cuối quý 2",
 * "sáng mai"), read against a reference day with the same scanner that reads
 * plan deadlines (vietnamese-time), so a phrase typed in the chat means the
 * day it means in a plan. Pure: the reference is the local day in the
 * organization's time zone, given by the caller.
 */
import {
  addDays,
  addMonths,
  addWorkingDays,
  createWorkingCalendar,
  daysBetween,
  daysInMonth,
  type IsoDate,
  isoWeekday,
  isRealDate,
  InvalidCalendarDateError,
  LunarDateError,
  lunarRelationWindow,
  lunarWindow,
  parseIsoDate,
  toIsoDate,
  toLunar,
  type WorkingCalendar,
} from "../calendar/index.js";
import {
  cleanCellText,
  isLunarPhrase,
  type LunarRelationPhrase,
  type Piece,
  readLunarPhrase,
  readLunarRelation,
  type RecurrenceUnit,
  scanPieces,
  type Span,
  type Token,
  tokenize,
} from "../vietnamese-time/index.js";
import type { SpanPart } from "../vietnamese-time/scanner.js";

/** How precise the phrase was: "tháng 5" names a month, "15/5" a day. */
export type DateGrain = "day" | "week" | "month" | "quarter" | "half-year" | "year";

/** One reading of a typed date: the span it names and the last day on time. */
export interface DateReading {
  /** First day of the span named, at its grain (the day itself for a day). */
  date: IsoDate;
  /** The last day on time: the day, or the span's last day ("Quý II" is due 30/06). */
  due: IsoDate;
  grain: DateGrain;
}

/**
 * Why a typed date is asked about: the weekday written contradicts the date
 * ("19/12 thứ năm" when 19/12 is a Saturday), with the weekday written (ISO, 1 = Monday).
 */
export interface WeekdayConflict {
  kind: "weekday-mismatch";
  date: IsoDate;
  weekday: number;
}

export type DateInputResult =
  | ({ ok: true } & DateReading)
  | { ok: false; reason: "empty" | "unknown" | "impossible-date" }
  /**
   * More than one day fits ("5/1" typed in March, "thang sau" without accents): ask, never guess.
   * `conflict` says why when the text contradicts itself.
   */
  | { ok: false; reason: "ambiguous"; choices: DateReading[]; conflict?: WeekdayConflict };

export interface DateInputOptions {
  /** The organization's working calendar, for "3 ngày làm việc nữa"; the national one when absent. */
  calendar?: WorkingCalendar;
}

type Ymd = { year: number; month: number; day: number };

const day = (date: IsoDate): DateReading => ({ date, due: date, grain: "day" });
const window = (date: IsoDate, due: IsoDate, grain: DateGrain): DateReading => ({ date, due, grain });
const IMPOSSIBLE = { ok: false, reason: "impossible-date" } as const;
const UNKNOWN = { ok: false, reason: "unknown" } as const;

function success(reading: DateReading): DateInputResult {
  return { ok: true, ...reading };
}

function ambiguous(choices: DateReading[]): DateInputResult {
  const seen = new Set<string>();
  const distinct = choices.filter((c) => !seen.has(c.due) && seen.add(c.due));
  return distinct.length === 1
    ? success(distinct[0] as DateReading)
    : { ok: false, reason: "ambiguous", choices: distinct };
}

const lastOfMonth = (year: number, month: number): IsoDate => toIsoDate(year, month, daysInMonth(year, month));

// ---- time of day: "sáng mai", "chiều thứ 6", "9h sáng thứ 2", "lúc 3 giờ chiều" -------

const TIME_OF_DAY = new Set(["sang", "chieu", "trua", "dem", "khuya", "buoi", "luc", "vao", "khoang", "dung"]);
// No "am": "3 âm lịch" is a lunar month, not 3 a.m.
const CLOCK_WORDS = new Set(["gio", "h", "g", "phut", "ruoi", "kem", "pm", "tieng"]);
const AFTER_EVENING = new Set([
  "mai",
  "nay",
  "qua",
  "hom",
  "thu",
  "chu",
  "ngay",
  "cn",
  "hai",
  "ba",
  "tu",
  "nam",
  "sau",
]);

/** Drops the words that say when in the day: a typed date is a day. */
function dropTimeOfDay(tokens: Token[]): Token[] {
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (token.kind === "word" && TIME_OF_DAY.has(token.fold)) continue;
    // "tối" (evening) folds like "tới" (next): evening only as written, or before a day.
    if (
      token.fold === "toi" &&
      (token.raw.toLowerCase().normalize("NFC") === "tối" || (AFTER_EVENING.has(next?.fold ?? "") && i === 0))
    )
      continue;
    if (
      token.kind === "number" &&
      next &&
      (CLOCK_WORDS.has(next.fold) || (next.fold === ":" && tokens[i + 2]?.kind === "number"))
    ) {
      // "10h45", "3 giờ 30 phút", "15:23:24", "11 giờ kém 15"
      let k = i + 1;
      while (k < tokens.length) {
        const t = tokens[k] as Token;
        if (CLOCK_WORDS.has(t.fold) || t.fold === ":" || (t.kind === "number" && t.digits <= 2)) k++;
        else break;
      }
      i = k - 1;
      continue;
    }
    kept.push(token);
  }
  return kept;
}

// ---- spans against today ----------------------------------------------------------------

function spanWindow(span: Span, year: number): { start: IsoDate; due: IsoDate } | null {
  switch (span.unit) {
    case "day":
      return isRealDate(year, span.month, span.day)
        ? { start: toIsoDate(year, span.month, span.day), due: toIsoDate(year, span.month, span.day) }
        : null;
    case "month":
      return span.month >= 1 && span.month <= 12
        ? { start: toIsoDate(year, span.month, 1), due: lastOfMonth(year, span.month) }
        : null;
    case "quarter":
      return span.quarter >= 1 && span.quarter <= 4
        ? { start: toIsoDate(year, span.quarter * 3 - 2, 1), due: lastOfMonth(year, span.quarter * 3) }
        : null;
    case "half":
      return span.half === 1
        ? { start: toIsoDate(year, 1, 1), due: toIsoDate(year, 6, 30) }
        : { start: toIsoDate(year, 7, 1), due: toIsoDate(year, 12, 31) };
    case "year":
      return { start: toIsoDate(year, 1, 1), due: toIsoDate(year, 12, 31) };
  }
}

const GRAIN: Record<Span["unit"], DateGrain> = {
  day: "day",
  month: "month",
  quarter: "quarter",
  half: "half-year",
  year: "year",
};

/** A part of a window: its first day, its middle (the 15th of its middle month), its last day. */
function partOf(start: IsoDate, due: IsoDate, part: SpanPart): IsoDate {
  if (part === "start") return start;
  if (part === "end") return due;
  const from = parseIsoDate(start) as Ymd;
  const to = parseIsoDate(due) as Ymd;
  const months = (to.year - from.year) * 12 + to.month - from.month + 1;
  if (months === 12) return toIsoDate(from.year, 6, 30);
  const middle = addMonths(start, Math.floor((months - 1) / 2));
  return middle.slice(0, 8) + "15";
}

function readingOf(span: Span, year: number, part: SpanPart | null): DateReading | null {
  const w = spanWindow(span, year);
  if (!w) return null;
  if (span.unit === "day") return day(w.start);
  if (part !== null) return day(partOf(w.start, w.due, part));
  return window(w.start, w.due, GRAIN[span.unit]);
}

/**
 * A span without a year is the next one not over yet ("tháng 1" typed in
 * March is next January). A day without a year already past this year may be
 * next year's or a day and month typed the other way round: ask.
 */
function resolveSpan(
  span: Span,
  part: SpanPart | null,
  reference: IsoDate,
  refYear: number,
  named = false,
): DateInputResult {
  if (span.year !== null) {
    const reading = readingOf(span, span.year, part);
    return reading ? success(reading) : IMPOSSIBLE;
  }
  const thisYear = readingOf(span, refYear, part);
  if (thisYear && thisYear.due >= reference) return success(thisYear);
  const nextYear = readingOf(span, refYear + 1, part);
  if (span.unit !== "day" || named) return nextYear ? success(nextYear) : IMPOSSIBLE;
  if (!thisYear && !nextYear) return IMPOSSIBLE;
  if (!thisYear && nextYear) return success(nextYear);
  // "5/1" typed in March: 05/01 next year, or 1 May.
  const swapped =
    span.day === span.month
      ? null
      : readingOf({ unit: "day", day: span.month, month: span.day, year: refYear }, refYear, part);
  if (swapped && swapped.due >= reference) {
    const choices: DateReading[] = [];
    if (nextYear) choices.push(nextYear);
    choices.push(swapped);
    return { ok: false, reason: "ambiguous", choices };
  }
  // One day and month, passed this year: the nearer of this year's and next year's. "20/1" typed in
  // December is next January; "17/3" typed on 18/3 is yesterday, which the chat refuses as past.
  if (!nextYear) return thisYear ? success(thisYear) : IMPOSSIBLE;
  if (!thisYear) return success(nextYear);
  return daysBetween(thisYear.due, reference) < daysBetween(reference, nextYear.due)
    ? success(thisYear)
    : success(nextYear);
}

// ---- counted from today -------------------------------------------------------------

type RelativeUnit = Extract<Piece, { type: "relative-unit" }>;

function relativeUnit(piece: RelativeUnit, reference: IsoDate, ref: Ymd): DateInputResult {
  const readings = [relativeReading(piece.unit, piece.offset, piece.part, reference, ref)];
  // An unaccented "tháng sau" may be June ("tháng sáu").
  if (piece.orJune) {
    const june = resolveSpan({ unit: "month", month: 6, year: null }, piece.part, reference, ref.year);
    if (june.ok) readings.push({ date: june.date, due: june.due, grain: june.grain });
  }
  return ambiguous(readings);
}

function relativeReading(
  unit: RelativeUnit["unit"],
  offset: number,
  part: SpanPart | null,
  reference: IsoDate,
  ref: Ymd,
): DateReading {
  let start: IsoDate;
  let due: IsoDate;
  if (unit === "week") {
    start = addDays(reference, 1 - isoWeekday(reference) + 7 * offset);
    due = addDays(start, 6);
    // The office week: "cuối tuần" is its Friday, "giữa tuần" its Wednesday.
    if (part === "end") return day(addDays(start, 4));
    if (part === "mid") return day(addDays(start, 2));
  } else if (unit === "month") {
    start = addMonths(toIsoDate(ref.year, ref.month, 1), offset);
    due = addDays(addMonths(start, 1), -1);
  } else if (unit === "quarter") {
    start = addMonths(toIsoDate(ref.year, Math.floor((ref.month - 1) / 3) * 3 + 1, 1), 3 * offset);
    due = addDays(addMonths(start, 3), -1);
  } else {
    start = toIsoDate(ref.year + offset, 1, 1);
    due = toIsoDate(ref.year + offset, 12, 31);
  }
  if (part !== null) return day(partOf(start, due, part));
  return window(start, due, unit);
}

function count(
  piece: Extract<Piece, { type: "count" }>,
  reference: IsoDate,
  calendar: () => WorkingCalendar,
): DateReading {
  if (piece.unit === "day") return day(addDays(reference, piece.n));
  // "3 ngày làm việc nữa": the third day offices work after today.
  if (piece.unit === "working-day") return day(addWorkingDays(calendar(), reference, Math.min(piece.n, 999)));
  if (piece.unit === "week") return day(addDays(reference, 7 * piece.n));
  return day(addMonths(reference, piece.unit === "month" ? piece.n : 12 * piece.n));
}

const NEXT_WORDS = new Set(["toi", "sau", "ke", "tiep"]);
const LAST_WORDS = new Set(["truoc", "qua", "roi"]);

/** "thứ 6", "thứ 6 tuần sau", "thứ ba tới", "thứ ba vừa rồi", "thứ 5 tuần này". */
function weekday(weekdayNumber: number, after: Piece[], reference: IsoDate): DateReading {
  const monday = addDays(reference, 1 - isoWeekday(reference));
  const week = after.find((p): p is RelativeUnit => p.type === "relative-unit" && p.unit === "week");
  if (week) return day(addDays(monday, 7 * week.offset + weekdayNumber - 1));
  const words = after.flatMap((p) => (p.type === "token" ? [p.token.fold] : []));
  const ahead = (weekdayNumber - isoWeekday(reference) + 7) % 7;
  if (words.some((w) => NEXT_WORDS.has(w))) return day(addDays(reference, ahead === 0 ? 7 : ahead));
  if (words.some((w) => LAST_WORDS.has(w))) return day(addDays(reference, ahead === 0 ? -7 : ahead - 7));
  if (words.includes("nay")) return day(addDays(monday, weekdayNumber - 1));
  // A bare weekday is the next one, today included.
  return day(addDays(reference, ahead));
}

/** "tuần đầu tiên của tháng 9": the first week that starts in the month; "tuần cuối" the last. */
function weekOfMonth(
  pieces: Piece[],
  dates: Extract<Piece, { type: "dates" }>,
  reference: IsoDate,
  refYear: number,
): DateInputResult | null {
  const at = pieces.indexOf(dates);
  const words = pieces.slice(0, at).flatMap((p) => (p.type === "token" ? [p.token.fold] : []));
  const tuan = words.indexOf("tuan");
  const side = words[tuan + 1];
  if (tuan < 0 || (side !== "dau" && side !== "cuoi") || dates.items.length !== 1) return null;
  const span = (dates.items[0] as { from: Span }).from;
  if (span.unit !== "month") return null;
  const month = resolveSpan(span, null, reference, refYear);
  if (!month.ok) return month;
  const firstMonday = addDays(month.date, (8 - isoWeekday(month.date)) % 7);
  const monday = side === "dau" ? firstMonday : addDays(month.due, 1 - isoWeekday(month.due));
  return success(window(monday, addDays(monday, 6), "week"));
}

/**
 * A day or month of the lunar calendar (`lunar.ts`), the next one not over yet
 * when no year is written: "25 tháng chạp" typed in December is this lunar year's.
 */
function readLunar(pieces: Piece[], reference: IsoDate): DateInputResult {
  const target = readLunarPhrase(pieces);
  if (target === null) return UNKNOWN;
  // "cuối tháng chạp", "đầu tháng giêng", "giữa tháng giêng": the month's last, first or 15th day.
  const part = pieces.find((p): p is Extract<Piece, { type: "dates" }> => p.type === "dates")?.part ?? null;
  const reading = (year: number): DateReading => {
    const w = lunarWindow(year, target.month, target.day === null && part === "mid" ? 15 : target.day);
    if (target.day !== null || part === "mid") return day(w.start);
    if (part === "start") return day(w.start);
    if (part === "end") return day(w.due);
    return window(w.start, w.due, "month");
  };
  try {
    if (target.year !== null) return success(reading(target.year));
    const lunarYear = toLunar(reference).year;
    const thisYear = reading(lunarYear);
    return success(thisYear.due >= reference ? thisYear : reading(lunarYear + 1));
  } catch (error) {
    if (error instanceof LunarDateError) return IMPOSSIBLE;
    throw error;
  }
}

/**
 * "sau tết", "ngay sau Tết", "sau rằm tháng giêng" typed in the chat: the next
 * such window not over yet, as calendar/lunar-season.ts defines it.
 */
function readLunarRelationTyped(
  phrase: LunarRelationPhrase,
  reference: IsoDate,
  calendar: () => WorkingCalendar,
): DateInputResult {
  try {
    const reading = (year: number): DateReading => {
      const w = lunarRelationWindow(phrase.relation, phrase.anchor, year, calendar());
      return w.start === null ? day(w.due) : window(w.start, w.due, "month");
    };
    if (phrase.anchor.year !== null) return success(reading(phrase.anchor.year));
    const lunarYear = toLunar(reference).year;
    const thisYear = reading(lunarYear);
    return success(thisYear.due >= reference ? thisYear : reading(lunarYear + 1));
  } catch (error) {
    if (error instanceof LunarDateError || error instanceof InvalidCalendarDateError) return IMPOSSIBLE;
    throw error;
  }
}

/** Pieces that make a phrase a schedule or a condition, not one day. */
const NOT_A_DAY = new Set(["vague-recurrence", "ongoing", "ad-hoc", "reference"]);

/** "ngày 25 tháng này", "mùng 5 tháng sau", "ngày 20": day N of the month named, or the next month that has it. */
function dayOfMonth(dayNumber: number, monthOffset: number | null, reference: IsoDate, ref: Ymd): DateInputResult {
  const first = toIsoDate(ref.year, ref.month, 1);
  if (monthOffset !== null) {
    const month = parseIsoDate(addMonths(first, monthOffset)) as Ymd;
    return isRealDate(month.year, month.month, dayNumber)
      ? success(day(toIsoDate(month.year, month.month, dayNumber)))
      : IMPOSSIBLE;
  }
  if (dayNumber < 1 || dayNumber > 31) return IMPOSSIBLE;
  for (let ahead = 0; ahead < 3; ahead++) {
    const month = parseIsoDate(addMonths(first, ahead)) as Ymd;
    if (!isRealDate(month.year, month.month, dayNumber)) continue;
    const date = toIsoDate(month.year, month.month, dayNumber);
    if (date >= reference) return success(day(date));
  }
  return IMPOSSIBLE;
}

const UNIT_ORDER: RecurrenceUnit[] = ["week", "month", "quarter", "half-year", "year"];

/**
 * "hàng tháng", "ngày 25 hàng tháng", "hằng quý": the occurrence not over yet,
 * as the plan normalizer lists them for a plan's period.
 */
function nextOccurrence(
  units: RecurrenceUnit[],
  dayOfPeriod: number | null,
  weekdayNumber: number | null,
  reference: IsoDate,
  ref: Ymd,
): DateReading {
  const unit = [...units].sort((a, b) => UNIT_ORDER.indexOf(a) - UNIT_ORDER.indexOf(b))[0] as RecurrenceUnit;
  if (unit === "week") {
    const ahead = ((weekdayNumber ?? 7) - isoWeekday(reference) + 7) % 7;
    return day(addDays(reference, ahead));
  }
  if (unit === "month" && dayOfPeriod !== null && dayOfPeriod >= 1 && dayOfPeriod <= 31) {
    const thisMonth = toIsoDate(ref.year, ref.month, Math.min(dayOfPeriod, daysInMonth(ref.year, ref.month)));
    if (thisMonth >= reference) return day(thisMonth);
    const next = parseIsoDate(addMonths(toIsoDate(ref.year, ref.month, 1), 1)) as Ymd;
    return day(toIsoDate(next.year, next.month, Math.min(dayOfPeriod, daysInMonth(next.year, next.month))));
  }
  const months = unit === "month" ? 1 : unit === "quarter" ? 3 : unit === "half-year" ? 6 : 12;
  const first = toIsoDate(ref.year, Math.floor((ref.month - 1) / months) * months + 1, 1);
  return window(first, addDays(addMonths(first, months), -1), unit === "half-year" ? "half-year" : unit);
}

/**
 * A day written with a weekday that is not its own ("19/12 thứ năm", 19/12/2026
 * being a Saturday): the day as written, or that weekday in the same week (the
 * next week's when that one has passed), asked with the reason.
 */
function checkWeekday(result: DateInputResult, weekdayNumber: number, reference: IsoDate): DateInputResult {
  if (!result.ok || result.grain !== "day" || isoWeekday(result.due) === weekdayNumber) return result;
  let other = addDays(result.due, weekdayNumber - isoWeekday(result.due));
  if (other < reference) other = addDays(other, 7);
  return {
    ok: false,
    reason: "ambiguous",
    choices: [day(result.due), day(other)],
    conflict: { kind: "weekday-mismatch", date: result.due, weekday: weekdayNumber },
  };
}

let nationalCalendar: WorkingCalendar | null = null;

/** The national calendar, built once and only when a phrase counts working days. */
function defaultCalendar(): WorkingCalendar {
  nationalCalendar ??= createWorkingCalendar();
  return nationalCalendar;
}

/**
 * Reads one typed date against the reference day. Never throws on any text;
 * throws RangeError when the reference is not an ISO date.
 */
export function parseDateInput(text: string, reference: IsoDate, options: DateInputOptions = {}): DateInputResult {
  const ref = parseIsoDate(reference);
  if (!ref) throw new RangeError(`reference ${reference} is not an ISO date`);
  const calendar = options.calendar;
  const result = readDate(text, reference, ref, calendar ? () => calendar : defaultCalendar);
  // "999 năm nữa", "năm 2150": no deadline lies outside the years a calendar of ours covers.
  // "năm 2199 - 2025": a range that ends before it starts names no day either.
  const inRange = (r: DateReading) => r.date >= FIRST_DAY && r.due <= LAST_DAY && r.date <= r.due;
  if (result.ok) return inRange(result) ? result : IMPOSSIBLE;
  if (result.reason !== "ambiguous") return result;
  const choices = result.choices.filter(inRange);
  if (choices.length === 0) return IMPOSSIBLE;
  return result.conflict
    ? { ok: false, reason: "ambiguous", choices, conflict: result.conflict }
    : { ok: false, reason: "ambiguous", choices };
}

const FIRST_DAY = "1900-01-01";
const LAST_DAY = "2100-12-31";

function readDate(text: string, reference: IsoDate, ref: Ymd, calendar: () => WorkingCalendar): DateInputResult {
  const cleaned = cleanCellText(text);
  if (cleaned.length === 0 || !/[\p{L}\p{N}]/u.test(cleaned)) return { ok: false, reason: "empty" };
  // An ISO date, as the web app and the CLI write it.
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cleaned);
  if (iso) {
    const [year, month, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isRealDate(year, month, d) ? success(day(toIsoDate(year, month, d))) : IMPOSSIBLE;
  }
  const tokens = dropTimeOfDay(tokenize(cleaned));
  const relation = readLunarRelation(tokens);
  if (relation && !relation.partial) return readLunarRelationTyped(relation, reference, calendar);
  const pieces = scanPieces(tokens, { typed: true });

  const dates: Array<Extract<Piece, { type: "dates" }>> = [];
  let weekdayAt = -1;
  let relativeDay: Extract<Piece, { type: "relative-day" }> | null = null;
  let unit: RelativeUnit | null = null;
  let counted: Extract<Piece, { type: "count" }> | null = null;
  pieces.forEach((piece, index) => {
    if (piece.type === "dates") dates.push(piece);
    else if (piece.type === "weekday" && weekdayAt < 0) weekdayAt = index;
    else if (piece.type === "relative-day") relativeDay ??= piece;
    else if (piece.type === "relative-unit") unit ??= piece;
    else if (piece.type === "count") counted ??= piece;
  });
  if (isLunarPhrase(pieces)) return readLunar(pieces, reference);
  const repeats = pieces.some((p) => p.type === "recurrence");
  if (pieces.some((p) => NOT_A_DAY.has(p.type) && !(repeats && p.type === "vague-recurrence")) && dates.length === 0)
    return UNKNOWN;

  if (dates.length > 0) {
    const read = readDates(pieces, dates, reference, ref);
    return weekdayAt >= 0
      ? checkWeekday(read, (pieces[weekdayAt] as Extract<Piece, { type: "weekday" }>).weekday, reference)
      : read;
  }
  return readCounted(pieces, weekdayAt, relativeDay, unit, counted, reference, ref, calendar);
}

/** A phrase that names calendar spans ("15/3", "Quý II", "từ 1/3 đến 15/3"). */
function readDates(
  pieces: Piece[],
  dates: Array<Extract<Piece, { type: "dates" }>>,
  reference: IsoDate,
  ref: Ymd,
): DateInputResult {
  {
    if (dates.some((d) => d.invalid)) return IMPOSSIBLE;
    const week = weekOfMonth(pieces, dates[0] as Extract<Piece, { type: "dates" }>, reference, ref.year);
    if (week) return week;
    const readings: DateInputResult[] = [];
    for (const piece of dates) {
      for (const item of piece.items) {
        const end = item.to ?? item.from;
        const resolved = resolveSpan(end, piece.part, reference, ref.year, piece.named);
        if (!resolved.ok || item.to === null) {
          readings.push(resolved);
          continue;
        }
        // "từ 1/3 đến 15/3", "Tháng 11-12/2025": one window, due its last day.
        const fromYear = item.from.year ?? item.to.year ?? Number(resolved.date.slice(0, 4));
        const from = readingOf(item.from, fromYear, null) ?? readingOf(item.from, fromYear - 1, null);
        if (!from) return IMPOSSIBLE;
        const start =
          from.date > resolved.due ? (readingOf(item.from, fromYear - 1, null)?.date ?? from.date) : from.date;
        readings.push(success(window(start, resolved.due, resolved.grain === "day" ? "day" : resolved.grain)));
      }
    }
    if (readings.length === 1) return readings[0] as DateInputResult;
    if (readings.some((r) => !r.ok && r.reason === "impossible-date")) return IMPOSSIBLE;
    // Several spans ("Quý III, Quý IV"): one of them is meant.
    return ambiguous(
      readings.flatMap((r) =>
        r.ok ? [{ date: r.date, due: r.due, grain: r.grain }] : r.reason === "ambiguous" ? r.choices : [],
      ),
    );
  }
}

/** A phrase counted from today: a weekday, "ngày mai", "tuần sau", "3 ngày làm việc nữa", "hằng tháng". */
function readCounted(
  pieces: Piece[],
  weekdayAt: number,
  relativeDay: Extract<Piece, { type: "relative-day" }> | null,
  unit: RelativeUnit | null,
  counted: Extract<Piece, { type: "count" }> | null,
  reference: IsoDate,
  ref: Ymd,
  calendar: () => WorkingCalendar,
): DateInputResult {
  const recurrence = pieces.find((p): p is Extract<Piece, { type: "recurrence" }> => p.type === "recurrence");
  if (recurrence) {
    const dayOfPeriod = pieces.find((p): p is Extract<Piece, { type: "day-of-period" }> => p.type === "day-of-period");
    const weekdayPiece = weekdayAt >= 0 ? (pieces[weekdayAt] as Extract<Piece, { type: "weekday" }>) : null;
    return success(
      nextOccurrence(recurrence.units, dayOfPeriod?.day ?? null, weekdayPiece?.weekday ?? null, reference, ref),
    );
  }
  const dayOfPeriod = pieces.find((p): p is Extract<Piece, { type: "day-of-period" }> => p.type === "day-of-period");
  if (dayOfPeriod && dayOfPeriod.month === null) {
    const monthUnit = unit?.unit === "month" ? unit : null;
    if (monthUnit?.orJune) {
      // "ngay 5 thang sau" without accents: the 5th of next month, or 5 June.
      const next = dayOfMonth(dayOfPeriod.day, monthUnit.offset, reference, ref);
      const june = resolveSpan(
        { unit: "day", day: dayOfPeriod.day, month: 6, year: null },
        null,
        reference,
        ref.year,
        true,
      );
      return ambiguous([next, june].flatMap((r) => (r.ok ? [{ date: r.date, due: r.due, grain: r.grain }] : [])));
    }
    if (monthUnit !== null || unit === null)
      return dayOfMonth(dayOfPeriod.day, monthUnit?.offset ?? null, reference, ref);
  }
  if (relativeDay) return success(day(addDays(reference, (relativeDay as { offset: number }).offset)));
  if (weekdayAt >= 0) {
    const piece = pieces[weekdayAt] as Extract<Piece, { type: "weekday" }>;
    return success(weekday(piece.weekday, pieces.slice(weekdayAt + 1), reference));
  }
  if (unit) {
    // "t8 tuần sau": a number left unread next to a week or month is no part of it, never its Monday.
    if (pieces.some((p) => p.type === "token" && p.token.kind === "number")) return UNKNOWN;
    return relativeUnit(unit, reference, ref);
  }
  if (counted) {
    // "5 ngày sau khi có kết quả", "kể từ ngày ký": counted from a day the chat does not know.
    if (counted.from !== "today" && counted.from !== "unnamed") return UNKNOWN;
    // The working calendar (its lunar Tết) ends with 2199: a count that runs past it names no day we can vouch for.
    if (counted.unit === "working-day" && ref.year + Math.ceil(counted.n / 200) + 1 > 2199) return IMPOSSIBLE;
    return success(count(counted, reference, calendar));
  }
  return UNKNOWN;
}
