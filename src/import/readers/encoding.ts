/**
 * The encoding of a plan saved as text (.txt, .csv). Offices send UTF-8 (with
 * or without a BOM), Excel's "Unicode text" (UTF-16 with a BOM, tab-separated),
 * the CSV a Vietnamese Windows Excel saves by default (Windows-1258, tones as
 * combining marks) and text typed with the legacy fonts: TCVN3 (ABC, .VnTime)
 * and VNI. Code pages are decoded by iconv-lite; VNI is not a code page but a
 * font trick (a base letter followed by a mark drawn by a Latin-1 glyph), so
 * it is read from Windows-1252 by its composition rule.
 */
import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni";

/** As the import summary and `--explain` name them. */
export const TEXT_ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 (có BOM)",
  "utf-16le": "UTF-16 LE (Unicode text của Excel)",
  "utf-16be": "UTF-16 BE",
  "windows-1258": "Windows-1258",
  tcvn3: "TCVN3 (ABC, phông .VnTime)",
  vni: "VNI (phông VNI-Times)",
};

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

// ---------- VNI ----------

const TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
/** The glyph that draws each tone after a plain vowel, after a vowel with a hat, after a vowel with a breve. */
const VNI_TONE = ["ù", "ø", "û", "õ", "ï"];
const VNI_HAT_TONE = ["á", "à", "å", "ã", "ä"];
const VNI_BREVE_TONE = ["é", "è", "ú", "ü", "ë"];

function vniTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (sequence: string, letter: string): void => {
    // Lower and upper case, and a capital letter with a small mark (mixed fonts).
    table.set(sequence, letter.normalize("NFC"));
    table.set(sequence.toUpperCase(), letter.toUpperCase().normalize("NFC"));
    if (sequence.length === 2) {
      table.set((sequence[0] as string).toUpperCase() + sequence[1], letter.toUpperCase().normalize("NFC"));
    }
  };
  for (const vowel of ["a", "e", "o", "u", "y"]) {
    TONES.forEach((tone, k) => add(vowel + VNI_TONE[k], vowel + tone));
  }
  for (const vowel of ["a", "e", "o"]) {
    add(`${vowel}â`, `${vowel}\u0302`);
    TONES.forEach((tone, k) => add(vowel + VNI_HAT_TONE[k], `${vowel}\u0302${tone}`));
  }
  add("aê", "a\u0306");
  TONES.forEach((tone, k) => add(`a${VNI_BREVE_TONE[k]}`, `a\u0306${tone}`));
  // Horned vowels are one glyph (ô for ơ, ö for ư), then the tone.
  TONES.forEach((tone, k) => {
    add(`ô${VNI_TONE[k]}`, `o\u031B${tone}`);
    add(`ö${VNI_TONE[k]}`, `u\u031B${tone}`);
  });
  const singles: Array<[string, string]> = [
    ["ô", "ơ"],
    ["ö", "ư"],
    ["æ", "ỉ"],
    ["ó", "ĩ"],
    ["ò", "ị"],
    ["î", "ỵ"],
    ["ñ", "đ"],
  ];
  for (const [glyph, letter] of singles) add(glyph, letter);
  return table;
}

let vni: { table: Map<string, string>; pattern: RegExp } | null = null;

/** Text typed with a VNI font, as read in Windows-1252, in Unicode. */
export function vniToUnicode(latin: string): string {
  if (!vni) {
    const table = vniTable();
    const keys = [...table.keys()].sort((a, b) => b.length - a.length);
    vni = { table, pattern: new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g") };
  }
  const { table, pattern } = vni;
  return latin.replace(pattern, (sequence) => table.get(sequence) ?? sequence);
}

// ---------- TCVN3 ----------

/**
 * TCVN3 has codes for small toned letters only: a capital with a tone is the
 * small letter's code drawn by the capitals font (.VnTimeH). A run written in
 * capitals ("UBND Xã AN PHó") is therefore put back in capitals.
 */
function tcvn3Capitals(text: string): string {
  return text.replace(/[^\t;,"\r\n]+/g, (run) => {
    const ascii = run.replace(/[^A-Za-z]/g, "");
    if (ascii.length === 0 || ascii !== ascii.toUpperCase()) return run;
    // Evidence of the capitals font: a small letter inside a word of capitals ("HOạCH", "ủY").
    const capitalsFont = run
      .split(/\s+/)
      .some((word) => /\p{Ll}\p{Lu}/u.test(word) || (/[A-Z].*[A-Z]/.test(word) && /\p{Ll}/u.test(word)));
    return capitalsFont ? run.toLocaleUpperCase("vi") : run;
  });
}

// ---------- choosing ----------

/** Frequent words of plans; the decoding that spells the most of them is the right one. */
const COMMON_WORDS = new Set(
  (
    "của và các được thực hiện năm tháng ngày kế hoạch cải cách hành chính nhiệm vụ đơn vị chủ trì phối hợp " +
    "thời gian hoàn thành phòng xã phường tỉnh huyện ủy ban nhân dân sở công tác văn bản thủ tục báo cáo " +
    "quý trước trên địa bàn kiểm tra rà soát tổ chức triển khai theo đề án số hóa hồ sơ một cửa sản phẩm nội dung"
  ).split(" "),
);

function score(text: string): number {
  let hits = 0;
  let odd = 0;
  for (const word of text.toLocaleLowerCase("vi").split(/[^\p{L}]+/u)) {
    if (word.length === 0) continue;
    if (COMMON_WORDS.has(word)) hits++;
    // Latin-1 letters that Vietnamese never uses: the marks of a legacy font read as the wrong code page.
    else if (/[øùûõïåäëüæîñçœ¹²³µ¸·¶]/u.test(word)) odd++;
  }
  return hits - odd;
}

function best(candidates: DecodedText[]): DecodedText {
  let winner = candidates[0] as DecodedText;
  let top = score(winner.text);
  for (const candidate of candidates.slice(1)) {
    const s = score(candidate.text);
    if (s > top) {
      winner = candidate;
      top = s;
    }
  }
  return winner;
}

function legacyCandidates(bytes: Buffer): DecodedText[] {
  return [
    { text: iconv.decode(bytes, "windows1258").normalize("NFC"), encoding: "windows-1258" },
    { text: tcvn3Capitals(iconv.decode(bytes, "tcvn").normalize("NFC")), encoding: "tcvn3" },
    { text: vniToUnicode(iconv.decode(bytes, "windows1252")).normalize("NFC"), encoding: "vni" },
  ];
}

/** UTF-16 without a BOM: ASCII text has a zero byte in every other place. */
function utf16WithoutBom(bytes: Buffer): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  // Too short to tell text from binary (Excel writes a BOM anyway).
  if (pairs < 8) return null;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return "utf-16le";
  if (even > pairs * 0.3 && odd < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * The text of a plan saved as text, in Unicode (NFC), and the encoding it was
 * saved in; null for bytes that are not text in any of these encodings.
 */
export function decodePlanText(bytes: Buffer): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString("utf8").normalize("NFC"), encoding: "utf-8-bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), "utf16le").normalize("NFC"), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), "utf16be").normalize("NFC"), encoding: "utf-16be" };
  }
  const wide = utf16WithoutBom(bytes);
  if (wide) {
    const text = iconv.decode(bytes, wide).normalize("NFC");
    // Binary that happens to have zeros in every other place decodes to control characters.
    let controls = 0;
    for (const char of text) if ((char < " " && !"\t\r\n\f\v".includes(char)) || char === "\ufffd") controls++;
    if (controls <= text.length / 100) return { text, encoding: wide };
  }
  if (bytes.includes(0)) return null;
  let utf8: string | null;
  try {
    utf8 = new TextDecoder("utf-8", { fatal: true }).decode(bytes).normalize("NFC");
  } catch {
    utf8 = null;
  }
  if (utf8 !== null) {
    // Legacy-font text pasted into a UTF-8 file shows as Latin-1 letters and no Vietnamese ones.
    const latinOnly = /[\u00c0-\u00ff]/u.test(utf8) && !/[\u0100-\u024f\u1ea0-\u1ef9]/u.test(utf8);
    if (!latinOnly) return { text: utf8, encoding: "utf-8" };
    const asBytes = iconv.encode(utf8, "windows1252");
    return best([{ text: utf8, encoding: "utf-8" }, ...legacyCandidates(asBytes).slice(1)]);
  }
  return best(legacyCandidates(bytes));
}
