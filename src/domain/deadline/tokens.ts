import { foldVietnamese } from "./cell-text.js";

export type TokenKind = "number" | "word" | "punct";

export interface Token {
  kind: TokenKind;
  /** As written, from the cleaned cell. */
  raw: string;
  /** Lower case without accents (see foldVietnamese). */
  fold: string;
  start: number;
  end: number;
  /** Numeric value of a number token. */
  value: number;
  /** Number of digits of a number token ("02" has two), to tell years from days. */
  digits: number;
}

const TOKEN = /(\d+)|(\p{L}+)|(\S)/gu;

/** Splits a cleaned cell into numbers, words and single punctuation marks. */
export function tokenize(cleaned: string): Token[] {
  const folded = foldVietnamese(cleaned);
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(folded); match !== null; match = TOKEN.exec(folded)) {
    const start = match.index;
    const end = start + match[0].length;
    const raw = cleaned.slice(start, end);
    if (match[1] !== undefined) {
      tokens.push({ kind: "number", raw, fold: match[1], start, end, value: Number(match[1]), digits: match[1].length });
    } else if (match[2] !== undefined) {
      tokens.push({ kind: "word", raw, fold: match[2], start, end, value: Number.NaN, digits: 0 });
    } else {
      tokens.push({ kind: "punct", raw, fold: match[0], start, end, value: Number.NaN, digits: 0 });
    }
  }
  return tokens;
}
