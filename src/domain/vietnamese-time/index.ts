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
export {
  type CountAnchor,
  type CountUnit,
  type Piece,
  type ScanOptions,
  scanPieces,
  type Span,
  type SpanItem,
  type SpanPart,
} from "./scanner.js";
export {
  isLunarPhrase,
  isWrittenYearPiece,
  lunarYearWritten,
  type LunarRelationPhrase,
  type LunarTarget,
  readLunarPhrase,
  readLunarRelation,
} from "./lunar-phrase.js";
export { cleanCellText, foldVietnamese } from "./text.js";
export { type Token, tokenize } from "./tokens.js";
