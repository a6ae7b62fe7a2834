import { isWrittenSix, MONTH_NAMES } from "./lexicon.js";
import { type Piece, scanPieces } from "./scanner.js";
import type { Token } from "./tokens.js";

/** What a lunar phrase names: a day of a lunar month, or the whole month (`day` null), in a lunar year when written. */
export interface LunarTarget {
  month: number;
  day: number | null;
  year: number | null;
}

const isWordPiece = (piece: Piece | undefined, ...words: string[]): boolean =>
  piece?.type === "token" && piece.token.kind === "word" && words.includes(piece.token.fold);

/** "25 Chạp", "28 Tết", "mùng 8 Tết": a day written before a lunar month's name or "Tết", without "tháng". */
function dayBeforeName(pieces: readonly Piece[]): (LunarTarget & { yearBefore?: boolean }) | null {
  for (let i = 1; i < pieces.length; i++) {
    const before = pieces[i - 1] as Piece;
    const name = pieces[i];
    if (!isWordPiece(name, "chap", "gieng", "tet")) continue;
    const tet = isWordPiece(name, "tet");
    // "mùng 8 Tết" is the 8th of tháng giêng; "28 Tết", "30 Tết" days of tháng chạp before it.
    if (before.type === "day-of-period" && before.month === null)
      return { day: before.day, month: tet || isWordPiece(name, "gieng") ? 1 : 12, year: null };
    if (
      before.type === "token" &&
      before.token.kind === "number" &&
      before.token.value >= 1 &&
      before.token.value <= 30
    ) {
      const day = before.token.value;
      if (!tet) return { day, month: isWordPiece(name, "gieng") ? 1 : 12, year: null };
      // "28 Tết 2027" is in the last month of the lunar year before Tết 2027.
      return day >= 20 ? { day, month: 12, year: null, yearBefore: true } : { day, month: 1, year: null };
    }
  }
  return null;
}

/** "ra giêng": once into tháng giêng, i.e. after Tết; read as the month. */
function raGieng(pieces: readonly Piece[]): boolean {
  return pieces.some((p, i) => isWordPiece(p, "ra") && isWordPiece(pieces[i + 1], "gieng"));
}

/** True when the pieces speak of the lunar calendar: "rằm", "âm lịch", "tháng giêng", "tháng chạp", "25 Chạp", or "Tết" alone. */
export function isLunarPhrase(pieces: readonly Piece[]): boolean {
  if (pieces.some((p) => p.type === "lunar")) return true;
  if (pieces.some((p) => p.type === "dates")) return false;
  return pieces.some((p) => isWordPiece(p, "tet")) || dayBeforeName(pieces) !== null || raGieng(pieces);
}

/**
 * The lunar day or month a phrase names, one definition for plan cells and
 * typed dates: "rằm tháng giêng" is 15/1, "25 tháng chạp" 25/12, "tháng chạp"
 * the twelfth month, "mùng 10 tháng 3 âm lịch" 10/3, "Tết" mùng 1 tháng giêng.
 */
export function readLunarPhrase(pieces: readonly Piece[]): LunarTarget | null {
  const dates = pieces.find((p): p is Extract<Piece, { type: "dates" }> => p.type === "dates");
  const full = pieces.some((p) => p.type === "lunar" && p.full);
  const item = dates?.items[0];
  // "rằm tháng giêng và rằm tháng bảy", "từ tháng giêng đến tháng ba": more than one day is not one target.
  if (dates && (dates.items.length !== 1 || item?.to !== null)) return null;
  const span = item?.from;
  if (span?.unit === "day") return { day: span.day, month: span.month, year: span.year };
  if (span?.unit === "month") return { day: full ? 15 : null, month: span.month, year: span.year };
  if (span !== undefined) return null;
  const year = lunarYearWritten(pieces);
  const named = dayBeforeName(pieces);
  if (named) return { day: named.day, month: named.month, year: year !== null && named.yearBefore ? year - 1 : year };
  if (raGieng(pieces)) return { day: null, month: 1, year };
  if (pieces.some((p) => isWordPiece(p, "tet"))) return { day: 1, month: 1, year };
  return null;
}

/** The lunar years the tables cover, so a written year is told from any other number. */
const WRITTEN_YEAR = { min: 1900, max: 2199 };

const isYearNumber = (piece: Piece | undefined): boolean =>
  piece?.type === "token" &&
  piece.token.kind === "number" &&
  piece.token.value >= WRITTEN_YEAR.min &&
  piece.token.value <= WRITTEN_YEAR.max;

/**
 * The year written after "Tết", a lunar day or "ra giêng": "Tết 2027", "Tết
 * Nguyên đán năm 2027", "25 tháng Chạp 2026". Tết 2027 is the first day of the
 * lunar year 2027 (06/02/2027), as people say it. Null when none is written.
 */
export function lunarYearWritten(pieces: readonly Piece[]): number | null {
  const at = pieces.findIndex((p) => isYearNumber(p));
  if (at < 0) return null;
  const year = pieces[at] as Extract<Piece, { type: "token" }>;
  return year.token.kind === "number" ? year.token.value : null;
}

/** True for the pieces of a written year ("năm", "2027") once `year` was read from them. */
export function isWrittenYearPiece(pieces: readonly Piece[], index: number, year: number | null): boolean {
  if (year === null) return false;
  const piece = pieces[index];
  if (isYearNumber(piece))
    return piece?.type === "token" && piece.token.kind === "number" && piece.token.value === year;
  return isWordPiece(piece, "nam") && isYearNumber(pieces[index + 1]);
}

/** "sau Tết", "ngay sau rằm tháng giêng", "trước và sau Tết": a relation to a lunar day (see calendar/lunar-season.ts). */
export interface LunarRelationPhrase {
  relation: "after" | "right-after" | "first-month-after" | "around";
  /** `year`: the lunar year written ("sau Tết 2027"), else null (the year the context gives). */
  anchor: { month: number; day: number | null; tet: boolean; year: number | null };
  /** Tokens after the anchor's date that are not lunar words: the phrase was read only in part. */
  partial: boolean;
}

/** Words that may lead "sau …" without changing it: "triển khai sau Tết", "hoàn thành vào dịp sau Tết". */
const LEAD_WORDS = new Set([
  "hoan",
  "thanh",
  "thuc",
  "hien",
  "trien",
  "khai",
  "to",
  "chuc",
  "vao",
  "dip",
  "thoi",
  "gian",
]);
/** Words an anchor may carry: "Tết Nguyên đán", "Tết cổ truyền", "rằm tháng giêng (âm lịch)". */
const ANCHOR_WORDS = new Set([
  "tet",
  "nguyen",
  "dan",
  "co",
  "truyen",
  "am",
  "lich",
  "ram",
  "ngay",
  "mung",
  "mong",
  "thang",
]);

function relationOf(head: readonly string[], tet: boolean): LunarRelationPhrase["relation"] | null {
  const words = head.filter((w) => !LEAD_WORDS.has(w));
  const said = words.join(" ");
  if (said === "") return "after";
  if (said === "ngay") return "right-after";
  // "tháng đầu sau Tết", "trong tháng đầu tiên sau Tết"
  if (tet && /^(trong )?thang dau( tien)?$/.test(said)) return "first-month-after";
  // "trước và sau Tết", "trước, trong và sau Tết"
  if (tet && /^(trong )?truoc (trong )?va$/.test(said)) return "around";
  return null;
}

/**
 * The relation a phrase states to a lunar day, read from its tokens because the
 * scanner takes a bare "sau …" for a reference to another event. Null when the
 * phrase is not "<lead> sau <lunar day, month or Tết>".
 */
export function readLunarRelation(tokens: readonly Token[]): LunarRelationPhrase | null {
  const words = tokens.filter((t) => t.kind !== "punct");
  // "sáu" (six) folds to "sau" too; only the word for "after" opens a relation.
  const at = words.findIndex((t) => t.kind === "word" && t.fold === "sau" && !isWrittenSix(t));
  if (at < 0) return null;
  const tail = words.slice(at + 1);
  // "sau khi kết thúc …": an event, which the scanner reads as a reference.
  if (tail.length === 0 || tail[0]?.fold === "khi") return null;
  const tailPieces = scanPieces(tail);
  const tet = tail[0]?.fold === "tet";
  const target = tet
    ? { day: 1, month: 1, year: lunarYearWritten(tailPieces) }
    : isLunarPhrase(tailPieces)
      ? readLunarPhrase(tailPieces)
      : null;
  if (target === null) return null;
  const relation = relationOf(
    words.slice(0, at).map((t) => t.fold),
    tet,
  );
  if (relation === null) return null;
  const partial = tailPieces.some(
    (p, i) =>
      p.type === "token" &&
      p.token.kind === "word" &&
      !ANCHOR_WORDS.has(p.token.fold) &&
      MONTH_NAMES[p.token.fold] === undefined &&
      !isWrittenYearPiece(tailPieces, i, target.year),
  );
  return { relation, anchor: { month: target.month, day: target.day, tet, year: target.year }, partial };
}
