import { foldVietnamese } from "../deadline/cell-text.js";
import type { Criterion } from "./criteria.js";

/** A task of the office's plans (or of another document) that may serve a criterion. */
export interface CandidateTask {
  id: string;
  title: string;
  product: string | null;
  sectionTitle: string | null;
  leadUnits: readonly string[];
}

export interface TaskSuggestion {
  taskId: string;
  /** 0–1: how much of the criterion's wording the task shares, with product and unit bonuses. */
  score: number;
  /** Shared words, for the coordinator to see why. */
  shared: string[];
}

/** Words that say nothing about which work serves which criterion. */
const STOP = new Set(
  (
    "va cua cac cho voi trong tren duoc theo tai la co khong nhung mot nam ve de tu den nay do khi " +
    "thuc hien cong tac viec nhiem vu ubnd uy ban nhan dan xa phuong thi tran cap don vi co quan " +
    "ket qua muc do dam bao quy dinh so luong ty le diem tieu chi thanh phan hoac dung han thoi"
  ).split(" "),
);

/** Terms plans and criteria sets write both spelled out and abbreviated: each becomes its abbreviation, one term. */
const TERMS: Array<[RegExp, string]> = [
  [/\bthu tuc hanh chinh\b/g, "tthc"],
  [/\bcai cach hanh chinh\b/g, "cchc"],
  [/\bvan ban quy pham phap luat\b/g, "vbqppl"],
  [/\bpho bien,? giao duc phap luat\b/g, "pbgdpl"],
  [/\bdich vu cong( truc tuyen)?\b/g, "dvc"],
  [/\bcong nghe thong tin\b/g, "cntt"],
  [/\bcan bo,? cong chuc\b/g, "cbcc"],
];

/** Accent-insensitive words of a text, terms in one spelling, stop words left out. */
function words(text: string): string[] {
  let folded = foldVietnamese(text.replace(/<[^<>]*>/g, " "));
  for (const [pattern, term] of TERMS) folded = folded.replace(pattern, term);
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w));
}

/** Word pairs ("tuyen truyen", "mot cua"): Vietnamese terms are mostly two syllables. */
function pairs(list: readonly string[]): string[] {
  return list.slice(1).map((w, i) => `${list[i]} ${w}`);
}

/** Product words the evidence column asks for and a task's product names ("kế hoạch", "báo cáo"). */
const PRODUCTS = ["ke hoach", "bao cao", "quyet dinh", "thong bao", "ke hoach kiem tra", "bien ban", "cong van"];

/**
 * Ranks the tasks that may serve a criterion: shared terms of the criterion's
 * name (and, at half weight, its evidence column) with the task's title and
 * product (its section's title at a quarter), word pairs counting double and
 * rare terms more than common ones; a task must share a term of the name. A
 * bonus when the task's product is a document the evidence column asks for
 * and when the criterion names the task's lead unit. Returns the tasks scoring
 * at least `threshold` and within reach of the best, best first. Its precision
 * is measured against hand-labelled pairs (test/fixtures/par/suggestions.labelled.json).
 */
export function suggestTasks(
  criterion: Pick<Criterion, "name" | "evidence">,
  tasks: readonly CandidateTask[],
  options: { threshold?: number; limit?: number } = {},
): TaskSuggestion[] {
  const threshold = options.threshold ?? 0.25;
  const limit = options.limit ?? 5;
  const nameWords = words(criterion.name);
  const named = new Set([...nameWords, ...pairs(nameWords)]);
  if (named.size === 0) return [];
  const evidenceWords = words(criterion.evidence);
  // The evidence column says what proves the criterion: its terms count, half as much as the name's.
  const wanted = new Map<string, number>([...named].map((term) => [term, 1]));
  for (const term of [...evidenceWords, ...pairs(evidenceWords)])
    if (!wanted.has(term)) wanted.set(term, EVIDENCE_SHARE);
  const termsOf = (task: CandidateTask): Map<string, number> => {
    const list = words(`${task.title} ${task.product ?? ""}`);
    const section = words(task.sectionTitle ?? "");
    // A section's title is shared by all its tasks: it tells the field, less than the task's own words.
    const terms = new Map<string, number>([...section, ...pairs(section)].map((term) => [term, SECTION_SHARE]));
    for (const term of [...list, ...pairs(list)]) terms.set(term, 1);
    return terms;
  };
  const taskTerms = tasks.map(termsOf);
  // Rare terms tell more: a term in every task ("cai cach") weighs less than "tuyen truyen".
  const weight = (term: string): number => {
    const seen = taskTerms.filter((terms) => terms.has(term)).length;
    return (term.includes(" ") ? 2 : 1) * Math.log(1 + (tasks.length + 1) / (seen + 1));
  };
  const possible = [...wanted].reduce((sum, [term, share]) => sum + share * weight(term), 0);
  const evidence = foldVietnamese(criterion.evidence);
  const criterionText = foldVietnamese(criterion.name);
  const scored: TaskSuggestion[] = [];
  tasks.forEach((task, index) => {
    const terms = taskTerms[index] as Map<string, number>;
    const shared = [...wanted].filter(([term]) => terms.has(term));
    if (!shared.some(([term]) => named.has(term))) return;
    let score =
      shared.reduce((sum, [term, share]) => sum + share * (terms.get(term) as number) * weight(term), 0) / possible;
    const product = foldVietnamese(task.product ?? "");
    if (PRODUCTS.some((p) => product.includes(p) && evidence.includes(p))) score += 0.1;
    if (task.leadUnits.some((unit) => words(unit).some((w) => w.length > 3 && criterionText.includes(w))))
      score += 0.05;
    score = Math.min(1, Math.round(score * 1000) / 1000);
    if (score >= threshold)
      scored.push({ taskId: task.id, score, shared: shared.map(([term]) => term).filter((s) => !s.includes(" ")) });
  });
  const ranked = scored.sort((a, b) => b.score - a.score);
  // A task far behind the best one shares the field's common words, not the criterion's work.
  const best = ranked[0]?.score ?? 0;
  return ranked.filter((s) => s.score >= best * BEHIND_BEST).slice(0, limit);
}

/** How much an evidence-column term and a section-title term count against a criterion's name and a task's title. */
const EVIDENCE_SHARE = 0.5;
const SECTION_SHARE = 0.25;
/** The share of the best suggestion's score a suggestion must reach to be offered. */
const BEHIND_BEST = 0.6;
