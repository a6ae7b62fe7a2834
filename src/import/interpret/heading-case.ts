/**
 * Headings of Vietnamese plans are printed in capitals ("KẾ HOẠCH CẢI CÁCH
 * HÀNH CHÍNH NĂM 2026", "SỞ TƯ PHÁP"); the chat and the reports show them as
 * running text writes them. Words are recased whole (NFC, Vietnamese locale),
 * so a letter with its tone is never split; abbreviations stay in capitals and
 * the names of places and departments keep their capitals as Vietnamese
 * writes them ("xã Gio Sơn", "Sở Khoa học và Công nghệ").
 */
import { foldVietnamese } from "../../domain/deadline/cell-text.js";

/** Abbreviations with vowels (those without, such as CCHC, UBND, TTHC, are found by their letters). */
const ABBREVIATIONS = new Set([
  "UBND",
  "UB",
  "UBMTTQ",
  "MTTQVN",
  "PAR",
  "INDEX",
  "SIPAS",
  "PAPI",
  "PCI",
  "DDCI",
  "ISO",
  "ICT",
  "II",
  "III",
  "IV",
  "VIII",
]);

/** Words that end a place's name: what follows a name in a title. */
const NAME_ENDS = new Set(
  "năm giai đến và của trên theo về tại trong với nhằm thuộc giai đoạn cấp các 6 06 tháng đợt lần".split(" "),
);

/** Phrases that keep a capital inside running text. */
const PROPER_PHRASES: Array<[RegExp, string]> = [
  [/\bviệt nam\b/gu, "Việt Nam"],
  [/(^|\s)chính phủ(?=$|[\s,.;:)])/gu, "$1Chính phủ"],
  [/(^|\s)quốc hội(?=$|[\s,.;:)])/gu, "$1Quốc hội"],
  [/(^|\s)(ủy|uỷ) ban nhân dân(?=$|[\s,.;:)])/gu, "$1Ủy ban nhân dân"],
  [/(^|\s)hội đồng nhân dân(?=$|[\s,.;:)])/gu, "$1Hội đồng nhân dân"],
];

const cap = (word: string): string => word.charAt(0).toLocaleUpperCase("vi") + word.slice(1);

/** True for a word printed in capitals that stays so: CCHC, UBND, HĐND, PAR, ISO, "9001:2015". */
export function isAbbreviation(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0) return true;
  if (letters !== letters.toLocaleUpperCase("vi")) return false;
  if (ABBREVIATIONS.has(letters)) return true;
  return letters.length >= 2 && !/[aeiouy]/.test(foldVietnamese(letters));
}

/** True when most letters of `text` are capitals: a heading printed in capitals. */
export function isInCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  const capitals = letters.replace(/[^\p{Lu}]/gu, "").length;
  return letters.length >= 3 && capitals / letters.length > 0.8;
}

type Mode = "text" | "name" | "department-first" | "department";

/** The second word of a two-word level ("thành phố", "thị xã") and the word before it. */
const TWO_WORD_LEVELS = new Map([
  ["phố", "thành"],
  ["trấn", "thị"],
  ["xã", "thị"],
  ["khu", "đặc"],
]);
const ONE_WORD_LEVELS = new Set(["phường", "huyện", "quận", "tỉnh", "xã"]);
const LEVEL_STARTS = new Set(["thành", "thị", "đặc", ...ONE_WORD_LEVELS]);

/**
 * A heading in capitals as running text writes it: small letters but for
 * abbreviations, place names and department names. Text that is not in
 * capitals is returned as written. `department` reads the whole text as a
 * department's name ("TƯ PHÁP" → "Tư pháp").
 */
export function recaseHeading(text: string, options: { department?: boolean } = {}): string {
  if (!isInCapitals(text)) return text;
  const parts = text.normalize("NFC").trim().split(/(\s+)/);
  let mode: Mode = options.department ? "department-first" : "text";
  let nameWords = 0;
  let previousBare = "";
  const out = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    const lower = part.toLocaleLowerCase("vi");
    const bare = lower.replace(/[^\p{L}\d]/gu, "");
    const mark = /[,;:)]$/.test(part) ? part.slice(-1) : "";
    const emit = (word: string, next: Mode): string => {
      mode = next;
      previousBare = bare;
      return word;
    };
    if (bare.length > 0 && /\p{L}/u.test(part) && isAbbreviation(part)) return emit(part, "text");
    if (mode === "name") {
      if (!NAME_ENDS.has(bare) && nameWords < 4 && /\p{L}/u.test(bare) && !LEVEL_STARTS.has(bare)) {
        nameWords++;
        return emit(cap(lower), mark ? "text" : "name");
      }
      mode = "text";
    }
    if (mode === "department-first") return emit(cap(lower), mark === "," ? "department-first" : "department");
    if (mode === "department") {
      if (bare === "và") return emit(lower, "department-first");
      if (!LEVEL_STARTS.has(bare) && !NAME_ENDS.has(bare)) {
        return emit(lower, mark === "," ? "department-first" : mark ? "text" : "department");
      }
      mode = "text";
    }
    const level = ONE_WORD_LEVELS.has(bare) || TWO_WORD_LEVELS.get(bare) === previousBare;
    // "thị xã": the level is two words, the name starts after both.
    if (level && !mark && !(bare === "thị" || bare === "thành" || bare === "đặc")) {
      nameWords = 0;
      return emit(lower, "name");
    }
    // "Sở" opens a department's name and is written with a capital ("của Sở Tư pháp").
    if (bare === "sở" && !mark) return emit(cap(lower), "department-first");
    return emit(lower, "text");
  });
  let result = out.join("");
  for (const [pattern, replacement] of PROPER_PHRASES) result = result.replace(pattern, replacement);
  return result;
}

const DEPARTMENT_HEAD = /^(SỞ|PHÒNG|BAN|VĂN PHÒNG|CHI CỤC|TRUNG TÂM|THANH TRA)\s+(.+)$/u;

/** A heading line that names a department: "SỞ TƯ PHÁP", "PHÒNG NỘI VỤ", "BAN QUẢN LÝ …". */
export function isDepartmentLine(line: string): boolean {
  return DEPARTMENT_HEAD.test(line.normalize("NFC").trim()) && isInCapitals(line);
}

/** "SỞ TƯ PHÁP" as written in running text: "Sở Tư pháp"; "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Sở Văn hóa, Thể thao và Du lịch". */
export function departmentName(line: string): string {
  const match = DEPARTMENT_HEAD.exec(line.normalize("NFC").trim());
  if (!match) return recaseHeading(line);
  const head = cap((match[1] as string).toLocaleLowerCase("vi"));
  return `${head} ${recaseHeading(match[2] as string, { department: true })}`;
}

/**
 * The national motto printed beside the issuer ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
 * NAM", "Độc lập - Tự do - Hạnh phúc"). A PDF or a pasted text puts it on the
 * issuer's own line ("UBND XÃ GIO SƠN Độc lập - Tự do - Hạnh phúc").
 */
const NATIONAL_MOTTO =
  /CỘNG\s+H[OÒ]À?\s*XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/giu;

/** A heading line without the national motto beside it: the issuer's words alone. */
export function withoutNationalMotto(line: string): string {
  return line.replace(NATIONAL_MOTTO, " ").replace(/\s+/g, " ").trim();
}
