/**
 * Deadlines that hang on a day other than a written date: a count from the
 * document's date or its receipt ("trong thời hạn 05 ngày làm việc kể từ ngày
 * nhận được văn bản này"), and a day of the lunar calendar ("25 tháng chạp",
 * "rằm tháng giêng", "trước Tết Nguyên đán").
 */
import {
  addDays,
  addMonths,
  addWorkingDays,
  createWorkingCalendar,
  type IsoDate,
  isWorkingDay,
  LunarDateError,
  lunarWindow,
  type WorkingCalendar,
} from "../calendar/index.js";
import { type Piece, readLunarPhrase } from "../vietnamese-time/index.js";
import type { CountedDeadline, DeadlineContext, Period, Schedule } from "./schedule.js";

type CountPiece = Extract<Piece, { type: "count" }>;

/** The last year any calendar of ours covers (the lunar tables end there). */
const LAST_YEAR = 2199;

let nationalCalendar: WorkingCalendar | null = null;

function calendarOf(context: DeadlineContext): WorkingCalendar {
  if (context.calendar) return context.calendar;
  nationalCalendar ??= createWorkingCalendar();
  return nationalCalendar;
}

/** The day a count starts from, as the context knows it: the document's date, its receipt, or neither. */
function referenceOf(piece: CountPiece, context: DeadlineContext): IsoDate | null {
  if (piece.from === "issued") return context.issuedOn ?? null;
  if (piece.from === "received") return context.receivedOn ?? null;
  // "trong 05 ngày" names no start: the receipt when the coordinator set it, else the document's own date.
  if (piece.from === "unnamed") return context.receivedOn ?? context.issuedOn ?? null;
  return null;
}

/**
 * The last day of a period of `n` units after `reference`. The first day is not
 * counted and a period whose last day is a day off ends on the next working day
 * (Bộ luật Dân sự 2015, Điều 147 and 148); "ngày làm việc" count only working days.
 */
export function countFrom(
  reference: IsoDate,
  n: number,
  unit: CountPiece["unit"],
  calendar: WorkingCalendar,
): IsoDate | null {
  // An upper bound of the years the count spans, so that a count past the last calendar is refused, not thrown.
  const years = { year: n, month: n / 12, week: (7 * n) / 365, day: n / 365, "working-day": n / 240 }[unit];
  if (Number(reference.slice(0, 4)) + Math.ceil(years) + 1 > LAST_YEAR) return null;
  if (unit === "working-day") return addWorkingDays(calendar, reference, n);
  let last: IsoDate;
  if (unit === "day") last = addDays(reference, n);
  else if (unit === "week") last = addDays(reference, 7 * n);
  else last = addMonths(reference, unit === "month" ? n : 12 * n);
  while (!isWorkingDay(calendar, last)) last = addDays(last, 1);
  return last;
}

/** The Schedule of a deadline counted from a day of the document; without that day, one that asks for it. */
export function countedSchedule(text: string, piece: CountPiece, context: DeadlineContext): Schedule {
  const reference = referenceOf(piece, context);
  const counted: CountedDeadline = { n: piece.n, unit: piece.unit, from: piece.from, reference };
  const due = reference === null ? null : countFrom(reference, piece.n, piece.unit, calendarOf(context));
  if (due === null) return { text, kind: "unscheduled", milestones: [], recurrence: null, needsReview: true, counted };
  return {
    text,
    kind: "dated",
    milestones: [{ start: null, due, label: null, appliesTo: null }],
    recurrence: null,
    needsReview: false,
    counted,
  };
}

/** Words a lunar phrase may carry besides its date: "trước Tết Nguyên đán", "dịp rằm tháng giêng". */
const LUNAR_WORDS = new Set(["tet", "nguyen", "dan", "co", "truyen", "dip", "le", "am", "lich", "ram", "ngay"]);

/**
 * A day or month of the lunar calendar in a plan or document: in the lunar year
 * that puts it inside the period (else the plan's), due that day or the month's
 * last day; "trước Tết" is due mùng 1 Tết, as "trước ngày X" is due X.
 */
export function lunarSchedule(
  text: string,
  pieces: readonly Piece[],
  period: Period,
  planYear: number,
  isFiller: (fold: string) => boolean,
): Schedule {
  const unscheduled: Schedule = { text, kind: "unscheduled", milestones: [], recurrence: null, needsReview: true };
  const target = readLunarPhrase(pieces);
  if (target === null) return unscheduled;
  const first = Number(period.start.slice(0, 4));
  const last = Number(period.end.slice(0, 4));
  const windowIn = (year: number): { start: IsoDate; due: IsoDate } | null => {
    try {
      return lunarWindow(year, target.month, target.day);
    } catch (error) {
      if (error instanceof LunarDateError) return null;
      throw error;
    }
  };
  let year = target.year ?? planYear;
  if (target.year === null) {
    for (let candidate = first - 1; candidate <= last; candidate++) {
      const w = windowIn(candidate);
      if (w && w.due >= period.start && w.due <= period.end) {
        year = candidate;
        break;
      }
    }
  }
  const w = windowIn(year);
  if (w === null) return unscheduled;
  {
    const endOnly = pieces.some((p) => p.type === "dates" && p.endOnly);
    const clean = pieces.every(
      (p) => p.type !== "token" || p.token.kind === "punct" || LUNAR_WORDS.has(p.token.fold) || isFiller(p.token.fold),
    );
    return {
      text,
      kind: "dated",
      milestones: [
        { start: target.day === null && !endOnly ? w.start : null, due: w.due, label: null, appliesTo: null },
      ],
      recurrence: null,
      needsReview: !clean,
    };
  }
}
