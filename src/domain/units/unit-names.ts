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

/**
 * The parts of a name that may list several units ("UBND xã, Văn phòng –
 * Thống kê", "Công an xã và Ban Chỉ huy Quân sự"): split on commas and "và"
 * outside parentheses. A name with no such separator is its own one part.
 * Whether the parts are units is for the caller to check against the known
 * names: "Văn phòng HĐND và UBND" is one office.
 */
export function splitUnitList(name: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  const text = plain(name);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "(") depth++;
    if (ch === ")" && depth > 0) depth--;
    if (depth === 0 && ch === ",") {
      parts.push(current);
      current = "";
      continue;
    }
    if (depth === 0 && /^\svà\s/iu.test(text.slice(i, i + 4))) {
      parts.push(current);
      current = "";
      i += 3;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  const names = parts
    .map((p) =>
      p
        .trim()
        .replace(/^[-+•*–]\s*/, "")
        .replace(/[\s;,.]+$/, "")
        .trim(),
    )
    .filter((p) => p.length > 0);
  return names.length > 0 ? names : [name.trim()];
}

/**
 * A lead or support name resolved against the units the office knows: the
 * name itself, or the units a comma/"và" list names when every part is known.
 * Otherwise the split is only a proposal for the coordinator (`/rasoat`).
 */
export function resolveUnitList(
  name: string,
  isKnown: (part: string) => boolean,
):
  | { kind: "known"; units: string[] }
  | { kind: "list"; units: string[] }
  | { kind: "unknown"; proposedSplit: string[] } {
  if (isKnown(name)) return { kind: "known", units: [name] };
  const parts = splitUnitList(name);
  if (parts.length >= 2 && parts.every(isKnown)) return { kind: "list", units: parts };
  return { kind: "unknown", proposedSplit: parts.length >= 2 ? parts : [] };
}
