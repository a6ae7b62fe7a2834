import type { LatenessStatus } from "../milestones/lateness.js";
import { type Criterion, flattenCriteria, formatPoints } from "./criteria.js";
import {
  type AutomaticRuleKind,
  automaticRuleOf,
  isSurveyCriterion,
  pointsForShare,
  type Timeliness,
} from "./scoring-rules.js";

/** What became of one milestone of a task linked to a criterion, judged at the self-assessment. */
export type WorkOutcome = "on-time" | "late" | "not-done";

/** The results of the year the automatic rules read. */
export interface YearResults {
  /** Milestones of the year's CCHC plan (ongoing duties left out): how many, and how many are done. */
  plan: { total: number; done: number } | null;
  /** Per criterion code, the outcomes of the milestones of its confirmed tasks. */
  linked: ReadonlyMap<string, readonly WorkOutcome[]>;
}

export interface AutomaticScore {
  kind: AutomaticRuleKind;
  points: number;
  /** The share (percent) the bands were applied to, or the outcome the timeliness rule saw. */
  share?: number;
  outcome?: Timeliness;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The outcome of a set of milestones as a timeliness rule sees it: all on time, some late, or some not done. */
export function timelinessOfOutcomes(outcomes: readonly WorkOutcome[]): Timeliness | null {
  if (outcomes.length === 0) return null;
  if (outcomes.includes("not-done")) return "missing";
  return outcomes.includes("late") ? "late" : "on-time";
}

/**
 * The points a criterion earns from the year's results under its own scoring
 * text; null when it is self-scored or when nothing tracked speaks to it yet.
 */
export function automaticScore(criterion: Criterion, results: YearResults): AutomaticScore | null {
  const automatic = automaticRuleOf(criterion);
  if (!automatic) return null;
  const { kind, rule } = automatic;
  const cap = (points: number) => Math.min(points, criterion.maxPoints);
  const linked = results.linked.get(criterion.code) ?? [];
  if (rule.kind === "share") {
    let share: number;
    if (kind === "plan-completion") {
      if (!results.plan || results.plan.total === 0) return null;
      share = (results.plan.done / results.plan.total) * 100;
    } else {
      if (linked.length === 0) return null;
      share = (linked.filter((o) => o === "on-time").length / linked.length) * 100;
    }
    share = round2(share);
    return { kind, points: cap(pointsForShare(rule.bands, share)), share };
  }
  const outcome = timelinessOfOutcomes(linked);
  if (!outcome) return null;
  return { kind, points: cap(rule.points[outcome] ?? 0), outcome };
}

/** Where a criterion's points come from. */
export type ScoreSource = "automatic" | "self" | "survey" | "none";

/** What the office has for one criterion. */
export interface CriterionState {
  selfScore?: { points: number; justification: string };
  /** Evidence files and document references, its own and its linked tasks'. */
  evidenceCount: number;
}

export interface AssessedCriterion {
  criterion: Criterion;
  depth: number;
  /** Points of a leaf; the sum of its children for a parent; null while unscored. */
  points: number | null;
  source: ScoreSource;
  automatic: AutomaticScore | null;
  /** A leaf the office must score and prove, still missing evidence or a score. */
  missingEvidence: boolean;
  missingScore: boolean;
}

export interface FieldTotal {
  code: string;
  name: string;
  points: number;
  maxPoints: number;
}

export interface Assessment {
  rows: AssessedCriterion[];
  fields: FieldTotal[];
  total: { points: number; maxPoints: number };
}

/**
 * The self-assessment of a set: automatic points where a rule applies (an
 * automatic score stands over a self-score, as the province recomputes it),
 * the coordinator's points elsewhere, the survey part left to the province,
 * and totals per field and overall against the maximum.
 */
export function assess(
  criteria: readonly Criterion[],
  states: ReadonlyMap<string, CriterionState>,
  results: YearResults,
): Assessment {
  const rows: AssessedCriterion[] = [];
  const visit = (criterion: Criterion, depth: number): number | null => {
    const row: AssessedCriterion = {
      criterion,
      depth,
      points: null,
      source: "none",
      automatic: null,
      missingEvidence: false,
      missingScore: false,
    };
    rows.push(row);
    if (criterion.children.length > 0) {
      const parts = criterion.children.map((child) => visit(child, depth + 1));
      const scored = parts.filter((p): p is number => p !== null);
      row.points = scored.length > 0 ? round2(scored.reduce((a, b) => a + b, 0)) : null;
      return row.points;
    }
    if (isSurveyCriterion(criterion)) {
      row.source = "survey";
      return null;
    }
    const state = states.get(criterion.code);
    row.automatic = automaticScore(criterion, results);
    if (row.automatic) {
      row.points = row.automatic.points;
      row.source = "automatic";
    } else if (state?.selfScore) {
      row.points = state.selfScore.points;
      row.source = "self";
    }
    row.missingScore = row.points === null;
    row.missingEvidence = (state?.evidenceCount ?? 0) === 0;
    return row.points;
  };
  const fields = criteria.map((field) => {
    const points = visit(field, 0) ?? 0;
    return { code: field.code, name: field.name, points, maxPoints: field.maxPoints };
  });
  return {
    rows,
    fields,
    total: {
      points: round2(fields.reduce((sum, f) => sum + f.points, 0)),
      maxPoints: round2(criteria.reduce((sum, f) => sum + f.maxPoints, 0)),
    },
  };
}

export type SelfScoreInput = { kind: "ok"; points: number } | { kind: "not-a-number" | "above-max" | "negative" };

/**
 * A self-score as typed ("1,5", "0.75", "2 điểm", "đạt 2 điểm", "tự chấm 1,5đ"),
 * checked against the criterion's maximum.
 */
export function readSelfScore(text: string, maxPoints: number): SelfScoreInput {
  const match = /^\s*(?:(?:tự\s+chấm|chấm|đạt)\s*:?\s*)?(-?\d{1,3}(?:[.,]\d{1,2})?)\s*(?:điểm|đ)?\s*\.?\s*$/iu.exec(
    text.normalize("NFC"),
  );
  if (!match) return { kind: "not-a-number" };
  const points = Number((match[1] as string).replace(",", "."));
  if (points < 0) return { kind: "negative" };
  if (points > maxPoints + 1e-9) return { kind: "above-max" };
  return { kind: "ok", points };
}

/** A task linked to a criterion, as the drafted explanation cites it. */
export interface ExplainedTask {
  title: string;
  outcome: WorkOutcome | "open";
}

const OUTCOME_WORDS: Record<ExplainedTask["outcome"], string> = {
  "on-time": "đã hoàn thành đúng hạn",
  late: "đã hoàn thành nhưng chậm so với thời hạn",
  "not-done": "chưa hoàn thành",
  open: "đang thực hiện",
};

/**
 * A first draft of the explanation ("giải trình") for a criterion still
 * without evidence, in the words the province's software expects; the
 * coordinator edits it before submitting. It is Vietnamese only because the
 * document it goes into is.
 */
export function draftExplanation(
  criterion: Pick<Criterion, "code" | "name" | "evidence" | "maxPoints">,
  tasks: readonly ExplainedTask[],
  year: number,
): string {
  const head = `Tiêu chí ${criterion.code} "${criterion.name}" (tối đa ${formatPoints(criterion.maxPoints)} điểm): đến thời điểm tự đánh giá, đơn vị chưa có đủ tài liệu kiểm chứng.`;
  const work =
    tasks.length > 0
      ? ` Nhiệm vụ liên quan trong năm ${year}: ${tasks.map((t) => `"${t.title}" (${OUTCOME_WORDS[t.outcome]})`).join("; ")}.`
      : ` Trong năm ${year}, nội dung này chưa được giao thành nhiệm vụ cụ thể trong kế hoạch của đơn vị.`;
  const asked = criterion.evidence.trim()
    ? ` Đơn vị sẽ bổ sung tài liệu kiểm chứng (${criterion.evidence.trim().replace(/\s+/g, " ").replace(/\.$/, "")}) trước khi thẩm định.`
    : " Đơn vị sẽ bổ sung tài liệu kiểm chứng trước khi thẩm định.";
  return head + work + asked;
}

/** Every criterion code of a tree, to check links and scores against. */
export function criterionCodes(criteria: readonly Criterion[]): Set<string> {
  return new Set(flattenCriteria(criteria).map((c) => c.code));
}

/**
 * What a milestone's standing on the assessment day counts as: handed in by
 * its due day is on time, after it late, overdue is not done; work not yet
 * due is still open, and ongoing duties and cancelled work do not count.
 */
export function workOutcomeOf(status: LatenessStatus): WorkOutcome | "open" | null {
  switch (status) {
    case "done-on-time":
    case "submitted":
      return "on-time";
    case "done-late":
    case "submitted-late":
      return "late";
    case "overdue":
      return "not-done";
    case "on-track":
    case "due-soon":
    case "undated":
      return "open";
    case "ongoing":
    case "cancelled":
      return null;
  }
}
