/**
 * Cell text as the normalizer reads it: plan tables come out of Word, PDF and
 * web pages with HTML fragments, odd dashes, NFD accents and line breaks.
 */

const HTML_ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ndash: "-",
  mdash: "-",
};

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith("#x") || name.startsWith("#X")) {
    const code = Number.parseInt(name.slice(2), 16);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  if (name.startsWith("#")) {
    const code = Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return HTML_ENTITIES[name.toLowerCase()] ?? entity;
}

/** NFC, no HTML, one space between words, ASCII dashes. Keeps every visible word. */
export function cleanCellText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, " ")
    .replace(/&(#[xX]?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeEntity)
    .replace(/[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/g, "-")
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    folded = (base.length > 0 ? base[0] : ch) ?? ch;
    folded = folded === "đ" || folded === "Đ" ? "d" : folded.toLowerCase();
    // Lower-casing may lengthen a character (İ): keep one char per char so offsets line up.
    if (folded.length !== 1) folded = ch;
    foldCache.set(ch, folded);
  }
  return folded;
}

/**
 * Lower case without accents, one character for each character of the input, so
 * that offsets found in the folded text point into the original. "Qúy" and "Quý",
 * "hàng" and "hằng" fold alike, as do words typed without accents.
 */
export function foldVietnamese(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // Surrogate pairs stay as they are: no Vietnamese letter lives there.
      out += text[i];
      out += text[i + 1];
      i++;
    } else {
      out += foldChar(text[i] as string);
    }
  }
  return out;
}
