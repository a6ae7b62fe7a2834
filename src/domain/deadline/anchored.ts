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
  InvalidCalendarDateError,
  type IsoDate,
  isWorkingDay,
  LunarDateError,
  lunarRelationWindow,
  lunarWindow,
  toLunar,
  type WorkingCalendar,
} from "../calendar/index.js";
import {
  isWrittenYearPiece,
  type LunarRelationPhrase,
  lunarYearWritten,
  type Piece,
  readLunarPhrase,
} from "../vietnamese-time/index.js";
import type { CountedDeadline, DeadlineContext, Milestone, Period, Schedule } from "./schedule.js";

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

/** Words a lunar phrase may carry besides its date: "trước Tết Nguyên đán", "dịp rằm tháng giêng", "ra giêng". */
const LUNAR_WORDS = new Set([
  "tet",
  "nguyen",
  "dan",
  "co",
  "truyen",
  "dip",
  "le",
  "am",
  "lich",
  "ram",
  "ngay",
  "ra",
  "gieng",
  "chap",
]);

/** The lunar year whose window lies in the period (its due inside), else the plan's year; null when none can be computed. */
function lunarYearIn<T extends { due: IsoDate }>(
  windowIn: (year: number) => T | null,
  period: Period,
  planYear: number,
): { year: number; window: T } | null {
  const first = Number(period.start.slice(0, 4));
  const last = Number(period.end.slice(0, 4));
  for (let candidate = first - 1; candidate <= last; candidate++) {
    const w = windowIn(candidate);
    if (w && w.due >= period.start && w.due <= period.end) return { year: candidate, window: w };
  }
  const w = windowIn(planYear);
  return w ? { year: planYear, window: w } : null;
}

/** `compute`, or null where the lunar tables or the calendar end (years past 2199). */
function guarded<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof LunarDateError || error instanceof InvalidCalendarDateError) return null;
    throw error;
  }
}

/**
 * "sau Tết", "ngay sau Tết", "trong tháng đầu sau Tết", "trước và sau Tết",
 * "sau rằm tháng giêng": a window hung on a lunar day, as docs/spec/deadlines.md
 * ("Lunar seasons") chooses. A bound the text does not write needs review.
 */
export function lunarRelationSchedule(
  text: string,
  phrase: LunarRelationPhrase,
  context: DeadlineContext,
  period: Period,
): Schedule {
  const calendar = calendarOf(context);
  const windowIn = (year: number) => guarded(() => lunarRelationWindow(phrase.relation, phrase.anchor, year, calendar));
  const written = phrase.anchor.year;
  const writtenWindow = written === null ? null : windowIn(written);
  // "sau Tết 2027": the year written, wherever the period lies; else the lunar year the period holds.
  const found =
    written === null
      ? lunarYearIn(windowIn, period, context.planYear)
      : writtenWindow && { year: written, window: writtenWindow };
  if (found === null) return { text, kind: "unscheduled", milestones: [], recurrence: null, needsReview: true };
  const unbounded = phrase.relation === "after" || phrase.relation === "around";
  return {
    text,
    kind: "dated",
    milestones: [{ start: found.window.start, due: found.window.due, label: null, appliesTo: null }],
    recurrence: null,
    needsReview: unbounded || phrase.partial,
  };
}

/** Every day of `days` in each lunar month (leap months too) whose date lies in the period: "mùng 1 và rằm hằng tháng". */
function lunarMonthly(days: readonly number[], period: Period): Milestone[] | null {
  return guarded(() => {
    const milestones: Milestone[] = [];
    let monthStart = addDays(period.start, 1 - toLunar(period.start).day);
    while (monthStart <= period.end) {
      const next29 = addDays(monthStart, 29);
      const nextStart = next29 > period.end || toLunar(next29).day === 1 ? next29 : addDays(next29, 1);
      const inMonth = days.length === 0 ? [null] : days;
      for (const day of inMonth) {
        const due = day === null ? addDays(nextStart, -1) : addDays(monthStart, day - 1);
        if (due >= nextStart || due < period.start || due > period.end) continue;
        milestones.push({ start: day === null ? monthStart : null, due, label: null, appliesTo: null });
      }
      monthStart = nextStart;
    }
    return milestones;
  });
}

/** The days of the lunar month a "hằng tháng" phrase names: "mùng 1", "rằm" (15). */
function daysOfLunarMonth(pieces: readonly Piece[]): number[] {
  const days = new Set<number>();
  for (const p of pieces) {
    if (p.type === "day-of-period" && p.month === null && p.day >= 1 && p.day <= 30) days.add(p.day);
    if (p.type === "lunar" && p.full) days.add(15);
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * A day or month of the lunar calendar in a plan or document: in the lunar year
 * that puts it inside the period (else the plan's), due that day or the month's
 * last day; "trước Tết" is due mùng 1 Tết, as "trước ngày X" is due X. With
 * "hằng năm" it is due in every lunar year inside the period, with "hằng tháng"
 * on its days of every lunar month.
 */
export function lunarSchedule(
  text: string,
  pieces: readonly Piece[],
  period: Period,
  planYear: number,
  isFiller: (fold: string) => boolean,
): Schedule {
  const unscheduled: Schedule = { text, kind: "unscheduled", milestones: [], recurrence: null, needsReview: true };
  const units = pieces.flatMap((p) => (p.type === "recurrence" ? p.units : []));
  const writtenYear = lunarYearWritten(pieces);
  const clean = pieces.every(
    (p, i) =>
      p.type !== "token" ||
      p.token.kind === "punct" ||
      isWrittenYearPiece(pieces, i, writtenYear) ||
      LUNAR_WORDS.has(p.token.fold) ||
      isFiller(p.token.fold),
  );
  if (units.includes("month")) {
    const days = daysOfLunarMonth(pieces);
    const monthly = lunarMonthly(days, period);
    if (monthly === null) return unscheduled;
    return {
      text,
      kind: "recurring",
      milestones: monthly,
      recurrence: { every: "month", day: days.length === 1 ? (days[0] as number) : null, calendar: "lunar" },
      needsReview: !clean,
    };
  }
  const target = readLunarPhrase(pieces);
  if (target === null) return unscheduled;
  const windowIn = (year: number) => guarded(() => lunarWindow(year, target.month, target.day));
  const endOnly = pieces.some((p) => p.type === "dates" && p.endOnly);
  const milestoneOf = (w: { start: IsoDate; due: IsoDate }): Milestone => ({
    start: target.day === null && !endOnly ? w.start : null,
    due: w.due,
    label: null,
    appliesTo: null,
  });
  if (units.includes("year") && target.year === null) {
    const first = Number(period.start.slice(0, 4));
    const last = Number(period.end.slice(0, 4));
    const milestones: Milestone[] = [];
    for (let year = first - 1; year <= last; year++) {
      const w = windowIn(year);
      if (w && w.due >= period.start && w.due <= period.end) milestones.push(milestoneOf(w));
    }
    return {
      text,
      kind: "recurring",
      milestones,
      recurrence: { every: "year", day: null, calendar: "lunar" },
      needsReview: !clean,
    };
  }
  const found = target.year === null ? lunarYearIn(windowIn, period, planYear) : null;
  const w = target.year === null ? (found?.window ?? null) : windowIn(target.year);
  if (w === null) return unscheduled;
  return { text, kind: "dated", milestones: [milestoneOf(w)], recurrence: null, needsReview: !clean };
}
