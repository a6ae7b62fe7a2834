import type { Piece } from "./scanner.js";

/** What a lunar phrase names: a day of a lunar month, or the whole month (`day` null), in a lunar year when written. */
export interface LunarTarget {
  month: number;
  day: number | null;
  year: number | null;
}

const isWordPiece = (piece: Piece | undefined, ...words: string[]): boolean =>
  piece?.type === "token" && piece.token.kind === "word" && words.includes(piece.token.fold);

/** "25 Chạp", "28 Tết", "mùng 8 Tết": a day written before a lunar month's name or "Tết", without "tháng". */
function dayBeforeName(pieces: readonly Piece[]): LunarTarget | null {
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
      return day >= 20 ? { day, month: 12, year: null } : { day, month: 1, year: null };
    }
  }
  return null;
}

/** True when the pieces speak of the lunar calendar: "rằm", "âm lịch", "tháng giêng", "tháng chạp", "25 Chạp", or "Tết" alone. */
export function isLunarPhrase(pieces: readonly Piece[]): boolean {
  if (pieces.some((p) => p.type === "lunar")) return true;
  if (pieces.some((p) => p.type === "dates")) return false;
  return pieces.some((p) => isWordPiece(p, "tet")) || dayBeforeName(pieces) !== null;
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
  const named = dayBeforeName(pieces);
  if (named) return named;
  if (pieces.some((p) => isWordPiece(p, "tet"))) return { day: 1, month: 1, year: null };
  return null;
}
