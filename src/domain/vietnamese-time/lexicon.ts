import type { Token } from "./tokens.js";

/**
 * The words of Vietnamese time, folded (see foldVietnamese): one table each for
 * Roman numerals, number words, weekdays and units, shared by the plan
 * normalizer and the typed-date parser.
 */

/** A period a schedule repeats over, or a unit a phrase counts in. */
export type RecurrenceUnit = "week" | "month" | "quarter" | "half-year" | "year";

export const ROMAN: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
};

/** Digits as words. "năm" (five, also "year") and "sáu" (six, also "after") are read only where they cannot be the other word. */
const DIGIT_WORDS: Readonly<Record<string, number>> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/** Every word that can start a number written in words. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = { ...DIGIT_WORDS, muoi: 10 };

/** Months with their own names: tháng giêng, tháng chạp. */
export const MONTH_NAMES: Readonly<Record<string, number>> = { gieng: 1, chap: 12 };

/** ISO weekday after "thứ": thứ hai is Monday. */
export const WEEKDAY_WORDS: Readonly<Record<string, number>> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };

/** "sáu" as written: six. Folded it is "sau", which also means "after" / "next". */
export function isWrittenSix(token: Token | undefined): boolean {
  return token !== undefined && token.fold === "sau" && token.raw.normalize("NFC").toLowerCase() === "sáu";
}

/** A word whose accents were typed: the writer uses diacritics, so a bare "sau" means "after". */
export function carriesDiacritics(token: Token): boolean {
  return token.kind === "word" && token.raw.toLowerCase() !== token.fold;
}

/** The folded word at k, or undefined for a number or a mark. */
function wordAt(tokens: readonly Token[], k: number): string | undefined {
  const token = tokens[k];
  return token?.kind === "word" ? token.fold : undefined;
}

function digitAt(tokens: readonly Token[], k: number): number | undefined {
  const w = wordAt(tokens, k);
  if (w === undefined) return undefined;
  if (w === "sau") return isWrittenSix(tokens[k]) ? 6 : undefined;
  return DIGIT_WORDS[w];
}

/** After "mười"/"mươi", five is "lăm": "mười năm" is ten years. */
function unitAfterTen(tokens: readonly Token[], k: number): number | undefined {
  return wordAt(tokens, k) === "nam" ? undefined : digitAt(tokens, k);
}

/**
 * A number written in words at token i ("mười hai", "hai mươi mốt", "ba"): its
 * value and the index after it. "sau" counts as six only when written "sáu".
 */
export function numberWordAt(tokens: readonly Token[], i: number): { value: number; next: number } | null {
  // Module-level helpers, not closures: this runs for many tokens of every cell.
  const w = wordAt(tokens, i);
  if (w === "muoi") {
    const unit = unitAfterTen(tokens, i + 1);
    if (unit !== undefined) return { value: 10 + unit, next: i + 2 };
    return { value: 10, next: i + 1 };
  }
  const tens = digitAt(tokens, i);
  if (tens === undefined) return null;
  if (wordAt(tokens, i + 1) === "muoi" && tens >= 2) {
    // hai mươi, hai mươi mốt, ba mươi
    const unit = unitAfterTen(tokens, i + 2);
    if (unit !== undefined) return { value: tens * 10 + unit, next: i + 3 };
    return { value: tens * 10, next: i + 2 };
  }
  return { value: tens, next: i + 1 };
}

/**
 * The year of a written number: four digits from 1900 to 2199, or two digits
 * ("/25" is 2025, "/91" is 1991: below 70 is this century, as people write
 * birth and decision years); anything else cannot be a year.
 */
export function yearOf(token: Token): number | "invalid" {
  if (token.digits === 4 && token.value >= 1900 && token.value <= 2199) return token.value;
  if (token.digits === 2) return token.value < 70 ? 2000 + token.value : 1900 + token.value;
  return "invalid";
}
