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
  if (at < 0) return null;
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

function readYear(title: string | null, paragraphs: string[]): number | null {
  const fromTitle = /năm (\d{4})/u.exec(title ?? "");
  if (fromTitle) return Number(fromTitle[1]);
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
  overrides: { year?: number } = {},
): { metadata: Omit<PlanMetadata, "year" | "period"> & { year: number | null; period: Period | null } } {
  // Markdown-ish exports glue bold runs together ("**KẾ HOẠCH****Cải cách …**"): each run is a line.
  const paragraphs = rawParagraphs
    .flatMap((p) => p.split(/\*\*+/))
    .map(plain)
    .filter((p) => p.length > 0);
  const title = readTitle(paragraphs);
  const year = overrides.year ?? readYear(title, paragraphs);
  return {
    metadata: {
      title: title ?? "Kế hoạch (không đọc được tiêu đề)",
      issuer: readIssuer(title, paragraphs),
      year,
      period: year === null ? null : readPeriod(title, year),
    },
  };
}
