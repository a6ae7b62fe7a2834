import type { Piece } from "./scanner.js";

/** What a lunar phrase names: a day of a lunar month, or the whole month (`day` null), in a lunar year when written. */
export interface LunarTarget {
  month: number;
  day: number | null;
  year: number | null;
}

/** True when the pieces speak of the lunar calendar: "rằm", "âm lịch", "tháng giêng", "tháng chạp", or "Tết" alone. */
export function isLunarPhrase(pieces: readonly Piece[]): boolean {
  if (pieces.some((p) => p.type === "lunar")) return true;
  return !pieces.some((p) => p.type === "dates") && pieces.some((p) => p.type === "token" && p.token.fold === "tet");
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
  if (span === undefined && pieces.some((p) => p.type === "token" && p.token.fold === "tet"))
    return { day: 1, month: 1, year: null };
  return null;
}
