import { foldVietnamese } from "../../domain/deadline/cell-text.js";
import type { Period } from "../../domain/deadline/index.js";
import type { PlanMetadata } from "../plan-draft.js";

const LEVELS = ["thành phố", "thị trấn", "phường", "huyện", "tỉnh", "xã"];

function plain(text: string): string {
  return text
    .replace(/\*\*|<[^<>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "KẾ HOẠCH" then its subject line(s): "Kế hoạch cải cách hành chính nhà nước xã Gio Sơn năm 2025". */
function readTitle(paragraphs: string[]): string | null {
  const at = paragraphs.findIndex((p) => /^kế hoạch$/iu.test(plain(p)));
  if (at < 0) {
    // "KẾ HOẠCH Cải cách hành chính năm 2026" on one line.
    const inline = paragraphs.map(plain).find((p) => /^KẾ HOẠCH\s+\S/u.test(p));
    if (!inline) return null;
    const subject = inline.replace(/^KẾ HOẠCH\s+/u, "");
    return `Kế hoạch ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`;
  }
  const parts: string[] = [];
  for (const paragraph of paragraphs.slice(at + 1, at + 4)) {
    const text = plain(paragraph);
    if (text.length === 0 || /^(căn cứ|thực hiện|để |i\.)/iu.test(text)) break;
    parts.push(text);
    if (/\d{4}\)?$/.test(text)) break;
  }
  if (parts.length === 0) return null;
  const subject = parts.join(" ").replace(/^\(|\)$/g, "");
  return `Kế hoạch ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`;
}

/** "… xã Gio Sơn năm 2025" gives "UBND xã Gio Sơn"; else the place line "Tây Xuân, ngày …" and the level used in the text. */
function readIssuer(title: string | null, paragraphs: string[]): string | null {
  const source = title ?? "";
  for (const level of LEVELS) {
    const match = new RegExp(`(?:^|\\s)${level}\\s+((?:\\p{Lu}\\p{Ll}*\\s?)+)`, "u").exec(source);
    if (match) return `UBND ${level} ${(match[1] as string).trim()}`;
  }
  const fromHeading = readHeadingIssuer(paragraphs);
  if (fromHeading) return fromHeading;
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

const DEPARTMENT = /^(SỞ|BAN|PHÒNG|VĂN PHÒNG)\s+(\p{Lu}[\p{Lu}\s,–-]+)$/u;

/** "SỞ NỘI VỤ" as written in running text: "Sở Nội vụ". */
function departmentName(line: string): string {
  const match = DEPARTMENT.exec(line) as RegExpExecArray;
  const rest = (match[2] as string).toLocaleLowerCase("vi").trim();
  const word = (match[1] as string).toLocaleLowerCase("vi");
  return `${word.charAt(0).toLocaleUpperCase("vi")}${word.slice(1)} ${rest.charAt(0).toLocaleUpperCase("vi")}${rest.slice(1)}`;
}

/** "UBND XÃ GIO SƠN" / "ỦY BAN NHÂN DÂN" + "PHƯỜNG AN HÒA" / "SỞ NỘI VỤ" in the heading. */
function readHeadingIssuer(paragraphs: string[]): string | null {
  const head = paragraphs.slice(0, 15);
  const titleCase = (words: string): string =>
    words
      .toLocaleLowerCase("vi")
      .split(/\s+/)
      .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
      .join(" ");
  for (let i = 0; i < head.length; i++) {
    const line = head[i] as string;
    const joined = /^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)$/iu.test(line) ? `${line} ${head[i + 1] ?? ""}` : line;
    const match =
      /^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(THÀNH PHỐ|THỊ TRẤN|THỊ XÃ|PHƯỜNG|HUYỆN|TỈNH|XÃ)\s+(.+)$/iu.exec(
        joined.trim(),
      );
    if (match) {
      // "UBND TỈNH QUẢNG TRỊ" over "SỞ NỘI VỤ": the department under it issues the plan.
      const below = head.slice(i + 1, i + 3).find((l) => DEPARTMENT.test(l));
      if (below) return departmentName(below);
      return `UBND ${(match[1] as string).toLocaleLowerCase("vi")} ${titleCase(match[2] as string)}`;
    }
    if (DEPARTMENT.test(line) && !/CỘNG HÒA|ĐỘC LẬP/u.test(line)) return departmentName(line);
  }
  return null;
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
