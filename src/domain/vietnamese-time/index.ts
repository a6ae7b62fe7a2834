export {
  carriesDiacritics,
  isWrittenSix,
  MONTH_NAMES,
  numberWordAt,
  type RecurrenceUnit,
  ROMAN,
  WEEKDAY_WORDS,
  yearOf,
} from "./lexicon.js";
export { type Piece, scanPieces, type Span, type SpanItem } from "./scanner.js";
export { cleanCellText, foldVietnamese } from "./text.js";
export { type Token, tokenize } from "./tokens.js";
