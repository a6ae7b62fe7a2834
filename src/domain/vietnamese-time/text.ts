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

const ODD_DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g;
const SPACES_TO_COLLAPSE = /\s\s|[^\S ]/;
const ODD_MARKS = /[\u00A0\u2000-\u200B\u2010-\u2015\u202F\u205F\u2212\u2043\u3000\uFE58\uFE63\uFEFF\uFF0D]/;
/**
 * Text already in NFC for certain: ASCII and precomposed Latin letters (Vietnamese
 * lives in Latin-1, Latin Extended-A/B and Latin Extended Additional) with no
 * combining mark. Anything else goes through normalize("NFC").
 */
const SURELY_NFC = /^[\t\n\r\u0020-\u02ff\u1e00-\u1eff]*$/;

/** NFC, no HTML, one space between words, ASCII dashes. Keeps every visible word. */
export function cleanCellText(raw: string): string {
  // Each pass runs only when the cell needs it: most cells need none, and imports read thousands.
  let text = SURELY_NFC.test(raw) ? raw : raw.normalize("NFC");
  if (text.includes("<")) text = text.replace(/<br\s*\/?>/gi, " ").replace(/<\/?[a-zA-Z][^<>]*>/g, " ");
  if (text.includes("&")) text = text.replace(/&(#[xX]?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeEntity);
  if (ODD_MARKS.test(text)) text = text.replace(ODD_DASHES, "-").replace(ODD_SPACES, " ");
  if (SPACES_TO_COLLAPSE.test(text)) text = text.replace(/\s+/g, " ");
  return text.trim();
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
  const lower = text.toLowerCase();
  // toLowerCase keeps the length of every Vietnamese letter; when something (İ) grows, fold char by char.
  if (lower.length !== text.length) return slowFold(text);
  // Mostly ASCII: copy the runs between accented letters rather than call back for each one.
  let out = "";
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) < 0x80) continue;
    out += lower.slice(from, i) + foldChar(lower[i] as string);
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

function slowFold(text: string): string {
  let out = "";
  for (const ch of text) out += ch.length === 1 ? foldChar(ch) : ch;
  return out;
}
