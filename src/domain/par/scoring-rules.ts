import { foldVietnamese } from "../deadline/cell-text.js";
import type { Criterion } from "./criteria.js";

/** A share band of a scoring text: "từ 80% đến dưới 100%: 0,5 điểm". Shares are percentages. */
export interface ShareBand {
  min: number;
  minInclusive: boolean;
  max: number;
  maxInclusive: boolean;
  points: number;
}

/** What a timeliness rule awards: "Đúng thời hạn: 1 điểm; chậm: 0,5 điểm; không ban hành: 0". */
export type Timeliness = "on-time" | "late" | "missing";

export type ScoringRule =
  { kind: "share"; bands: ShareBand[] } | { kind: "timeliness"; points: Partial<Record<Timeliness, number>> };

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{1,2})?)`;
const num = (text: string): number => Number(text.replace(",", "."));

/** The points a segment awards: "… : 0,5 điểm", "… 1đ", "… : 0". */
function pointsOf(segment: string): { points: number; condition: string } | null {
  const withUnit = new RegExp(`${NUMBER}\\s*(?:điểm|đ)(?![\\p{L}])`, "gu");
  const matches = [...segment.matchAll(withUnit)];
  const last = matches.at(-1);
  if (last && last.index !== undefined) {
    return { points: num(last[1] as string), condition: segment.slice(0, last.index) };
  }
  const afterColon = new RegExp(`:\\s*${NUMBER}\\s*\\.?$`, "u").exec(segment);
  if (afterColon) return { points: num(afterColon[1] as string), condition: segment.slice(0, afterColon.index) };
  return null;
}

/** The share a condition covers ("từ 80% đến dưới 100%", "dưới 50%", "100%"), in percent. */
function shareOf(condition: string): Omit<ShareBand, "points"> | null {
  const text = condition.toLocaleLowerCase("vi").replace(/\s+/g, " ");
  const p = String.raw`(\d{1,3}(?:[.,]\d{1,2})?)\s*%`;
  const range = new RegExp(`từ ${p} (?:đến|tới) (dưới )?${p}`, "u").exec(text);
  if (range) {
    return { min: num(range[1] as string), minInclusive: true, max: num(range[3] as string), maxInclusive: !range[2] };
  }
  const below = new RegExp(`(?:dưới|nhỏ hơn|<) ?${p}`, "u").exec(text);
  if (below) return { min: 0, minInclusive: true, max: num(below[1] as string), maxInclusive: false };
  const above = new RegExp(`(?:trên|lớn hơn|>) ?${p}`, "u").exec(text);
  if (above) return { min: num(above[1] as string), minInclusive: false, max: Infinity, maxInclusive: true };
  const atLeast = new RegExp(`(?:từ|>=|≥) ?${p}(?: trở lên)?|${p} trở lên`, "u").exec(text);
  if (atLeast) {
    return { min: num((atLeast[1] ?? atLeast[2]) as string), minInclusive: true, max: Infinity, maxInclusive: true };
  }
  const exact = new RegExp(p, "u").exec(text);
  if (exact) return { min: num(exact[1] as string), minInclusive: true, max: Infinity, maxInclusive: true };
  return null;
}

/** Which outcome a condition names; lateness first, since "không đúng thời hạn" is late, not missing. */
function timelinessOf(condition: string): Timeliness | null {
  const text = foldVietnamese(condition.toLocaleLowerCase("vi"));
  if (/cham|muon|qua han|khong dung (thoi )?han|sau thoi han/.test(text)) return "late";
  if (/khong (ban hanh|co|thuc hien|day du|bao cao|hoan thanh|gui|to chuc)|chua (ban hanh|thuc hien)/.test(text)) {
    return "missing";
  }
  if (/dung (thoi )?han|dung quy dinh|kip thoi|day du|truoc thoi han|co ban hanh|ban hanh/.test(text)) return "on-time";
  return null;
}

/**
 * The numbers of a scoring text: share bands when its conditions are
 * percentages, otherwise on-time / late / missing points; null when it gives
 * neither (the coordinator scores it).
 */
export function readScoringRule(scoring: string): ScoringRule | null {
  const segments = scoring
    .replace(/<[^<>]*>/g, " ")
    .split(/[;\n]|\.\s+(?=\p{Lu}|-)/u)
    .map((s) => s.replace(/^[\s\-–+•]+/u, "").trim())
    .filter((s) => s.length > 0);
  const bands: ShareBand[] = [];
  const timeliness: Partial<Record<Timeliness, number>> = {};
  for (const segment of segments) {
    const scored = pointsOf(segment);
    if (!scored) continue;
    const share = shareOf(scored.condition);
    if (share) {
      bands.push({ ...share, points: scored.points });
      continue;
    }
    const outcome = timelinessOf(scored.condition);
    if (outcome && timeliness[outcome] === undefined) timeliness[outcome] = scored.points;
  }
  if (bands.length > 0) return { kind: "share", bands };
  if (Object.keys(timeliness).length >= 2) return { kind: "timeliness", points: timeliness };
  return null;
}

/** The points a share (0–100) earns under the bands; 0 when no band covers it. */
export function pointsForShare(bands: readonly ShareBand[], share: number): number {
  for (const band of bands) {
    const aboveMin = band.minInclusive ? share >= band.min : share > band.min;
    const belowMax = band.maxInclusive ? share <= band.max : share < band.max;
    if (aboveMin && belowMax) return band.points;
  }
  return 0;
}

/** The automatic rules: which result of the year's work a criterion is scored from. */
export type AutomaticRuleKind = "plan-completion" | "plan-issued" | "reports-on-time" | "superior-tasks-on-time";

export interface AutomaticRule {
  kind: AutomaticRuleKind;
  rule: ScoringRule;
}

const RULE_NAMES: Array<{ kind: AutomaticRuleKind; pattern: RegExp; rule: ScoringRule["kind"] }> = [
  {
    kind: "plan-completion",
    pattern:
      /(muc do |ty le )?(hoan thanh|thuc hien) (cac nhiem vu (de ra )?(tai|trong) )?ke hoach (cchc|cai cach hanh chinh)/,
    rule: "share",
  },
  { kind: "plan-issued", pattern: /ban hanh ke hoach (cchc|cai cach hanh chinh)/, rule: "timeliness" },
  { kind: "reports-on-time", pattern: /bao cao (cchc|cai cach hanh chinh|dinh ky)/, rule: "timeliness" },
  {
    kind: "superior-tasks-on-time",
    pattern: /nhiem vu .*(cap tren|ubnd (tinh|huyen)|uy ban nhan dan (tinh|huyen)|chu tich ubnd tinh) giao/,
    rule: "share",
  },
];

/** The automatic rule a criterion follows, from its name and the numbers of its scoring text; null: self-scored. */
export function automaticRuleOf(criterion: Pick<Criterion, "name" | "scoring" | "children">): AutomaticRule | null {
  if (criterion.children.length > 0) return null;
  const name = foldVietnamese(criterion.name.toLocaleLowerCase("vi"));
  const rule = readScoringRule(criterion.scoring);
  if (!rule) return null;
  const match = RULE_NAMES.find((r) => r.pattern.test(name) && r.rule === rule.kind);
  return match ? { kind: match.kind, rule } : null;
}

/** Criteria the province scores by its own survey ("điều tra xã hội học"): the office neither scores nor proves them. */
export function isSurveyCriterion(criterion: Pick<Criterion, "name" | "scoring">): boolean {
  const text = foldVietnamese(`${criterion.name} ${criterion.scoring}`.toLocaleLowerCase("vi"));
  return /dieu tra xa hoi hoc|khao sat (su )?hai long|chi so hai long/.test(text);
}
