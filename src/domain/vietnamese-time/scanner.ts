import {
  carriesDiacritics,
  isWrittenSix,
  MONTH_NAMES,
  NUMBER_WORDS,
  numberWordAt,
  type RecurrenceUnit,
  ROMAN,
  WEEKDAY_WORDS,
  yearOf,
} from "./lexicon.js";
import type { Token } from "./tokens.js";

/**
 * The scanner: walks the tokens of a cell and recognises the pieces a deadline is
 * made of (dates, months, quarters, years, ranges, repetition, "Thường xuyên",
 * references to other documents). What it does not recognise stays as plain
 * tokens, for the reader of labels and scopes (read-cell.ts).
 */

/** A calendar span as written: the year is null when the text names none. */
export type Span =
  | { unit: "day"; day: number; month: number; year: number | null }
  | { unit: "month"; month: number; year: number | null }
  | { unit: "quarter"; quarter: number; year: number | null }
  | { unit: "half"; half: number; year: number | null }
  | { unit: "year"; year: number | null };

/** One milestone-to-be: a span, or a range between two spans ("Tháng 11-12/2025"). */
export interface SpanItem {
  from: Span;
  to: Span | null;
  /** "Từ tháng 11 đến tháng 2/2026": one year written for both ends, so the start may lie in the year before. */
  sharedYear: boolean;
}

export type Piece =
  | { type: "token"; token: Token }
  | {
      type: "dates";
      items: SpanItem[];
      /** "Trước tháng 6", "hết năm": only the end counts, no window. */
      endOnly: boolean;
      /** "Đầu quý", "giữa tháng": a part of the span the normalizer does not pin down. */
      vague: boolean;
      /** A number out of range (Quý V, tháng 13): the text cannot be trusted. */
      invalid: boolean;
      /** Which part of the span the words before it name: "đầu", "giữa", "cuối"/"hết"/"trước". */
      part: SpanPart | null;
      /** A day with a name ("Quốc khánh"): never a day and month typed the other way round. */
      named: boolean;
      start: number;
      end: number;
      /** Inside parentheses ("báo cáo năm (trước ngày 07/11)"). */
      parenthesized: boolean;
    }
  /**
   * "ngày 25" of each period; `month` when the day is in a named month of it
   * ("ngày 12 tháng cuối quý": the 12th of the quarter's last month).
   */
  | { type: "day-of-period"; day: number; month: "first" | "middle" | "last" | null; start: number; end: number }
  | { type: "weekday"; weekday: number; start: number; end: number }
  | { type: "recurrence"; units: RecurrenceUnit[]; start: number; end: number }
  | { type: "vague-recurrence"; start: number; end: number }
  | { type: "ongoing"; start: number; end: number }
  | { type: "ad-hoc"; start: number; end: number }
  | { type: "reference"; start: number; end: number }
  /** "hôm nay", "ngày mai", "hôm qua": a day counted from today. */
  | { type: "relative-day"; offset: number; start: number; end: number }
  /**
   * "tuần sau", "tháng này", "quý tới", "năm ngoái", or a bare unit after a part
   * ("cuối tháng"): the unit counted from the current one. `orJune` when an
   * unaccented "tháng sau" may be "tháng sáu".
   */
  | {
      type: "relative-unit";
      unit: "week" | "month" | "quarter" | "year";
      offset: number;
      part: SpanPart | null;
      orJune: boolean;
      start: number;
      end: number;
    }
  /**
   * "2 tuần nữa", "sau 10 ngày", "3 ngày làm việc nữa": a day this far from today;
   * "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này": this far
   * from the day the text counts from (`from`).
   */
  | {
      type: "count";
      n: number;
      unit: CountUnit;
      /** What the count starts from: today (typed), the document's date, its receipt, or an event with no date. */
      from: CountAnchor;
      start: number;
      end: number;
    }
  /** "rằm" (`full`: the full-moon day, the 15th) or "âm lịch": the date around it is on the lunar calendar. */
  | { type: "lunar"; full: boolean; start: number; end: number };

/** The part of a span a deadline names: its first day, its middle, its last day. */
export type SpanPart = "start" | "mid" | "end";

/** What a count is counted in: "ngày làm việc" skips the days offices are closed. */
export type CountUnit = "day" | "working-day" | "week" | "month" | "year";

/**
 * Where a count starts: "nữa"/"tới" count from today; "kể từ ngày ký/ban hành" from
 * the document's date; "kể từ ngày nhận được" from its receipt; "sau khi kết thúc
 * hội nghị" from an event no calendar knows; a bare "trong 05 ngày" names none.
 */
export type CountAnchor = "today" | "issued" | "received" | "event" | "unnamed";

/** How the text was written: typed in a chat, where "t5", "cn" and "8.1" are dates, or a document's cell. */
export interface ScanOptions {
  typed?: boolean;
}

const UNIT_WORDS: Record<string, RecurrenceUnit> = {
  tuan: "week",
  thang: "month",
  quy: "quarter",
  nam: "year",
};

const MONTHS_TO_UNIT: Record<number, RecurrenceUnit> = { 1: "month", 3: "quarter", 6: "half-year", 12: "year" };

/** Words after a unit that count it from the current one ("tuần sau", "năm ngoái"). */
const RELATIVE_AFTER_UNIT: ReadonlyArray<{ words: ReadonlyArray<string>; offset: number }> = [
  { words: ["sau", "nua"], offset: 2 },
  { words: ["toi", "nua"], offset: 2 },
  { words: ["truoc", "nua"], offset: -2 },
  { words: ["hien", "tai"], offset: 0 },
  { words: ["nay"], offset: 0 },
  { words: ["tiep", "theo"], offset: 1 },
  { words: ["ke", "tiep"], offset: 1 },
  { words: ["sap", "toi"], offset: 1 },
  { words: ["toi"], offset: 1 },
  { words: ["tiep"], offset: 1 },
  { words: ["ke"], offset: 1 },
  { words: ["sau"], offset: 1 },
  { words: ["vua", "roi"], offset: -1 },
  { words: ["vua", "qua"], offset: -1 },
  { words: ["truoc"], offset: -1 },
  { words: ["ngoai"], offset: -1 },
  { words: ["qua"], offset: -1 },
];

const RELATIVE_FIRST_WORDS = new Set(RELATIVE_AFTER_UNIT.map((r) => r.words[0] as string));

const RELATIVE_UNITS: Readonly<Record<string, "week" | "month" | "quarter" | "year">> = {
  tuan: "week",
  thang: "month",
  quy: "quarter",
  nam: "year",
};

/** "hôm nay", "ngày mai": days counted from today. The longest phrase is tried first. */
const RELATIVE_DAYS: ReadonlyArray<{ words: ReadonlyArray<string>; offset: number }> = [
  { words: ["ngay", "hom", "nay"], offset: 0 },
  { words: ["ngay", "hom", "qua"], offset: -1 },
  { words: ["ngay", "hom", "kia"], offset: -2 },
  { words: ["trong", "hom", "nay"], offset: 0 },
  { words: ["hom", "nay"], offset: 0 },
  { words: ["bua", "nay"], offset: 0 },
  { words: ["trong", "ngay"], offset: 0 },
  { words: ["hom", "qua"], offset: -1 },
  { words: ["bua", "qua"], offset: -1 },
  { words: ["hom", "kia"], offset: -2 },
  { words: ["ngay", "mai"], offset: 1 },
  { words: ["bua", "mai"], offset: 1 },
  { words: ["hom", "sau"], offset: 1 },
  { words: ["ngay", "kia"], offset: 2 },
  { words: ["ngay", "mot"], offset: 2 },
  { words: ["mai"], offset: 1 },
  { words: ["mot"], offset: 2 },
  { words: ["nay"], offset: 0 },
];

const COUNT_UNITS: Readonly<Record<string, Exclude<CountUnit, "working-day">>> = {
  ngay: "day",
  hom: "day",
  tuan: "week",
  thang: "month",
  nam: "year",
};

/** Days with a name, on the solar calendar: the day and month. */
const NAMED_DAYS: ReadonlyArray<{ words: ReadonlyArray<string>; day: number; month: number }> = [
  { words: ["giang", "sinh"], day: 25, month: 12 },
  { words: ["noel"], day: 25, month: 12 },
  { words: ["quoc", "khanh"], day: 2, month: 9 },
  { words: ["tet", "duong", "lich"], day: 1, month: 1 },
  { words: ["tet", "tay"], day: 1, month: 1 },
  { words: ["quoc", "te", "lao", "dong"], day: 1, month: 5 },
  { words: ["giai", "phong", "mien", "nam"], day: 30, month: 4 },
  { words: ["quoc", "te", "phu", "nu"], day: 8, month: 3 },
  { words: ["phu", "nu", "viet", "nam"], day: 20, month: 10 },
  { words: ["nha", "giao", "viet", "nam"], day: 20, month: 11 },
  { words: ["quoc", "te", "thieu", "nhi"], day: 1, month: 6 },
];

/** Words after "quy" that make it "quy định", "quy chế"…, not a quarter. */
const NOT_QUARTER_AFTER = new Set(["dinh", "che", "trinh", "mo", "hoach", "uoc", "tac", "doi", "tu", "hoach", "nap"]);

/** Words after which "năm 2025" is the deadline itself, not part of a document's name. */
const YEAR_INTRODUCERS = new Set([
  "trong",
  "vao",
  "ca",
  "thanh",
  "hien",
  "den",
  "het",
  "tu",
  "xong",
  "la",
  "nam",
  "cuoi",
  "dau",
  "giua",
  "khai",
]);

/** Words that open a reference to another document or event: the date is not in the cell. */
const REFERENCE_OPENERS: ReadonlyArray<ReadonlyArray<string>> = [
  ["can", "cu"],
  ["sau", "khi"],
  ["ngay", "sau", "khi"],
  ["tuy", "theo"],
  ["tuy", "thuoc"],
  ["phu", "thuoc"],
  ["khi", "co"],
  ["khi", "duoc"],
  ["sau"],
];

const AD_HOC: ReadonlyArray<ReadonlyArray<string>> = [
  ["dot", "xuat"],
  ["khi", "co", "yeu", "cau"],
  ["theo", "yeu", "cau"],
  ["khi", "can", "thiet"],
  ["khi", "co", "chi", "dao"],
];

const ONGOING: ReadonlyArray<ReadonlyArray<string>> = [
  ["thuong", "xuyen"],
  ["lien", "tuc"],
  ["hang", "ngay"],
  ["moi", "ngay"],
  ["suot", "nam"],
];

/** Phrases grouped by their first word, so a token is checked only against phrases that can start with it. */
function indexByFirstWord(
  phrases: ReadonlyArray<ReadonlyArray<string>>,
): ReadonlyMap<string, ReadonlyArray<ReadonlyArray<string>>> {
  const index = new Map<string, Array<ReadonlyArray<string>>>();
  for (const phrase of phrases) {
    const first = phrase[0] as string;
    const list = index.get(first) ?? [];
    list.push(phrase);
    index.set(first, list);
  }
  return index;
}

const ONGOING_BY_FIRST = indexByFirstWord(ONGOING);
const AD_HOC_BY_FIRST = indexByFirstWord(AD_HOC);
const REFERENCE_BY_FIRST = indexByFirstWord(REFERENCE_OPENERS);
const NO_PHRASES: ReadonlyArray<ReadonlyArray<string>> = [];

/** Words after which a number is a day: "trước 15 tháng 4", "hạn 5 tháng 6". */
const DATE_WORDS = ["truoc", "ngay", "den", "toi", "vao", "han", "nhat", "tu", "la", "mong", "mung"];

const QUARTER_GLUED = /^q(i{1,3}|iv)$/;

/** Every word a recogniser of scanAt can start at; kept next to the tables it is built from. */
const STARTS_A_PIECE: ReadonlySet<string> = new Set([
  ...ONGOING.map((w) => w[0] as string),
  ...AD_HOC.map((w) => w[0] as string),
  ...REFERENCE_OPENERS.map((w) => w[0] as string),
  ...RELATIVE_DAYS.map((r) => r.words[0] as string),
  ...NAMED_DAYS.map((r) => r.words[0] as string),
  ...Object.keys(RELATIVE_UNITS),
  ...Object.keys(UNIT_WORDS),
  ...Object.keys(NUMBER_WORDS),
  // recurrence, weekdays, counts, dates, day of period, citations
  ...["dinh", "hang", "moi", "theo", "nua", "chu", "chua", "cn", "t", "thu", "sau", "trong", "ngay", "dip", "le"],
  ...["mong", "mung", "q", "quy", "thang", "ca", "giai", "nam", "so", "ram", "am"],
  // bounds of a count: "chậm nhất 05 ngày", "tối đa", "không quá", "thời hạn"
  ...["cham", "toi", "khong", "thoi"],
]);

interface Parsed<T> {
  next: number;
  value: T;
}

class Scanner {
  readonly pieces: Piece[] = [];
  private parenDepth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly typed = false,
  ) {}

  private word(i: number): string | undefined {
    const token = this.tokens[i];
    return token?.kind === "word" ? token.fold : undefined;
  }

  private isWord(i: number, ...words: string[]): boolean {
    const w = this.word(i);
    return w !== undefined && words.includes(w);
  }

  private isPunct(i: number, ...marks: string[]): boolean {
    const token = this.tokens[i];
    return token?.kind === "punct" && marks.includes(token.fold);
  }

  private number(i: number): Token | undefined {
    const token = this.tokens[i];
    return token?.kind === "number" ? token : undefined;
  }

  private matchesWords(i: number, words: ReadonlyArray<string>): boolean {
    for (let k = 0; k < words.length; k++) if (this.word(i + k) !== words[k]) return false;
    return true;
  }

  private startOf(i: number): number {
    return this.tokens[i]?.start ?? 0;
  }

  private endOf(i: number): number {
    return this.tokens[i]?.end ?? 0;
  }

  scan(): Piece[] {
    let i = 0;
    while (i < this.tokens.length) {
      const next = this.scanAt(i);
      if (next > i) {
        i = next;
        continue;
      }
      const token = this.tokens[i] as Token;
      if (token.kind === "punct" && token.fold === "(") this.parenDepth++;
      if (token.kind === "punct" && token.fold === ")" && this.parenDepth > 0) this.parenDepth--;
      this.pieces.push({ type: "token", token });
      i++;
    }
    return this.pieces;
  }

  /** Tries every recogniser at token i; returns the index after what it took, or i. */
  private scanAt(i: number): number {
    const token = this.tokens[i] as Token;
    if (token.kind === "punct") return i;
    // Most words of a cell ("báo cáo", "UBND", "cấp xã") start no time phrase: skip them at once.
    if (token.kind === "word" && !STARTS_A_PIECE.has(token.fold) && !QUARTER_GLUED.test(token.fold)) return i;
    for (const words of ONGOING_BY_FIRST.get(token.fold) ?? NO_PHRASES) {
      if (this.matchesWords(i, words)) return this.push({ type: "ongoing" }, i, i + words.length);
    }
    for (const words of AD_HOC_BY_FIRST.get(token.fold) ?? NO_PHRASES) {
      if (this.matchesWords(i, words)) {
        // "Theo yêu cầu của cấp trên": the whole clause is the condition.
        return this.push({ type: "ad-hoc" }, i, this.clauseEnd(i + words.length));
      }
    }
    const recurrence = this.recurrence(i);
    if (recurrence) return recurrence;
    const weekday = this.weekday(i);
    if (weekday) return this.push({ type: "weekday", weekday: weekday.value }, i, weekday.next);
    if (this.isWord(i, "theo")) return this.push({ type: "reference" }, i, this.citedDateEnd(this.clauseEnd(i + 1)));
    const count = this.count(i);
    if (count) return count;
    for (const words of REFERENCE_BY_FIRST.get(token.fold) ?? NO_PHRASES) {
      // "sau" is "after"; "sáu" (six) folds the same way.
      if (words.length === 1 && (this.tokens[i]?.raw.toLowerCase() !== "sau" || this.isWord(i + 1, "thang"))) continue;
      if (this.matchesWords(i, words))
        return this.push({ type: "reference" }, i, this.citedDateEnd(this.clauseEnd(i + words.length)));
    }
    const dates = this.dates(i);
    if (dates) {
      // "tháng giêng", "25 tháng chạp": months named only on the lunar calendar.
      if (this.namesLunarMonth(i, dates)) this.push({ type: "lunar", full: false }, i, dates);
      return dates;
    }
    const relative = this.relativeDay(i) ?? this.relativeUnit(i);
    if (relative) return relative;
    if (this.isWord(i, "ngay")) {
      const day = this.number(i + 1);
      // "ngày 20 của tháng cuối quý" reads as "ngày 20 tháng cuối quý".
      const m = this.isWord(i + 2, "cua") && this.isWord(i + 3, "thang") ? i + 3 : i + 2;
      const relativeMonth = this.isWord(m, "thang") && RELATIVE_FIRST_WORDS.has(this.word(m + 1) ?? "");
      if (
        day &&
        day.digits <= 2 &&
        !this.isPunct(i + 2, "/", ".", "-") &&
        (!this.isWord(m, "thang") || relativeMonth) &&
        m === i + 2
      ) {
        return this.push({ type: "day-of-period", day: day.value, month: null }, i, i + 2);
      }
      const side = this.word(m + 1);
      const month = side === "cuoi" ? "last" : side === "dau" ? "first" : side === "giua" ? "middle" : null;
      if (day && day.digits <= 2 && this.isWord(m, "thang") && month && this.isWord(m + 2, "quy", "nam", "ky")) {
        return this.push({ type: "day-of-period", day: day.value, month }, i, m + 3);
      }
    }
    if (this.isWord(i, "mong", "mung")) {
      // "mùng 1 tháng sau", "mồng 5": a day of a month named by what follows, or of the next one.
      const day = this.dayNumber(i + 1);
      if (day) return this.push({ type: "day-of-period", day: day.value, month: null }, i, day.next);
    }
    // "rằm tháng giêng", "mùng 10 tháng 3 âm lịch": a lunar date, which this solar reading must not pass off as one.
    if (this.isWord(i, "ram") || this.matchesWords(i, ["am", "lich"]))
      return this.push({ type: "lunar", full: this.isWord(i, "ram") }, i, this.isWord(i, "ram") ? i + 1 : i + 2);
    const citation = this.citation(i);
    if (citation) return citation;
    if (this.matchesWords(i, ["dinh", "ky"])) return this.push({ type: "vague-recurrence" }, i, i + 2);
    return i;
  }

  private namesLunarMonth(from: number, next: number): boolean {
    for (let k = from; k < next; k++) if (this.isWord(k, "gieng", "chap")) return true;
    return false;
  }

  private push(piece: DistributiveOmit<Piece, "start" | "end" | "token">, from: number, next: number): number {
    // Filled in place rather than spread into a copy: this runs for every piece of every cell.
    const located = piece as Exclude<Piece, { type: "token" }>;
    located.start = this.startOf(from);
    located.end = this.endOf(next - 1);
    this.pieces.push(located);
    return next;
  }

  /** End of a clause: the next separator that is not part of a date. */
  private clauseEnd(i: number): number {
    let k = i;
    for (; k < this.tokens.length; k++) {
      const token = this.tokens[k] as Token;
      if (token.kind !== "punct") continue;
      if ([",", ";", "(", ")", ":", "+"].includes(token.fold)) break;
      if ((token.fold === "." || token.fold === "-") && !(this.number(k - 1) && this.number(k + 1))) {
        // "15/KH-UBND": a dash inside a document's number joins, it does not separate.
        if (token.fold === "-" && this.glued(k)) continue;
        break;
      }
    }
    return k;
  }

  /** After a cited document's number, ", ngày 12/02/2025" is still the document's date. */
  private citedDateEnd(k: number): number {
    const code = this.tokens[k - 1];
    if (!this.isPunct(k, ",") || code?.kind !== "word" || code.raw !== code.raw.toUpperCase()) return k;
    if (!this.isWord(k + 1, "ngay")) return k;
    return this.dayDate(k + 1)?.next ?? k;
  }

  /** A mark written between two tokens without spaces ("KH-UBND"). */
  private glued(k: number): boolean {
    const before = this.tokens[k - 1];
    const after = this.tokens[k + 1];
    const mark = this.tokens[k] as Token;
    return before !== undefined && after !== undefined && before.end === mark.start && mark.end === after.start;
  }

  /**
   * A document cited by its number ("số 15/KH-UBND ngày 20/01/2025",
   * "Quyết định 1234/QĐ-UBND"): the date in it is the document's, not a deadline.
   */
  private citation(i: number): number | null {
    let k = i;
    if (this.isWord(k, "so")) k++;
    const n = this.number(k);
    if (!n || !this.isPunct(k + 1, "/")) return null;
    const code = this.tokens[k + 2];
    if (code?.kind !== "word" || code.raw !== code.raw.toUpperCase()) return null;
    k += 3;
    while ((this.isPunct(k, "-") || this.isPunct(k, "/")) && this.tokens[k + 1]?.kind === "word") k += 2;
    const at = this.isPunct(k, ",") ? k + 1 : k;
    if (this.isWord(at, "ngay")) {
      const date = this.dayDate(at);
      if (date) k = date.next;
    }
    return this.push({ type: "reference" }, i, k);
  }

  // ---- repetition ------------------------------------------------------------

  private unitAt(i: number): Parsed<RecurrenceUnit> | null {
    const w = this.word(i);
    if (w !== undefined && UNIT_WORDS[w] && !(w === "quy" && NOT_QUARTER_AFTER.has(this.word(i + 1) ?? ""))) {
      return { next: i + 1, value: UNIT_WORDS[w] };
    }
    if (this.matchesWords(i, ["nua", "nam"])) return { next: i + 2, value: "half-year" };
    const n = this.number(i);
    if (n && this.isWord(i + 1, "thang") && MONTHS_TO_UNIT[n.value]) {
      return { next: i + 2, value: MONTHS_TO_UNIT[n.value] as RecurrenceUnit };
    }
    return null;
  }

  private recurrence(i: number): number | null {
    let k = i;
    if (this.matchesWords(k, ["dinh", "ky"])) k += 2;
    const opener = this.isWord(k, "hang", "moi", "theo");
    const after = opener ? k + 1 : k;
    const first = k > i || opener ? this.unitAt(after) : null;
    if (first) {
      // "theo năm 2025" names a year, not a rhythm.
      if (this.isWord(k, "theo") && this.number(first.next)) return null;
      const units = [first.value];
      let next = first.next;
      // "Định kỳ hàng quý, 6 tháng, năm": several rhythms for one report.
      for (;;) {
        if (!(this.isPunct(next, ",") || this.isWord(next, "va", "hoac"))) break;
        let m = next + 1;
        if (this.isWord(m, "hang")) m++;
        const more = this.unitAt(m);
        if (!more || this.number(more.next)) break;
        units.push(more.value);
        next = more.next;
      }
      if (this.isPunct(next, "/") && this.isWord(next + 1, "lan")) next += 2;
      else if (this.matchesWords(next, ["mot", "lan"])) next += 2;
      return this.push({ type: "recurrence", units }, i, next);
    }
    // "6 tháng/lần", "3 tháng một lần".
    const n = this.number(i);
    if (n && this.isWord(i + 1, "thang") && MONTHS_TO_UNIT[n.value]) {
      if (this.isPunct(i + 2, "/") && this.isWord(i + 3, "lan")) {
        return this.push({ type: "recurrence", units: [MONTHS_TO_UNIT[n.value] as RecurrenceUnit] }, i, i + 4);
      }
      if (this.matchesWords(i + 2, ["mot", "lan"]) || (this.number(i + 2)?.value === 1 && this.isWord(i + 3, "lan"))) {
        return this.push({ type: "recurrence", units: [MONTHS_TO_UNIT[n.value] as RecurrenceUnit] }, i, i + 4);
      }
    }
    return null;
  }

  private weekday(i: number): Parsed<number> | null {
    if (this.matchesWords(i, ["chu", "nhat"]) || this.matchesWords(i, ["chua", "nhat"]))
      return { next: i + 2, value: 7 };
    if (this.isWord(i, "cn") && (this.tokens[i]?.raw === "CN" || this.typed)) return { next: i + 1, value: 7 };
    // "T2".."T7", as written in schedules; the capital keeps "t" from being any stray letter, but in a chat "t5" is Thursday.
    if (this.tokens[i]?.raw === "T" || (this.typed && this.isWord(i, "t"))) {
      const n = this.number(i + 1);
      if (n && n.value >= 2 && n.value <= 7 && n.digits === 1 && this.tokens[i + 1]?.start === this.endOf(i))
        return { next: i + 2, value: n.value - 1 };
    }
    if (!this.isWord(i, "thu")) return null;
    const n = this.number(i + 1);
    if (n && n.value >= 2 && n.value <= 7 && n.digits === 1) return { next: i + 2, value: n.value - 1 };
    const w = this.word(i + 1);
    // "thứ năm 2025" is no weekday, "Thu Sau 20/03/2026" is.
    if (
      w !== undefined &&
      WEEKDAY_WORDS[w] !== undefined &&
      (!this.number(i + 2) || this.isPunct(i + 3, "/", ".", "-"))
    ) {
      return { next: i + 2, value: WEEKDAY_WORDS[w] };
    }
    return null;
  }

  // ---- dates -------------------------------------------------------------------

  /** A year after a span: "/2025", "/25", "năm 2025", "-2025". */
  private yearAfter(at: number): Parsed<number | "invalid"> | null {
    const i = this.matchesWords(at, ["cua", "nam"]) ? at + 1 : at;
    if (this.isPunct(i, "/", "-", ".") || this.isWord(i, "nam")) {
      const n = this.number(i + 1);
      if (n && !this.isPunct(i + 2, "/")) {
        if (this.isPunct(i, "-", ".") && n.digits !== 4) return null;
        return { next: i + 2, value: yearOf(n) };
      }
    }
    return null;
  }

  private quarterNumber(i: number): Parsed<number> | null {
    const n = this.number(i);
    if (n && n.digits <= 2) return { next: i + 1, value: n.value };
    const w = this.word(i);
    if (w !== undefined && ROMAN[w] !== undefined) return { next: i + 1, value: ROMAN[w] };
    if (w === "mot" || w === "hai" || w === "ba" || w === "bon" || (w === "tu" && this.isWrittenFour(i)))
      return numberWordAt(this.tokens, i);
    return null;
  }

  /** "tư" (four), not "từ" (from): folded they are one word. */
  private isWrittenFour(i: number): boolean {
    const raw = this.tokens[i]?.raw.toLowerCase().normalize("NFC");
    return raw === "tư" || (raw === "tu" && this.plain());
  }

  private plainCache: boolean | null = null;

  /** True when the text carries no diacritics at all: then "sau" may be "sáu" and "tu" may be "tư". */
  private plain(): boolean {
    if (this.plainCache === null) this.plainCache = !this.tokens.some(carriesDiacritics);
    return this.plainCache;
  }

  /** A month as a number or a word: "3", "ba", "mười hai", "giêng", "chạp". */
  private monthNumber(k: number): Parsed<number> | null {
    const n = this.number(k);
    if (n) return n.digits <= 2 ? { next: k + 1, value: n.value } : null;
    const w = this.word(k);
    if (w === undefined) return null;
    if (MONTH_NAMES[w] !== undefined) return { next: k + 1, value: MONTH_NAMES[w] };
    // "tháng năm 2025" is "month, year 2025" as often as May; "tháng từ" is "month from".
    if ((w === "nam" || w === "lam") && this.number(k + 1)) return null;
    if (w === "tu" && !this.isWrittenFour(k)) return null;
    const value = numberWordAt(this.tokens, k);
    return value && value.value >= 1 && value.value <= 12 ? value : null;
  }

  /** A day of the month as a number or a word ("15", "mười lăm"). */
  private dayNumber(k: number): Parsed<number> | null {
    const n = this.number(k);
    if (n) return n.digits <= 2 ? { next: k + 1, value: n.value } : null;
    if (this.isWord(k, "tu") && !this.isWrittenFour(k)) return null;
    const value = numberWordAt(this.tokens, k);
    return value && value.value >= 1 && value.value <= 31 ? value : null;
  }

  private isQuarterWord(i: number): boolean {
    const token = this.tokens[i];
    if (!token || token.kind !== "word") return false;
    if (token.fold === "q") return this.number(i + 1) !== undefined;
    if (token.fold !== "quy") return false;
    const lower = token.raw.toLowerCase();
    const accented = lower.normalize("NFC") !== "quy";
    if (NOT_QUARTER_AFTER.has(this.word(i + 1) ?? "")) return false;
    return accented || this.quarterNumber(i + 1) !== null;
  }

  /**
   * Lists and ranges of one unit: "Quý II, III/2025", "Quý II và quý IV/2025",
   * "Tháng 11-12/2025", "tháng 3, 6 và 9". A year applies to the items before it.
   */
  private unitList(
    i: number,
    isUnitWord: (k: number) => boolean,
    numberAt: (k: number) => Parsed<number> | null,
    make: (n: number, year: number | null) => Span,
  ): Parsed<{ items: SpanItem[]; invalid: boolean }> | null {
    let k = i;
    if (isUnitWord(k)) k++;
    else {
      // "QIII" is written as one word.
      const glued = this.word(k)?.match(/^q(i{1,3}|iv)$/);
      if (!glued) return null;
      return this.continueList(k + 1, ROMAN[glued[1] as string] as number, isUnitWord, numberAt, make);
    }
    if (this.isPunct(k, ".", ":")) k++;
    const first = numberAt(k);
    if (!first) return null;
    return this.continueList(first.next, first.value, isUnitWord, numberAt, make);
  }

  private continueList(
    k: number,
    firstValue: number,
    isUnitWord: (k: number) => boolean,
    numberAt: (k: number) => Parsed<number> | null,
    make: (n: number, year: number | null) => Span,
  ): Parsed<{ items: SpanItem[]; invalid: boolean }> {
    interface RawItem {
      from: number;
      to: number | null;
      fromYear: number | null;
      toYear: number | null;
      sharedYear: boolean;
    }
    const firstItem: RawItem = { from: firstValue, to: null, fromYear: null, toYear: null, sharedYear: false };
    const raw: RawItem[] = [firstItem];
    // Slots still waiting for a year: a year written later applies to all of them.
    let pending: Array<{ item: RawItem; slot: "from" | "to" }> = [{ item: firstItem, slot: "from" }];
    let invalid = false;
    let next = k;
    for (;;) {
      const year = this.yearAfter(next);
      if (year) {
        if (year.value === "invalid") invalid = true;
        else {
          for (const { item, slot } of pending) {
            if (slot === "from") item.fromYear = year.value;
            else item.toYear = year.value;
          }
          for (const { item, slot } of pending)
            if (slot === "to" && pending.some((p) => p.item === item && p.slot === "from")) item.sharedYear = true;
        }
        pending = [];
        next = year.next;
      }
      const isRange = this.isPunct(next, "-") || this.isWord(next, "den", "toi");
      const isList = this.isPunct(next, ",", "&") || this.isWord(next, "va");
      if (!isRange && !isList) break;
      let m = next + 1;
      if (isUnitWord(m)) m++;
      const n = numberAt(m);
      if (!n) break;
      const last = raw[raw.length - 1] as RawItem;
      if (isRange && last.to === null) {
        last.to = n.value;
        pending.push({ item: last, slot: "to" });
      } else if (isList) {
        const item: RawItem = { from: n.value, to: null, fromYear: null, toYear: null, sharedYear: false };
        raw.push(item);
        pending.push({ item, slot: "from" });
      } else break;
      next = n.next;
    }
    const items = raw.map((r) => ({
      from: make(r.from, r.fromYear),
      to: r.to === null ? null : make(r.to, r.toYear),
      sharedYear: r.sharedYear,
    }));
    return { next, value: { items, invalid } };
  }

  private pushDates(
    items: SpanItem[],
    invalid: boolean,
    from: number,
    next: number,
    modifiers: { endOnly: boolean; vague: boolean; part: SpanPart | null; named?: boolean },
  ): number {
    return this.push(
      {
        type: "dates",
        items,
        invalid,
        endOnly: modifiers.endOnly,
        vague: modifiers.vague,
        part: modifiers.part,
        named: modifiers.named ?? false,
        parenthesized: this.parenDepth > 0,
      },
      from,
      next,
    );
  }

  /** Words just before a span that change what it means. */
  private modifiersBefore(i: number): { endOnly: boolean; vague: boolean; part: SpanPart | null } {
    let k = i - 1;
    // "ngày đầu tiên của tháng 3", "ngày cuối cùng của quý".
    if (this.isWord(k, "cua")) k--;
    if (this.isWord(k, "tien", "cung")) k--;
    if (this.isWord(k, "ngay")) k--;
    if (this.isWord(k, "la")) k--;
    const w = this.word(k);
    const endOnly =
      w === "truoc" ||
      w === "het" ||
      w === "cuoi" ||
      w === "den" ||
      w === "toi" ||
      this.matchesWords(k - 1, ["cham", "nhat"]) ||
      this.matchesWords(k - 1, ["muon", "nhat"]);
    const vague = w === "dau" || w === "giua";
    const part = endOnly ? "end" : w === "dau" ? "start" : w === "giua" ? "mid" : null;
    return { endOnly, vague, part };
  }

  private dates(i: number): number | null {
    const single = this.singleDates(i);
    if (!single) return null;
    // "Từ tháng 3 đến tháng 5/2025", "01/3 - 15/3/2025", "Quý I - Quý II".
    let next = single.next;
    let items = single.value.items;
    let invalid = single.value.invalid;
    const separatorIsRange = this.isWord(next, "den", "toi") || this.isPunct(next, "-");
    if (items.length === 1 && (items[0] as SpanItem).to === null && separatorIsRange) {
      let m = next + 1;
      if (this.isWord(m, "het")) m++;
      if (this.isWord(m, "ngay")) m++;
      const second = this.singleDates(m);
      if (second && second.value.items.length === 1 && (second.value.items[0] as SpanItem).to === null) {
        items = [
          { from: (items[0] as SpanItem).from, to: (second.value.items[0] as SpanItem).from, sharedYear: false },
        ];
        invalid = invalid || second.value.invalid;
        next = second.next;
      }
    }
    const modifiers = this.modifiersBefore(i);
    const isRange = (items[0] as SpanItem).to !== null;
    return this.pushDates(items, invalid, i, next, {
      endOnly: !isRange && modifiers.endOnly,
      vague: modifiers.vague,
      part: isRange ? null : modifiers.part,
    });
  }

  private singleDates(i: number): Parsed<{ items: SpanItem[]; invalid: boolean }> | null {
    const quarters = this.unitList(
      i,
      (k) => this.isQuarterWord(k),
      (k) => this.quarterNumber(k),
      (quarter, year) => ({ unit: "quarter", quarter, year }),
    );
    if (quarters) return withRangeCheck(quarters);
    const months = this.unitList(
      i,
      (k) => this.isWord(k, "thang"),
      (k) => this.monthNumber(k),
      (month, year) => ({ unit: "month", month, year }),
    );
    if (months) return withRangeCheck(months);
    return this.halfYear(i) ?? this.dayDate(i) ?? this.wholeYear(i);
  }

  /** "6 tháng đầu năm 2025", "6 tháng cuối năm", "nửa đầu năm". */
  private halfYear(i: number): Parsed<{ items: SpanItem[]; invalid: boolean }> | null {
    let k: number;
    const n = this.number(i);
    if (n && n.value === 6 && this.isWord(i + 1, "thang")) k = i + 2;
    else if (this.matchesWords(i, ["sau", "thang"])) k = i + 2;
    else if (this.isWord(i, "nua")) k = i + 1;
    else return null;
    const side = this.word(k);
    if ((side !== "dau" && side !== "cuoi") || !this.isWord(k + 1, "nam")) return null;
    const half = side === "dau" ? 1 : 2;
    const year = this.number(k + 2);
    const yearValue = year ? yearOf(year) : null;
    const next = year ? k + 3 : k + 2;
    return {
      next,
      value: {
        items: [
          {
            from: { unit: "half", half, year: yearValue === "invalid" ? null : yearValue },
            to: null,
            sharedYear: false,
          },
        ],
        invalid: yearValue === "invalid",
      },
    };
  }

  /** "28/01/2025", "15.3.2025", "07/6", "ngày 15 tháng 3 năm 2025", "3/2025" (a month). */
  private dayDate(i: number): Parsed<{ items: SpanItem[]; invalid: boolean }> | null {
    let k = i;
    if (this.isWord(k, "ngay")) k++;
    // "mồng 3", "mùng 10": the first ten days of a month.
    if (this.isWord(k, "mong", "mung")) k++;
    const first = this.dayNumber(k);
    if (!first) return null;
    const worded = this.number(k) === undefined;
    // d thang m [nam y]
    if (this.isWord(first.next, "thang")) {
      const month = this.monthNumber(first.next + 1);
      if (!month) return null;
      // A bare "6 tháng 1" may be a count of months: a day only with a year, a day over 12, or a date word before.
      const named = this.isWord(first.next + 1, "gieng", "chap");
      if (
        k === i &&
        !named &&
        !this.isWord(month.next, "nam") &&
        !(first.value > 12 || this.isWord(i - 1, ...DATE_WORDS))
      )
        return null;
      if (this.isWord(month.next, "lan")) return null;
      const year = this.yearAfter(month.next);
      const span: Span = {
        unit: "day",
        day: first.value,
        month: month.value,
        year: year && year.value !== "invalid" ? year.value : null,
      };
      return {
        next: year ? year.next : month.next,
        value: { items: [{ from: span, to: null, sharedYear: false }], invalid: year?.value === "invalid" },
      };
    }
    if (worded) return null;
    if (!this.isPunct(k + 1, "/", ".", "-")) return null;
    const separator = (this.tokens[k + 1] as Token).fold;
    const second = this.number(k + 2);
    if (!second) return null;
    if (second.digits === 4 && separator !== ".") {
      // "1/2025": a month of a year.
      const year = yearOf(second);
      return {
        next: k + 3,
        value: {
          items: [
            {
              from: { unit: "month", month: first.value, year: year === "invalid" ? null : year },
              to: null,
              sharedYear: false,
            },
          ],
          invalid: year === "invalid",
        },
      };
    }
    if (second.digits > 2) return null;
    // A dash between two small numbers without a third is a range ("11-12"), not a date.
    // Typed alone, "20-1" is a day and month: a chat answer has no range of months to give.
    if (separator === "-" && !this.isPunct(k + 3, "-") && !(this.typed && k === i && i === 0 && second.value <= 12))
      return null;
    if (separator === "." && !this.isPunct(k + 3, ".") && k === i && !this.typed) return null;
    let next = k + 3;
    let year: number | null = null;
    let invalid = false;
    if (this.isPunct(k + 3, separator) && this.number(k + 4)) {
      const y = yearOf(this.number(k + 4) as Token);
      if (y === "invalid") invalid = true;
      else year = y;
      next = k + 5;
    }
    return {
      next,
      value: {
        items: [{ from: { unit: "day", day: first.value, month: second.value, year }, to: null, sharedYear: false }],
        invalid,
      },
    };
  }

  // ---- counted from today -------------------------------------------------------

  /** "hôm nay", "ngày mai", "hôm qua", a named day ("Quốc khánh"). */
  private relativeDay(i: number): number | null {
    for (const { words, offset } of RELATIVE_DAYS) {
      if (!this.matchesWords(i, words)) continue;
      // "mai" alone is tomorrow, but not in a name ("Mai Anh").
      if (words.length === 1 && this.tokens[i]?.raw !== this.tokens[i]?.raw.toLowerCase()) return null;
      // "mốt" is "the day after tomorrow" only on its own, not "một lần", "một tháng".
      if (words[0] === "mot" && words.length === 1 && this.tokens.length > 1) return null;
      if (words[0] === "nay" && this.tokens.length > 1) return null;
      return this.push({ type: "relative-day", offset }, i, i + words.length);
    }
    let k = i;
    if (this.isWord(k, "ngay", "dip", "le")) k++;
    for (const { words, day, month } of NAMED_DAYS) {
      if (!this.matchesWords(k, words)) continue;
      const year = this.yearAfter(k + words.length);
      const span: Span = { unit: "day", day, month, year: year && year.value !== "invalid" ? year.value : null };
      const modifiers = this.modifiersBefore(i);
      return this.pushDates(
        [{ from: span, to: null, sharedYear: false }],
        year?.value === "invalid",
        i,
        year?.next ?? k + words.length,
        {
          endOnly: modifiers.endOnly,
          vague: modifiers.vague,
          part: modifiers.part,
          named: true,
        },
      );
    }
    return null;
  }

  /** "tuần sau", "tháng này", "quý tới", "năm ngoái", "cuối tháng". */
  private relativeUnit(i: number): number | null {
    const w = this.word(i);
    const unit = w === undefined ? undefined : RELATIVE_UNITS[w];
    if (unit === undefined) return null;
    if (unit === "quarter" && NOT_QUARTER_AFTER.has(this.word(i + 1) ?? "")) return null;
    const modifiers = this.modifiersBefore(i);
    let k = i + 1;
    // "thứ tư của tuần tới" reads the same as "thứ tư tuần tới".
    if (this.isWord(k, "cua")) k++;
    for (const { words, offset } of RELATIVE_AFTER_UNIT) {
      if (!this.matchesWords(k, words)) continue;
      // "Báo cáo năm trước ngày 07/11": "trước" opens the date, the year is the report's.
      const after = k + words.length;
      if (words.length === 1 && (this.number(after) || (this.isWord(after, "ngay") && this.number(after + 1)))) break;
      // "tháng sau" typed without any accent may be "tháng sáu" (June).
      const orJune = unit === "month" && words[0] === "sau" && words.length === 1 && this.plain();
      return this.push({ type: "relative-unit", unit, offset, part: modifiers.part, orJune }, i, k + words.length);
    }
    // "trong tuần", "trong tháng": within the current one, due its last day.
    if (this.isWord(i - 1, "trong") && !this.number(i + 1) && !this.isWord(i + 1, "thang", "nam", "quy"))
      return this.push({ type: "relative-unit", unit, offset: 0, part: null, orJune: false }, i, i + 1);
    // A bare unit is the current one only after a part: "cuối tháng", "đầu tuần", "hết quý".
    if (modifiers.part === null || this.number(i + 1)) return null;
    return this.push({ type: "relative-unit", unit, offset: 0, part: modifiers.part, orJune: false }, i, i + 1);
  }

  /** Words before a count that bound it: "trong thời hạn", "trong vòng", "chậm nhất", "không quá". */
  private countLead(i: number): number {
    if (this.isWord(i, "sau") && !isWrittenSix(this.tokens[i])) return i + 1;
    if (this.isWord(i, "trong")) {
      if (this.matchesWords(i + 1, ["thoi", "han"]) || this.matchesWords(i + 1, ["thoi", "gian"])) return i + 3;
      if (this.isWord(i + 1, "vong", "khoang")) return i + 2;
      return i + 1;
    }
    if (this.matchesWords(i, ["cham", "nhat"]) || this.matchesWords(i, ["toi", "da"])) return i + 2;
    if (this.matchesWords(i, ["khong", "qua"])) return i + 2;
    if (this.matchesWords(i, ["thoi", "han"])) return i + 2;
    return i;
  }

  /**
   * What a count is counted from, after it: "kể từ ngày ký", "kể từ ngày nhận được
   * văn bản này", "sau khi kết thúc hội nghị". The anchor runs to the clause's end.
   */
  private countAnchor(at: number): Parsed<CountAnchor> | null {
    let k = this.isPunct(at, ",") ? at + 1 : at;
    if (
      this.matchesWords(k, ["ke", "tu"]) ||
      this.matchesWords(k, ["tinh", "tu"]) ||
      this.matchesWords(k, ["sau", "khi"])
    )
      k += 2;
    else if (this.isWord(k, "tu", "sau")) k += 1;
    else return null;
    if (this.isWord(k, "ngay")) k++;
    const end = this.clauseEnd(k);
    if (k >= end) return null;
    // "5 ngày làm việc kể từ hôm nay": from today, as "nữa" says.
    if (this.matchesWords(k, ["hom", "nay"]) || this.matchesWords(k, ["bay", "gio"]))
      return { next: end, value: "today" };
    if (this.isWord(k, "nhan") || this.matchesWords(k, ["tiep", "nhan"])) return { next: end, value: "received" };
    const issued =
      this.isWord(k, "ky") ||
      this.matchesWords(k, ["ban", "hanh"]) ||
      this.matchesWords(k, ["van", "ban"]) ||
      this.matchesWords(k, ["thong", "bao"]) ||
      this.matchesWords(k, ["co", "hieu", "luc"]);
    return { next: end, value: issued ? "issued" : "event" };
  }

  /**
   * "2 tuần nữa", "sau 10 ngày", "3 ngày làm việc nữa", "ba tháng tới", and in
   * documents "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này".
   */
  private count(i: number): number | null {
    const k = this.countLead(i);
    const lead = k > i;
    const n = this.number(k);
    const amount: Parsed<number> | null = n
      ? n.digits <= 3
        ? { next: k + 1, value: n.value }
        : null
      : numberWordAt(this.tokens, k);
    if (!amount) return null;
    const w = this.word(amount.next);
    let unit: CountUnit | undefined = w === undefined ? undefined : COUNT_UNITS[w];
    if (unit === undefined) return null;
    let next = amount.next + 1;
    if (unit === "day" && this.matchesWords(next, ["lam", "viec"])) {
      unit = "working-day";
      next += 2;
    }
    const tail = this.isWord(next, "nua", "toi") || this.matchesWords(next, ["tiep", "theo"]);
    // "6 tháng đầu năm" and "trong năm 2025" are spans, not counts.
    if (this.isWord(next, "dau", "cuoi") || (unit === "year" && n && n.digits === 4)) return null;
    if (tail) {
      next += this.isWord(next, "tiep") ? 2 : 1;
      return this.push({ type: "count", n: amount.value, unit, from: "today" }, i, next);
    }
    const anchor = this.countAnchor(next);
    // "3 ngày làm việc" typed as an answer counts from today: working days are never a span of the calendar.
    if (!lead && !anchor && !(this.typed && unit === "working-day")) return null;
    return this.push(
      { type: "count", n: amount.value, unit, from: anchor?.value ?? "unnamed" },
      i,
      anchor?.next ?? next,
    );
  }

  /** "Năm 2025", "Cả năm", "Trong năm 2025", "hết năm", "năm 2025-2026". */
  private wholeYear(i: number): Parsed<{ items: SpanItem[]; invalid: boolean }> | null {
    let k = i;
    let yearRequired = true;
    if (this.matchesWords(k, ["giai", "doan"]) && this.number(k + 2)?.digits === 4) {
      k += 1;
    } else if (this.matchesWords(k, ["ca", "nam"]) || this.matchesWords(k, ["trong", "nam"])) {
      k += 1;
      yearRequired = false;
    } else if (this.isWord(k, "nam")) {
      const before = this.word(k - 1);
      const prev = this.tokens[k - 1];
      const startsClause = prev === undefined || prev.kind === "punct";
      if (!startsClause && !(before !== undefined && YEAR_INTRODUCERS.has(before))) return null;
      yearRequired = !(before === "het" || before === "cuoi");
    } else return null;
    const n = this.number(k + 1);
    if (!n || n.digits === 1 || n.digits === 3 || this.isPunct(k + 2, "/")) {
      // "cuối năm sau", "trong năm nay": a year counted from today, read by relativeUnit.
      if (yearRequired || (!n && RELATIVE_FIRST_WORDS.has(this.word(k + 1) ?? ""))) return null;
      return {
        next: k + 1,
        value: { items: [{ from: { unit: "year", year: null }, to: null, sharedYear: false }], invalid: false },
      };
    }
    const year = yearOf(n);
    let next = k + 2;
    let to: Span | null = null;
    let invalid = year === "invalid";
    if (this.isPunct(next, "-") && this.number(next + 1)?.digits === 4) {
      const last = yearOf(this.number(next + 1) as Token);
      if (last === "invalid") invalid = true;
      else to = { unit: "year", year: last };
      next += 2;
    }
    return {
      next,
      value: {
        items: [{ from: { unit: "year", year: year === "invalid" ? null : year }, to, sharedYear: false }],
        invalid,
      },
    };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function outOfRange(span: Span): boolean {
  return (
    (span.unit === "quarter" && (span.quarter < 1 || span.quarter > 4)) ||
    (span.unit === "month" && (span.month < 1 || span.month > 12))
  );
}

// Helpers live at module level: named closures created per call cost a defineProperty each under tsx.

/** Marks numbers out of range: quarter 5, month 13. Days are checked once the year is known. */
function withRangeCheck(
  parsed: Parsed<{ items: SpanItem[]; invalid: boolean }>,
): Parsed<{ items: SpanItem[]; invalid: boolean }> {
  const invalid =
    parsed.value.invalid ||
    parsed.value.items.some((item) => outOfRange(item.from) || (item.to !== null && outOfRange(item.to)));
  return { next: parsed.next, value: { items: parsed.value.items, invalid } };
}

/** Recognises the pieces of a tokenized cell, in order. */
export function scanPieces(tokens: Token[], options: ScanOptions = {}): Piece[] {
  return new Scanner(tokens, options.typed ?? false).scan();
}
