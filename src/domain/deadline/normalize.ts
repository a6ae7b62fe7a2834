import {
  addDays,
  addMonths,
  daysInMonth,
  type IsoDate,
  isoWeekday,
  isRealDate,
  monthWindow,
  parseIsoDate,
  toIsoDate,
} from "../calendar/iso-date.js";
import { cleanCellText } from "../vietnamese-time/text.js";
import { isLunarPhrase, readLunarRelation } from "../vietnamese-time/lunar-phrase.js";
import { countedSchedule, lunarRelationSchedule, lunarSchedule } from "./anchored.js";
import { type Piece, type Span, type SpanItem, scanPieces } from "../vietnamese-time/scanner.js";
import type { DeadlineContext, Milestone, Period, Recurrence, RecurrenceUnit, Schedule } from "./schedule.js";
import type { Token } from "../vietnamese-time/tokens.js";
import { tokenize } from "../vietnamese-time/tokens.js";

/** A context the caller built wrongly (a period that is not two ISO dates in order). */
export class InvalidDeadlineContextError extends Error {
  override readonly name = "InvalidDeadlineContextError";
  constructor(
    message: string,
    readonly field: "planYear" | "period" | "issuedOn" | "receivedOn",
  ) {
    super(message);
  }
}

type DatesPiece = Extract<Piece, { type: "dates" }>;
type CountPiece = Extract<Piece, { type: "count" }>;

/** Marks that split a cell into clauses. */
const CLAUSE_SEPARATORS = new Set([";", ".", "-", "+", "•", "*", "–"]);
const BULLETS = new Set(["-", "+", "•", "*"]);

/** Words around a date that say nothing beyond the date ("Hoàn thành trong", "chậm nhất là"). */
const FILLER_WORDS = new Set([
  "hoan",
  "thanh",
  "thuc",
  "hien",
  "xong",
  "du",
  "kien",
  "truoc",
  "trong",
  "vao",
  "ngay",
  "tu",
  "den",
  "toi",
  "la",
  "cham",
  "muon",
  "nhat",
  "han",
  "thoi",
  "gian",
  "het",
  "cuoi",
  "dau",
  "giua",
  "va",
  "hoac",
  "con",
  "khoang",
  "chot",
  "deadline",
  "trien",
  "khai",
]);

/** Words that lead a clause into the units it concerns ("đối với cấp xã"). */
const SCOPE_OPENERS: ReadonlyArray<ReadonlyArray<string>> = [
  ["doi", "voi"],
  ["ap", "dung", "cho"],
  ["ap", "dung", "doi", "voi"],
];

/** Clause heads that name an activity ("Báo cáo năm: …") rather than who does it. */
const ACTIVITY_HEADS: ReadonlyArray<ReadonlyArray<string>> = [
  ["bao", "cao"],
  ["ke", "hoach"],
  ["to", "chuc"],
  ["xay", "dung"],
  ["ban", "hanh"],
  ["trien", "khai"],
  ["tong", "ket"],
  ["so", "ket"],
  ["hoan", "thanh"],
  ["thuc", "hien"],
  ["gui"],
  ["nop"],
  ["trinh"],
  ["kiem", "tra"],
  ["ra", "soat"],
  ["danh", "gia"],
  ["tuyen", "truyen"],
  ["cap", "nhat"],
  ["dang", "ky"],
  ["phe", "duyet"],
  ["hoi", "nghi"],
  ["tap", "huan"],
];

const UNIT_ORDER: RecurrenceUnit[] = ["week", "month", "quarter", "half-year", "year"];

interface Clause {
  pieces: Piece[];
  /** Tokens before a "…:" that opens the clause, when there is one. */
  head: Token[] | null;
  startsWithBullet: boolean;
}

interface Candidate {
  piece: DatesPiece;
  label: string | null;
  appliesTo: string | null;
  clauseIndex: number;
}

/** Length of the first phrase that starts at token `at`, or 0 when none does. */
function phraseLengthAt(tokens: Token[], at: number, phrases: ReadonlyArray<ReadonlyArray<string>>): number {
  for (const phrase of phrases) {
    if (phrase.every((word, k) => tokens[at + k]?.fold === word)) return phrase.length;
  }
  return 0;
}

function textOf(cleaned: string, tokens: Token[]): string | null {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return null;
  const text = cleaned.slice(first.start, last.end).trim();
  return text.length > 0 ? text : null;
}

function trimPunctuation(tokens: Token[]): Token[] {
  let from = 0;
  let to = tokens.length;
  while (from < to && tokens[from]?.kind === "punct") from++;
  while (to > from && tokens[to - 1]?.kind === "punct") to--;
  return tokens.slice(from, to);
}

/** One Vietnamese syllable, folded: onset, vowels, coda. Anything else in a cell is not a word we can vouch for. */
const VIETNAMESE_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

// Plans use a few thousand distinct syllables: remember each answer instead of running the pattern per word.
const syllableCache = new Map<string, boolean>();

function isSyllable(folded: string): boolean {
  let known = syllableCache.get(folded);
  if (known === undefined) {
    known = VIETNAMESE_SYLLABLE.test(folded);
    if (syllableCache.size < 20_000) syllableCache.set(folded, known);
  }
  return known;
}

/** True for a syllable or an upper-case abbreviation ("UBND", "KH"); false for gibberish like "vgl". */
function isReadableWord(token: Token): boolean {
  if (isSyllable(token.fold)) return true;
  return token.raw.length >= 2 && token.raw.length <= 12 && token.raw === token.raw.toUpperCase();
}

function isFiller(fold: string): boolean {
  return FILLER_WORDS.has(fold);
}

function onlyFiller(tokens: Token[]): boolean {
  return tokens.every((t) => t.kind === "punct" || FILLER_WORDS.has(t.fold));
}

/** Splits the pieces into clauses and drops parenthesised notes that hold no date. */
function splitClauses(pieces: Piece[]): Clause[] {
  const clauses: Clause[] = [];
  let current: Piece[] = [];
  let startsWithBullet = true;
  for (const piece of pieces) {
    if (piece.type === "token" && piece.token.kind === "punct" && CLAUSE_SEPARATORS.has(piece.token.fold)) {
      if (current.length > 0) clauses.push(makeClause(current, startsWithBullet));
      current = [];
      startsWithBullet = BULLETS.has(piece.token.fold);
      continue;
    }
    current.push(piece);
  }
  if (current.length > 0) clauses.push(makeClause(current, startsWithBullet));
  return clauses;
}

function isScheduleWord(piece: Piece): boolean {
  return (
    piece.type === "dates" || piece.type === "day-of-period" || piece.type === "weekday" || piece.type === "recurrence"
  );
}

function dropNotes(pieces: Piece[]): Piece[] {
  const kept: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    if (piece.type === "token" && piece.token.fold === "(") {
      let close = i + 1;
      let holdsSchedule = false;
      while (close < pieces.length) {
        const inner = pieces[close] as Piece;
        if (inner.type === "token" && inner.token.fold === ")") break;
        if (isScheduleWord(inner)) holdsSchedule = true;
        close++;
      }
      if (!holdsSchedule) {
        i = close;
        continue;
      }
    }
    if (piece.type === "token" && (piece.token.fold === "(" || piece.token.fold === ")")) continue;
    kept.push(piece);
  }
  return kept;
}

function makeClause(rawPieces: Piece[], startsWithBullet: boolean): Clause {
  const pieces = dropNotes(rawPieces);
  const colon = pieces.findIndex((p) => p.type === "token" && p.token.fold === ":");
  const firstSchedule = pieces.findIndex((p) => p.type !== "token");
  if (colon > 0 && (firstSchedule === -1 || colon < firstSchedule)) {
    const head = pieces.slice(0, colon).map((p) => (p as Extract<Piece, { type: "token" }>).token);
    return { pieces: pieces.slice(colon + 1), head, startsWithBullet };
  }
  return { pieces, head: null, startsWithBullet };
}

interface HeadMeaning {
  label: string | null;
  appliesTo: string | null;
}

function readHead(cleaned: string, head: Token[]): HeadMeaning {
  const tokens = trimPunctuation(head);
  const first = tokens[0];
  if (!first) return { label: null, appliesTo: null };
  // "Hạn chót:", "Thời gian hoàn thành:": a name for the date itself, not for whom or what.
  if (onlyFiller(tokens)) return { label: null, appliesTo: null };
  const scope = phraseLengthAt(tokens, 0, SCOPE_OPENERS);
  if (scope > 0) return { label: null, appliesTo: textOf(cleaned, trimPunctuation(tokens.slice(scope))) };
  if (phraseLengthAt(tokens, 0, ACTIVITY_HEADS) > 0) return { label: textOf(cleaned, tokens), appliesTo: null };
  return { label: null, appliesTo: textOf(cleaned, tokens) };
}

/** Removes connectors before and prepositions after a label ("và báo cáo kết quả vào" -> "báo cáo kết quả"). */
function trimLabel(tokens: Token[]): Token[] {
  let from = 0;
  let to = tokens.length;
  const lead = new Set(["va", "hoac", "con", "cung"]);
  while (from < to && ((tokens[from] as Token).kind === "punct" || lead.has((tokens[from] as Token).fold))) from++;
  while (to > from && ((tokens[to - 1] as Token).kind === "punct" || FILLER_WORDS.has((tokens[to - 1] as Token).fold)))
    to--;
  return tokens.slice(from, to);
}

interface ClauseReading {
  candidates: Candidate[];
  /** Words after the last date that the normalizer could not place. */
  unexplained: boolean;
}

/**
 * Words after a date: either its scope ("đối với …"), which is set on `last`
 * and consumed, or the label of the next date, which is returned.
 */
function settleTrailing(cleaned: string, last: Candidate | null, tokens: Token[]): Token[] {
  const trimmed = trimPunctuation(tokens);
  if (last && trimmed.length > 0) {
    const scope = phraseLengthAt(trimmed, 0, SCOPE_OPENERS);
    if (scope > 0) {
      last.appliesTo = textOf(cleaned, trimPunctuation(trimmed.slice(scope)));
      return [];
    }
  }
  return tokens;
}

function readClause(cleaned: string, clause: Clause, clauseIndex: number): ClauseReading {
  const candidates: Candidate[] = [];
  let pending: Token[] = [];
  let last: Candidate | null = null;
  let unexplained = false;

  for (const piece of clause.pieces) {
    if (piece.type === "token") {
      pending.push(piece.token);
      continue;
    }
    // "tuần sau", "2 tuần nữa": counted from a today a plan does not have.
    if (piece.type === "relative-day" || piece.type === "relative-unit" || piece.type === "count") unexplained = true;
    if (piece.type !== "dates") continue;
    const before = settleTrailing(cleaned, last, pending);
    pending = [];
    const labelTokens = trimLabel(before);
    let label: string | null = null;
    let appliesTo: string | null = null;
    const firstLabel = labelTokens[0];
    if (firstLabel && !onlyFiller(labelTokens)) {
      const scope = piece.parenthesized ? 0 : phraseLengthAt(labelTokens, 0, SCOPE_OPENERS);
      if (scope > 0) appliesTo = textOf(cleaned, trimPunctuation(labelTokens.slice(scope)));
      else label = textOf(cleaned, labelTokens);
    }
    last = { piece, label, appliesTo, clauseIndex };
    candidates.push(last);
  }
  // Words left after the last date are unexplained, unless they are its scope or mere filler.
  if (settleTrailing(cleaned, last, pending).length > 0 && last && !onlyFiller(trimPunctuation(pending)))
    unexplained = true;
  // Words that are no Vietnamese at all (a stray "vgl") are never silently taken for a label or a note.
  const gibberish = clause.pieces.some(
    (p) => p.type === "token" && p.token.kind === "word" && !isReadableWord(p.token),
  );
  return { candidates, unexplained: unexplained || gibberish };
}

// ---- years and calendar spans -----------------------------------------------------

function spanWindow(span: Span, year: number): { start: IsoDate; due: IsoDate } | null {
  switch (span.unit) {
    case "day":
      if (!isRealDate(year, span.month, span.day)) return null;
      return { start: toIsoDate(year, span.month, span.day), due: toIsoDate(year, span.month, span.day) };
    case "month":
      if (!Number.isInteger(span.month) || span.month < 1 || span.month > 12) return null;
      return monthWindow(year, span.month);
    case "quarter": {
      if (!Number.isInteger(span.quarter) || span.quarter < 1 || span.quarter > 4) return null;
      const firstMonth = (span.quarter - 1) * 3 + 1;
      return { start: toIsoDate(year, firstMonth, 1), due: monthWindow(year, firstMonth + 2).due };
    }
    case "half":
      return span.half === 1
        ? { start: toIsoDate(year, 1, 1), due: toIsoDate(year, 6, 30) }
        : { start: toIsoDate(year, 7, 1), due: toIsoDate(year, 12, 31) };
    case "year":
      return { start: toIsoDate(year, 1, 1), due: toIsoDate(year, 12, 31) };
  }
}

/** The year for a span that names none: the one that puts it inside the plan's period. */
function yearInPeriod(span: Span, period: Period, planYear: number): number {
  const first = Number(period.start.slice(0, 4));
  const last = Number(period.end.slice(0, 4));
  for (let year = first; year <= last; year++) {
    const window = spanWindow(span, year);
    if (window && window.due >= period.start && window.due <= period.end) return year;
  }
  return planYear;
}

interface ResolvedItem {
  start: IsoDate | null;
  due: IsoDate;
}

/** Dates of one item once its years are known; null for a day that does not exist. */
/** The year a date without one belongs to: the clause's own, or the one in the plan's period. */
interface YearDefault {
  inherited: number | null;
  period: Period;
  planYear: number;
}

function defaultYear(span: Span, years: YearDefault): number {
  return years.inherited ?? yearInPeriod(span, years.period, years.planYear);
}

function resolveItem(item: SpanItem, years: YearDefault, endOnly: boolean): ResolvedItem | null {
  const to = item.to;
  if (to === null) {
    const window = spanWindow(item.from, item.from.year ?? defaultYear(item.from, years));
    if (!window) return null;
    const isDay = item.from.unit === "day";
    return { start: isDay || endOnly ? null : window.start, due: window.due };
  }
  const toYear = to.year ?? (item.from.year !== null ? item.from.year : defaultYear(to, years));
  let fromYear = item.from.year ?? toYear;
  const toWindow = spanWindow(to, toYear);
  let fromWindow = spanWindow(item.from, fromYear);
  if (!toWindow || !fromWindow) return null;
  // "Từ tháng 11 đến tháng 2/2026" starts in the year before.
  if ((item.from.year === null || item.sharedYear) && fromWindow.start > toWindow.due) {
    fromYear -= 1;
    fromWindow = spanWindow(item.from, fromYear);
    if (!fromWindow) return null;
  }
  if (fromWindow.start > toWindow.due) return null;
  return { start: fromWindow.start, due: toWindow.due };
}

function explicitYear(piece: DatesPiece): number | null {
  for (const item of piece.items) {
    if (item.to?.year != null) return item.to.year;
    if (item.from.year !== null) return item.from.year;
  }
  return null;
}

// ---- recurrence ---------------------------------------------------------------------

function firstDayOfUnit(year: number, month: number, unit: RecurrenceUnit): { year: number; month: number } {
  if (unit === "quarter") return { year, month: Math.floor((month - 1) / 3) * 3 + 1 };
  if (unit === "half-year") return { year, month: month <= 6 ? 1 : 7 };
  if (unit === "year") return { year, month: 1 };
  return { year, month };
}

const MONTHS_IN: Record<Exclude<RecurrenceUnit, "week">, number> = { month: 1, quarter: 3, "half-year": 6, year: 12 };

/** One milestone per occurrence whose due day lies inside the period. */
function occurrences(recurrence: Recurrence, period: Period): Milestone[] {
  const milestones: Milestone[] = [];
  if (recurrence.every === "week") {
    let monday = addDays(period.start, 1 - isoWeekday(period.start));
    while (monday <= period.end) {
      const due = addDays(monday, (recurrence.day ?? 7) - 1);
      if (due >= period.start && due <= period.end)
        milestones.push({ start: recurrence.day === null ? monday : null, due, label: null, appliesTo: null });
      monday = addDays(monday, 7);
    }
    return milestones;
  }
  const span = MONTHS_IN[recurrence.every];
  const start = parseIsoDate(period.start) as { year: number; month: number };
  let cursor = firstDayOfUnit(start.year, start.month, recurrence.every);
  for (;;) {
    const lastMonth = cursor.month + span - 1;
    const windowStart = toIsoDate(cursor.year, cursor.month, 1);
    if (windowStart > period.end) break;
    const windowEnd = toIsoDate(cursor.year, lastMonth, daysInMonth(cursor.year, lastMonth));
    if (recurrence.day !== null && recurrence.every === "month") {
      const due = toIsoDate(
        cursor.year,
        cursor.month,
        Math.min(recurrence.day, daysInMonth(cursor.year, cursor.month)),
      );
      if (due >= period.start && due <= period.end) milestones.push({ start: null, due, label: null, appliesTo: null });
    } else if (windowEnd >= period.start && windowEnd <= period.end) {
      milestones.push({ start: windowStart, due: windowEnd, label: null, appliesTo: null });
    }
    const nextMonth = cursor.month + span;
    cursor =
      nextMonth > 12 ? { year: cursor.year + 1, month: nextMonth - 12 } : { year: cursor.year, month: nextMonth };
  }
  return milestones;
}

/** Each window's due moved to day N of its first, middle or last month ("ngày 12 tháng cuối quý"). */
function dayInMonthOfPeriod(
  windows: Milestone[],
  unit: Exclude<RecurrenceUnit, "week" | "month">,
  piece: { day: number; month: "first" | "middle" | "last" | null },
  period: Period,
): Milestone[] {
  const span = MONTHS_IN[unit];
  const offset = piece.month === "first" ? 0 : piece.month === "middle" ? Math.floor((span - 1) / 2) : span - 1;
  const milestones: Milestone[] = [];
  for (const window of windows) {
    if (window.start === null) continue;
    const { year, month } = parseIsoDate(window.start) as { year: number; month: number };
    const target = month + offset;
    const due = toIsoDate(year, target, Math.min(piece.day, daysInMonth(year, target)));
    if (due >= period.start && due <= period.end) milestones.push({ start: null, due, label: null, appliesTo: null });
  }
  return milestones;
}

/** A year-less date said to repeat every year ("trước ngày 20/12 hàng năm"), in each year of the period. */
function yearlyOccurrences(spans: Span[], period: Period): Milestone[] | null {
  const milestones: Milestone[] = [];
  const first = Number(period.start.slice(0, 4));
  const last = Number(period.end.slice(0, 4));
  for (let year = first; year <= last; year++) {
    for (const span of spans) {
      const window = spanWindow(span, year);
      if (!window) {
        if (span.unit === "day" && span.month === 2 && span.day === 29) continue;
        return null;
      }
      if (window.due >= period.start && window.due <= period.end) {
        milestones.push({
          start: span.unit === "day" ? null : window.start,
          due: window.due,
          label: null,
          appliesTo: null,
        });
      }
    }
  }
  return milestones;
}

// ---- assembly -------------------------------------------------------------------------

function joinTexts(a: string | null, b: string | null): string | null {
  return a && b && a !== b ? `${a}; ${b}` : (a ?? b);
}

function mergeByDue(milestones: Milestone[]): Milestone[] {
  const sorted = [...milestones].sort((a, b) =>
    a.due === b.due ? (a.start ?? "").localeCompare(b.start ?? "") : a.due < b.due ? -1 : 1,
  );
  const merged: Milestone[] = [];
  for (const milestone of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.due === milestone.due) {
      // A window and a day on its last day are one milestone: the window wins.
      previous.start = previous.start ?? milestone.start;
      if (previous.start !== null && milestone.start !== null && milestone.start < previous.start)
        previous.start = milestone.start;
      previous.label = joinTexts(previous.label, milestone.label);
      previous.appliesTo = joinTexts(previous.appliesTo, milestone.appliesTo);
    } else {
      merged.push({ ...milestone });
    }
  }
  return merged;
}

function checkedDay(date: IsoDate | undefined, field: "issuedOn" | "receivedOn"): void {
  if (date === undefined) return;
  const parts = parseIsoDate(date);
  if (!parts || parts.year < 1900 || parts.year > 2198)
    throw new InvalidDeadlineContextError(`${field} must be an ISO date from 1900 to 2198, got ${date}`, field);
}

function checkedPeriod(context: DeadlineContext): Period {
  if (!Number.isInteger(context.planYear) || context.planYear < 1900 || context.planYear > 2199) {
    throw new InvalidDeadlineContextError(
      `planYear must be a year between 1900 and 2199, got ${context.planYear}`,
      "planYear",
    );
  }
  checkedDay(context.issuedOn, "issuedOn");
  checkedDay(context.receivedOn, "receivedOn");
  // A document's deadlines run from its date: the year that follows it, unless a period is given.
  if (!context.period && context.issuedOn)
    return { start: context.issuedOn, end: addDays(addMonths(context.issuedOn, 12), -1) };
  if (!context.period) return { start: toIsoDate(context.planYear, 1, 1), end: toIsoDate(context.planYear, 12, 31) };
  const { start, end } = context.period;
  if (!parseIsoDate(start) || !parseIsoDate(end) || start > end) {
    throw new InvalidDeadlineContextError(`period must be two ISO dates in order, got ${start}..${end}`, "period");
  }
  return context.period;
}

function unscheduled(text: string): Schedule {
  return { text, kind: "unscheduled", milestones: [], recurrence: null, needsReview: true };
}

/** A clause head ("- Cấp xã: trước …") speaks for the one date under it; over several it is only a title. */
function applyClauseHeads(cleaned: string, clauses: Clause[], candidates: Candidate[]): void {
  clauses.forEach((clause, index) => {
    if (!clause.head) return;
    let end = index + 1;
    while (end < clauses.length && !(clauses[end] as Clause).startsWithBullet && !(clauses[end] as Clause).head) end++;
    const covered = candidates.filter((c) => c.clauseIndex >= index && c.clauseIndex < end);
    const count = covered.reduce((sum, c) => sum + c.piece.items.length, 0);
    const only = covered[0];
    if (count !== 1 || !only) return;
    const meaning = readHead(cleaned, clause.head);
    if (only.appliesTo === null) only.appliesTo = meaning.appliesTo;
    if (only.label === null) only.label = meaning.label;
  });
}

/** Characters of a deadline cell that are read; a longer cell is read this far and needs review. */
export const MAX_DEADLINE_CHARS = 2000;

/**
 * The candidates' dates as milestones. Years: a year written in the same clause, else the one inside the
 * plan's period. Days and months said to repeat yearly are also returned as anchored spans.
 */
function resolveCandidates(
  candidates: Candidate[],
  all: Piece[],
  period: ReturnType<typeof checkedPeriod>,
  planYear: DeadlineContext["planYear"],
): { milestones: Milestone[]; anchoredSpans: Span[]; invalid: boolean; vague: boolean } {
  let invalid = false;
  let vague = false;
  const milestones: Milestone[] = [];
  const anchoredSpans: Span[] = [];
  for (const candidate of candidates) {
    const piece = candidate.piece;
    if (piece.invalid) invalid = true;
    if (piece.vague) vague = true;
    const at = all.indexOf(piece);
    const next = all[at + 1];
    // "trước ngày 20/12 hàng năm" and "định kỳ hằng năm trước ngày 15/12": a day and month said to repeat yearly.
    const before = all
      .slice(0, at)
      .reverse()
      .find((p) => p.type !== "token");
    const yearly = (p: Piece | undefined) => p?.type === "recurrence" && p.units.includes("year");
    const yearless = explicitYear(piece) === null;
    if (yearless && (yearly(next) || (yearly(before) && piece.items.every((i) => i.from.unit === "day")))) {
      anchoredSpans.push(...piece.items.flatMap((item) => (item.to === null ? [item.from] : [])));
    }
    const clauseYears = candidates
      .filter((c) => c.clauseIndex === candidate.clauseIndex)
      .map((c) => explicitYear(c.piece));
    const own = candidates.filter((c) => c.clauseIndex === candidate.clauseIndex).indexOf(candidate);
    const inherited =
      clauseYears.slice(own + 1).find((y) => y !== null) ??
      clauseYears
        .slice(0, own)
        .reverse()
        .find((y) => y !== null) ??
      null;
    const years: YearDefault = { inherited, period, planYear };
    for (const item of piece.items) {
      const resolved = resolveItem(item, years, piece.endOnly);
      if (!resolved) {
        invalid = true;
        continue;
      }
      milestones.push({
        start: resolved.start,
        due: resolved.due,
        label: candidate.label,
        appliesTo: candidate.appliesTo,
      });
    }
  }
  return { milestones, anchoredSpans, invalid, vague };
}

/**
 * Reads one deadline cell ("Trước 28/01/2025", "Quý II, III/2025", "Hàng tháng")
 * into a Schedule, as docs/spec/deadlines.md defines it. Never throws on any
 * cell text; throws InvalidDeadlineContextError for a malformed context.
 */
export function normalizeDeadline(text: string, context: DeadlineContext): Schedule {
  // No deadline cell runs to pages; reading only its start keeps a hostile cell
  // from costing minutes, and what was not read sends it to a person.
  if (text.length > MAX_DEADLINE_CHARS) {
    return { ...normalizeDeadline(text.slice(0, MAX_DEADLINE_CHARS), context), text, needsReview: true };
  }
  const period = checkedPeriod(context);
  const cleaned = cleanCellText(text);
  if (cleaned.length === 0) return unscheduled(text);

  const tokens = tokenize(cleaned);
  // "sau Tết", "trước và sau Tết", "sau rằm tháng giêng": a window hung on a lunar day.
  const relation = readLunarRelation(tokens);
  if (relation) return lunarRelationSchedule(text, relation, context, period);
  const pieces = scanPieces(tokens);
  // "rằm tháng giêng", "25 tháng chạp", "trước Tết Nguyên đán": on our lunar calendar.
  if (isLunarPhrase(pieces)) return lunarSchedule(text, pieces, period, context.planYear, isFiller);
  // "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này": counted from a day of the document.
  const counted = pieces.find((p): p is CountPiece => p.type === "count" && p.from !== "today");
  if (counted && !pieces.some((p) => p.type === "dates")) return countedSchedule(text, counted, context);
  const clauses = splitClauses(pieces);

  let unexplained = false;
  let invalid = false;
  let vague = false;
  const candidates: Candidate[] = [];
  clauses.forEach((clause, index) => {
    const reading = readClause(cleaned, clause, index);
    unexplained ||= reading.unexplained;
    candidates.push(...reading.candidates);
  });

  applyClauseHeads(cleaned, clauses, candidates);

  const all: Piece[] = [];
  for (const clause of clauses) for (const piece of clause.pieces) all.push(piece);
  const recurrences = all.filter((p): p is Extract<Piece, { type: "recurrence" }> => p.type === "recurrence");
  const dayOfPeriod = all.find((p): p is Extract<Piece, { type: "day-of-period" }> => p.type === "day-of-period");
  const weekday = all.find((p): p is Extract<Piece, { type: "weekday" }> => p.type === "weekday");
  const ongoing = all.some((p) => p.type === "ongoing");
  // A dateless clause that points at another document leaves part of the schedule unknown.
  const dependsOnOtherDocument = clauses.some(
    (c) => c.pieces.some((p) => p.type === "reference") && !c.pieces.some((p) => p.type === "dates"),
  );

  const resolved = resolveCandidates(candidates, all, period, context.planYear);
  const { milestones, anchoredSpans } = resolved;
  invalid ||= resolved.invalid;
  vague ||= resolved.vague;
  if (invalid) return unscheduled(text);

  const unit = recurrences.flatMap((r) => r.units).sort((a, b) => UNIT_ORDER.indexOf(a) - UNIT_ORDER.indexOf(b))[0];
  const onlyAnchored = anchoredSpans.length > 0 && anchoredSpans.length === milestones.length;

  if (milestones.length > 0 && !(unit === "year" && onlyAnchored)) {
    const needsReview =
      unexplained ||
      vague ||
      dependsOnOtherDocument ||
      (dayOfPeriod !== undefined && !unit) ||
      (weekday !== undefined && !unit);
    return { text, kind: "dated", milestones: mergeByDue(milestones), recurrence: null, needsReview };
  }

  if (unit) {
    if (unit === "year" && onlyAnchored) {
      const yearly = yearlyOccurrences(anchoredSpans, period);
      if (!yearly) return unscheduled(text);
      return {
        text,
        kind: "recurring",
        milestones: mergeByDue(yearly),
        recurrence: { every: "year", day: null },
        needsReview: dependsOnOtherDocument,
      };
    }
    let day: number | null = null;
    if (unit === "month" && dayOfPeriod && dayOfPeriod.day >= 1 && dayOfPeriod.day <= 31) day = dayOfPeriod.day;
    if (unit === "week" && weekday) day = weekday.weekday;
    const recurrence: Recurrence = { every: unit, day };
    // "Hằng quý (trước ngày 12 tháng cuối quý)": the day sits in one month of each period.
    const monthOfPeriod = unit !== "week" && unit !== "month" && dayOfPeriod?.month ? dayOfPeriod : null;
    const strayDay =
      (dayOfPeriod !== undefined && day === null && monthOfPeriod === null) || (weekday !== undefined && day === null);
    const listed = occurrences(recurrence, period);
    return {
      text,
      kind: "recurring",
      milestones: monthOfPeriod ? dayInMonthOfPeriod(listed, unit as "quarter", monthOfPeriod, period) : listed,
      recurrence,
      needsReview: strayDay || dependsOnOtherDocument,
    };
  }

  if (ongoing) return { text, kind: "ongoing", milestones: [], recurrence: null, needsReview: false };
  return unscheduled(text);
}
