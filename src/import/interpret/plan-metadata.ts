import { foldVietnamese } from "../../domain/deadline/cell-text.js";
import type { Period } from "../../domain/deadline/index.js";
import type { PlanMetadata } from "../plan-draft.js";
import {
  departmentName,
  isAbbreviation,
  isDepartmentLine,
  isInCapitals,
  recaseHeading,
  withoutNationalMotto,
} from "./heading-case.js";

const LEVELS = ["thành phố", "thị trấn", "phường", "huyện", "tỉnh", "xã"];

function plain(text: string): string {
  return text
    .replace(/\*\*|<[^<>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Kế hoạch " and the subject as running text writes it: capitals recased, an ordinary first word in small letters. */
function titleOf(subject: string): string {
  const text = recaseHeading(subject.replace(/^\(|\)$/g, "").trim());
  const first = text.split(/\s+/)[0] ?? "";
  const ordinary = !isAbbreviation(first) && /^\p{Lu}\p{Ll}/u.test(first);
  return `Kế hoạch ${ordinary ? `${first.charAt(0).toLocaleLowerCase("vi")}${text.slice(1)}` : text}`;
}

/** "KẾ HOẠCH" then its subject line(s): "Kế hoạch cải cách hành chính nhà nước xã Gio Sơn năm 2025". */
function readTitle(paragraphs: string[]): string | null {
  const at = paragraphs.findIndex((p) => /^kế hoạch$/iu.test(plain(p)));
  if (at < 0) {
    // "KẾ HOẠCH Cải cách hành chính năm 2026" on one line.
    const inline = paragraphs.map(plain).find((p) => /^KẾ HOẠCH\s+\S/u.test(p));
    if (!inline) return null;
    return titleOf(inline.replace(/^KẾ HOẠCH\s+/u, ""));
  }
  const parts: string[] = [];
  for (const paragraph of paragraphs.slice(at + 1, at + 4)) {
    const text = plain(paragraph);
    // The preamble ("Căn cứ …", "Thực hiện …") ends the subject; a subject in capitals may start "THỰC HIỆN".
    if (text.length === 0 || /^[IVX]+\.\s/u.test(text)) break;
    if (/^(căn cứ|thực hiện|để )/iu.test(text) && !isInCapitals(text)) break;
    parts.push(text);
    if (/\d{4}\)?$/.test(text)) break;
  }
  if (parts.length === 0) return null;
  return titleOf(parts.join(" "));
}

const LEVEL_PATTERN = "thành phố|thị trấn|thị xã|đặc khu|phường|huyện|quận|tỉnh|xã";

/** The words of a place's name after its level: capitalised words, no abbreviation ("Gio Sơn", not "Gio Sơn UBND"). */
function placeName(words: string[]): string {
  const name: string[] = [];
  for (const word of words) {
    const bare = word.replace(/[^\p{L}\d]/gu, "");
    if (!/^(\p{Lu}\p{Ll}*|\d{1,2})$/u.test(bare) || (bare.length >= 2 && isAbbreviation(bare)) || name.length >= 4)
      break;
    name.push(bare);
    if (/[,.;:)]$/.test(word)) break;
  }
  return name.join(" ");
}

/** "… xã Gio Sơn năm 2025" gives "UBND xã Gio Sơn"; null when the title names no place. */
function issuerOfTitle(title: string): string | null {
  const pattern = new RegExp(`(?:^|\\s)(${LEVEL_PATTERN})\\s+(.+)$`, "u");
  for (let rest = title; ;) {
    const match = pattern.exec(rest);
    if (!match) return null;
    const name = placeName((match[2] as string).split(/\s+/));
    if (name.length > 0) return `UBND ${match[1] as string} ${name}`;
    rest = match[2] as string;
  }
}

/** The heading's issuer, else the title's place, else the place line "Tây Xuân, ngày …" and the level used in the text. */
function readIssuer(title: string | null, paragraphs: string[]): string | null {
  const fromHeading = readHeadingIssuer(paragraphs);
  if (fromHeading) return fromHeading;
  const fromTitle = title ? issuerOfTitle(title) : null;
  if (fromTitle) return fromTitle;
  const source = title ?? "";
  const placeLine = paragraphs.find((p) => /^[\p{Lu}][\p{L} ]+,\s*ngày/u.test(plain(p)));
  if (!placeLine) return null;
  const place = plain(placeLine).split(",")[0]?.trim() ?? "";
  // The level the plan speaks of itself: the one in its title, else the one it names most.
  const titleLevel = LEVELS.find((l) => source.includes(`UBND ${l}`));
  const text = paragraphs.join(" ");
  const counted = LEVELS.map((l) => ({ l, n: text.split(`UBND ${l}`).length - 1 })).sort((a, b) => b.n - a.n)[0];
  const level = titleLevel ?? (counted && counted.n > 0 ? counted.l : "xã");
  return `UBND ${level} ${place}`;
}

/** An authority named in the heading block: a people's committee of some level, or a department. */
type Authority = { kind: "committee"; level: string; name: string } | { kind: "department"; name: string };

const COMMITTEE = new RegExp(
  `^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\\s+(${LEVEL_PATTERN.toLocaleUpperCase("vi")})\\s+(.+)$`,
  "u",
);

function authorityOf(line: string): Authority | null {
  const match = COMMITTEE.exec(line);
  if (match) {
    const name = (match[2] as string)
      .toLocaleLowerCase("vi")
      .split(/\s+/)
      .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
      .join(" ");
    return { kind: "committee", level: (match[1] as string).toLocaleLowerCase("vi"), name };
  }
  if (isDepartmentLine(line) && !/CỘNG HÒA|ĐỘC LẬP/u.test(line))
    return { kind: "department", name: departmentName(line) };
  return null;
}

/**
 * The lowest authority of the heading block ("UBND TỈNH Y" over "UBND PHƯỜNG
 * X" is the ward; "UBND TỈNH GIA LAI" over "SỞ TƯ PHÁP" is "Sở Tư pháp tỉnh
 * Gia Lai"), read from the capitals lines above "KẾ HOẠCH".
 */
function readHeadingIssuer(paragraphs: string[]): string | null {
  const end = paragraphs.findIndex((p) => /^(kế hoạch|quyết định)\b/iu.test(p));
  const head = paragraphs
    .slice(0, end >= 0 ? Math.min(end, 15) : 15)
    .map((p) => withoutNationalMotto(p.normalize("NFC")));
  const authorities: Authority[] = [];
  for (let i = 0; i < head.length; i++) {
    const line = head[i] as string;
    if (line.length > 80 || !isInCapitals(line)) continue;
    // "ỦY BAN NHÂN DÂN" on a line of its own, the level and the name below it.
    const joined = /^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)$/u.test(line) ? `${line} ${head[i + 1] ?? ""}` : line;
    const authority = authorityOf(joined.trim());
    if (authority) authorities.push(authority);
  }
  const lowest = authorities[authorities.length - 1];
  if (!lowest) return null;
  if (lowest.kind === "committee") return `UBND ${lowest.level} ${lowest.name}`;
  const parent = authorities
    .slice(0, -1)
    .reverse()
    .find((a): a is Extract<Authority, { kind: "committee" }> => a.kind === "committee");
  const placed = new RegExp(`\\s(${LEVEL_PATTERN})\\s`, "u").test(lowest.name);
  return parent && !placed ? `${lowest.name} ${parent.level} ${parent.name}` : lowest.name;
}

/** The most frequent year in the deadline cells, if it is clear (three mentions or more). */
function yearOfDeadlines(deadlines: string[]): number | null {
  const counts = new Map<number, number>();
  for (const text of deadlines) {
    for (const match of text.matchAll(/\b(20\d{2})\b/g))
      counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 3 ? best[0] : null;
}

/** The plan's year: its title, then its deadlines, then the date it was signed, then any "năm 20xx" near the top. */
function readYear(title: string | null, paragraphs: string[], deadlines: string[]): number | null {
  const fromTitle = /năm (\d{4})/u.exec(title ?? "") ?? /\b(20\d{2})\b/u.exec(title ?? "");
  if (fromTitle) return Number(fromTitle[1]);
  const fromDeadlines = yearOfDeadlines(deadlines);
  if (fromDeadlines !== null) return fromDeadlines;
  const dated = paragraphs
    .slice(0, 30)
    .map((p) => /ngày\s*[\d.…_ ]*\s*tháng\s*[\d.…_ ]*\s*năm\s*(20\d{2})/u.exec(p))
    .find((m) => m !== null);
  if (dated) return Number(dated[1]);
  const anywhere = /năm (20\d{2})/u.exec(paragraphs.slice(0, 20).join(" "));
  return anywhere ? Number(anywhere[1]) : null;
}

function readPeriod(title: string | null, year: number): Period {
  const folded = foldVietnamese(title ?? "");
  if (/\b0?6 thang cuoi nam\b/.test(folded)) return { start: `${year}-07-01`, end: `${year}-12-31` };
  if (/\b0?6 thang dau nam\b/.test(folded)) return { start: `${year}-01-01`, end: `${year}-06-30` };
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Title, issuer, year and period of a plan from its running text; null fields where the text does not say. */
export function readPlanMetadata(
  rawParagraphs: string[],
  overrides: { year?: number; deadlines?: string[] } = {},
): { metadata: Omit<PlanMetadata, "year" | "period"> & { year: number | null; period: Period | null } } {
  // Markdown-ish exports glue bold runs together ("**KẾ HOẠCH****Cải cách …**"): each run is a line.
  const paragraphs = rawParagraphs
    .flatMap((p) => p.split(/\*\*+/))
    .map(plain)
    .filter((p) => p.length > 0);
  const title = readTitle(paragraphs);
  const year = overrides.year ?? readYear(title, paragraphs, overrides.deadlines ?? []);
  return {
    metadata: {
      title: title ?? "Kế hoạch (không đọc được tiêu đề)",
      issuer: readIssuer(title, paragraphs),
      year,
      period: year === null ? null : readPeriod(title, year),
    },
  };
}
