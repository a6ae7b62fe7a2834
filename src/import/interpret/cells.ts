/** Cell text as the golden tables and the chat show it: no HTML, one space between words. */
const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// The interpreter asks for the same cell's text many times (headers, sections, explanation): cleaning it once pays.
const plainCache = new Map<string, string>();

export function plainCell(raw: string | undefined): string {
  if (!raw) return "";
  const cached = plainCache.get(raw);
  if (cached !== undefined) return cached;
  if (plainCache.size > 100_000) plainCache.clear();
  const plain = cleanCell(raw);
  plainCache.set(raw, plain);
  return plain;
}

function cleanCell(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/<sup>[^<]*<\/sup>/gi, " ")
    .replace(/<[^<>]*>/g, " ")
    .replace(/\*\*/g, "")
    .replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the whole cell is bold: section and sub-section rows are printed bold. */
export function isBoldCell(raw: string | undefined): boolean {
  if (!raw) return false;
  const trimmed = raw.trim();
  return /^(<b>|<strong>|\*\*)/i.test(trimmed) && /(<\/b>|<\/strong>|\*\*)$/i.test(trimmed);
}

const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;

/** "I".."XXXIX": the numerals of plan sections. */
export function isRomanNumeral(text: string): boolean {
  return text.length > 0 && ROMAN.test(text);
}

/** "1", "12", "1.1", "2." or "3)" (the trailing mark as printed goes); any length, 1000 and on too. */
export function taskNumberOf(text: string): string | null {
  const match = /^(\d{1,5}(?:\.\d{1,4})*)[.)]?$/.exec(text);
  return match ? (match[1] as string) : null;
}

/**
 * The label and title of a section row: "II", "II. CẢI CÁCH THỂ CHẾ", "A.",
 * "Phần I: …". In the TT column a bare numeral or letter is enough; in a
 * text column (a title merged across the table) the label must be followed by
 * a mark and a capital ("B. Nhiệm vụ…"), so a sentence is not taken for one.
 */
export function sectionMarkerOf(
  text: string,
  where: "number-column" | "text-column",
): { label: string; title: string } | null {
  if (text.length === 0) return null;
  const part = /^phần\s+(thứ\s+\S+|[IVXL]+|\d{1,2}|[A-Z])\b\s*[.:)–-]?\s*(.*)$/iu.exec(text);
  if (part)
    return { label: (part[1] as string).replace(/^(\S)/, (c) => c.toUpperCase()), title: (part[2] as string).trim() };
  const numeral =
    where === "number-column"
      ? /^([IVXL]+|[A-Z])(?:\.|\)|\s*[:–-])?(?:\s+(.*))?$/u.exec(text)
      : /^([IVXL]+|[A-Z])\s*(?:[.):]|\s[–-])\s*(\p{Lu}.*)$/u.exec(text);
  if (!numeral) return null;
  const label = numeral[1] as string;
  if (label.length > 1 && !isRomanNumeral(label)) return null;
  const title = (numeral[2] ?? "").trim();
  // A text-column title is a heading: short of a sentence.
  if (where === "text-column" && title.length > 200) return null;
  return { label, title };
}

/** A cell that starts a new value rather than finishing the cell above it across a page break. */
export function startsFresh(text: string): boolean {
  return /^[-+•*–]?\s*[\p{Lu}\d]/u.test(text);
}

/** A heading printed in capitals ("CẢI CÁCH THỂ CHẾ") or in bold, short of a sentence. */
export function looksLikeHeading(text: string, raw = ""): boolean {
  if (text.length === 0 || text.length > 200) return false;
  const letters = text.replace(/[^\p{L}]/gu, "");
  const capitals = letters.replace(/[^\p{Lu}]/gu, "").length;
  return (letters.length >= 4 && capitals / letters.length > 0.8) || isBoldCell(raw);
}

/** A section's title in a table without TT: a numeral before it ("II. CẢI CÁCH…") or capitals throughout. */
export function isUnnumberedSectionTitle(text: string): boolean {
  // Two words at least: a lone acronym ("UBND") on a line is the rest of a wrapped cell.
  return sectionMarkerOf(text, "text-column") !== null || (/\S\s+\S/u.test(text) && looksLikeHeading(text));
}
