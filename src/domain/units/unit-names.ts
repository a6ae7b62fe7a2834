import { foldVietnamese } from "../deadline/cell-text.js";

/**
 * The key under which two spellings of one unit meet: case, accents, dashes,
 * punctuation and spacing do not count ("Văn phòng – Thống kê", "Văn phòng -
 * thống kê" and "Văn phòng thống kê" share one key). Abbreviations such as
 * "VP-TK" are not guessed: they reach a unit only through an alias.
 */
export function unitNameKey(name: string): string {
  return foldVietnamese(name.normalize("NFC"))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Text of a cell with HTML removed and whitespace collapsed. */
function plain(text: string): string {
  return text
    .replace(/<[^<>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits a lead ("Cơ quan chủ trì") or cooperating ("Phối hợp") cell into unit
 * names: on ';' outside parentheses only, since commas often list one office's
 * parts ("UBND xã, Văn phòng – Thống kê" is printed as one assignee). Leading
 * bullets and trailing punctuation go; repeats keep their first place.
 */
export function splitUnitCell(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of plain(cell)) {
    if (ch === "(") depth++;
    if (ch === ")" && depth > 0) depth--;
    if (ch === ";" && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const names: string[] = [];
  for (const part of parts) {
    const name = part
      .trim()
      .replace(/^[-+•*–]\s*/, "")
      .replace(/[\s;,.]+$/, "")
      .trim();
    if (name.length > 0 && !names.includes(name)) names.push(name);
  }
  return names;
}
