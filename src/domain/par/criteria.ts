/**
 * A PAR INDEX criteria set ("Bộ Chỉ số cải cách hành chính"): the province's
 * table of fields ("lĩnh vực"), criteria ("tiêu chí") and sub-criteria
 * ("tiêu chí thành phần"), each with its maximum points, how it is scored and
 * the evidence ("tài liệu kiểm chứng") that proves it.
 */
export interface Criterion {
  /** As the province numbers it, made unique in the set: "1", "1.2", "1.2.3", "II", "3.a". */
  code: string;
  name: string;
  maxPoints: number;
  /** How it is scored ("Cách chấm điểm"), as written; the automatic rules read their numbers from it. */
  scoring: string;
  /** The evidence it asks for ("Tài liệu kiểm chứng"), as written. */
  evidence: string;
  children: Criterion[];
}

export interface CriteriaSetHeader {
  /** Province slug ("quang-tri"). */
  province: string;
  year: number;
  title: string;
  /** Where it came from: the decision that issued it, or the file name. */
  source: string;
}

/** The shape `par import --json` prints. */
export interface CriteriaSet {
  set: CriteriaSetHeader;
  criteria: Criterion[];
}

/** How a code is written decides where it sits in the tree. */
export type CodeStyle = "roman" | "number" | "dotted" | "letter";

export interface ParsedCode {
  /** Without the trailing "." or ")": "1", "1.1", "II", "a". */
  code: string;
  style: CodeStyle;
  /** Number of parts of a dotted code ("1.2.3" has 3); 1 for the others. */
  parts: number;
}

const ROMAN = /^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Reads a criterion's number cell ("1", "1.", "1.1", "1.1.1.", "II", "a)", "Tiêu chí 2"); null when it is none. */
export function parseCriterionCode(cell: string): ParsedCode | null {
  const text = cell
    .replace(/<[^<>]*>/g, "")
    .replace(/^(tiêu chí thành phần|tiêu chí|lĩnh vực|tctp|tc)\s+/iu, "")
    .trim();
  if (text.length === 0 || text.length > 12) return null;
  const bare = text.replace(/[.)]$/, "").trim();
  if (ROMAN.test(bare)) return { code: bare, style: "roman", parts: 1 };
  if (/^\d{1,3}$/.test(bare)) return { code: String(Number(bare)), style: "number", parts: 1 };
  if (/^\d{1,3}(\.\d{1,3})+$/.test(bare)) {
    const parts = bare.split(".").map((p) => String(Number(p)));
    return { code: parts.join("."), style: "dotted", parts: parts.length };
  }
  if (/^[a-zđ]$/u.test(bare) && /[)]$|^[a-zđ]\.$/u.test(text)) return { code: bare, style: "letter", parts: 1 };
  return null;
}

/** A number of points as offices write it: "1,5", "0.5", "2 điểm", "10đ"; null when the cell holds none. */
export function parsePoints(cell: string): number | null {
  const text = cell
    .replace(/<[^<>]*>/g, "")
    .trim()
    .toLocaleLowerCase("vi");
  const match = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:điểm|đ)?$/u.exec(text);
  if (!match) return null;
  return Number((match[1] as string).replace(",", "."));
}

/** Points as Vietnamese print them: 1,5 and 10 (decimal comma, no trailing zeros). */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100).replace(".", ",");
}

/** Every criterion of a tree, parents before their children. */
export function flattenCriteria(criteria: readonly Criterion[]): Criterion[] {
  return criteria.flatMap((criterion) => [criterion, ...flattenCriteria(criterion.children)]);
}

/** Criteria scored on their own: those without sub-criteria. */
export function leafCriteria(criteria: readonly Criterion[]): Criterion[] {
  return flattenCriteria(criteria).filter((criterion) => criterion.children.length === 0);
}
