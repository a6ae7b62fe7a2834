/** Cell text as the golden tables and the chat show it: no HTML, one space between words. */
const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function plainCell(raw: string | undefined): string {
  if (!raw) return "";
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

/** "1", "12", "1.1", "2." (a trailing dot as printed). */
export function taskNumberOf(text: string): string | null {
  const match = /^(\d{1,3}(?:\.\d{1,3})*)\.?$/.exec(text);
  return match ? (match[1] as string) : null;
}

/** A cell that starts a new value rather than finishing the cell above it across a page break. */
export function startsFresh(text: string): boolean {
  return /^[-+•*–]?\s*[\p{Lu}\d]/u.test(text);
}
