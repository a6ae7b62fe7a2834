import { foldVietnamese } from "./text.js";

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

const letterCache = new Map<number, boolean>();

function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let letter = letterCache.get(code);
  if (letter === undefined) {
    letter = /\p{L}/u.test(String.fromCharCode(code));
    letterCache.set(code, letter);
  }
  return letter;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);

/** Splits a cleaned cell into numbers, words and single punctuation marks. */
function textToken(kind: "word" | "punct", cleaned: string, folded: string, start: number, end: number): Token {
  return {
    kind,
    raw: cleaned.slice(start, end),
    fold: folded.slice(start, end),
    start,
    end,
    value: Number.NaN,
    digits: 0,
  };
}

export function tokenize(cleaned: string): Token[] {
  // A hand-written scan rather than a Unicode regex: the normalizer runs on every cell of every import.
  const folded = foldVietnamese(cleaned);
  const tokens: Token[] = [];
  const length = folded.length;
  let i = 0;
  while (i < length) {
    const code = folded.charCodeAt(i);
    const start = i;
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (isDigit(code)) {
      while (i < length && isDigit(folded.charCodeAt(i))) i++;
      const digits = folded.slice(start, i);
      tokens.push({
        kind: "number",
        raw: digits,
        fold: digits,
        start,
        end: i,
        value: Number(digits),
        digits: i - start,
      });
    } else if (isLetter(code)) {
      while (i < length && isLetter(folded.charCodeAt(i))) i++;
      tokens.push(textToken("word", cleaned, folded, start, i));
    } else {
      // One punctuation mark, or one symbol: a surrogate pair stays whole.
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1;
      tokens.push(textToken("punct", cleaned, folded, start, i));
    }
  }
  return tokens;
}
