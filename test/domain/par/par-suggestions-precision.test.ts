/**
 * How well the pure scorer (`suggestTasks`) ranks a commune's plan tasks for
 * each criterion of the shipped set, against a hand-labelled truth
 * (test/fixtures/par/suggestions.labelled.json): precision of the top three
 * suggestions, and the share of the truly serving tasks among them. The
 * floors are the figures measured (docs/par-index.md); a scorer change that
 * lowers either fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CandidateTask, suggestTasks } from "../../../src/domain/par/index.js";
import { COMMUNE_SET } from "../../support/par-sets/commune-set-2026.js";

interface Labelled {
  criteria: Array<{ code: string; serves: string[]; notServes: string[] }>;
}
interface GoldenPlan {
  sections: Array<{ roman: string; title: string }>;
  tasks: Array<{ section: string; stt: string; title: string; lead: string[] }>;
}

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as T;
const labelled = read<Labelled>("../../fixtures/par/suggestions.labelled.json");
const plan = read<GoldenPlan>("../../fixtures/golden/000_9e3f908be5443ab7.json");
const sectionTitle = new Map(plan.sections.map((s) => [s.roman, s.title]));
const tasks: CandidateTask[] = plan.tasks.map((t) => ({
  id: `${t.section}.${t.stt}`,
  title: t.title,
  product: null,
  sectionTitle: sectionTitle.get(t.section) ?? null,
  leadUnits: t.lead,
}));

/** Precision of the top three over all criteria (micro), and the serving tasks found among them. */
function measure() {
  let suggested = 0;
  let right = 0;
  let found = 0;
  let serving = 0;
  for (const label of labelled.criteria) {
    const row = COMMUNE_SET.find(([code]) => code === label.code);
    if (!row) throw new Error(`no criterion ${label.code} in the shipped set`);
    const top = suggestTasks({ name: row[1], evidence: row[4] }, tasks, { limit: 3 }).map((s) => s.taskId);
    suggested += top.length;
    right += top.filter((id) => label.serves.includes(id)).length;
    found += label.serves.filter((id) => top.includes(id)).length;
    serving += label.serves.length;
  }
  return { suggested, right, precisionAt3: right / suggested, recallAt3: found / serving, serving };
}

describe("task suggestions per criterion, against the hand-labelled truth", () => {
  it("labels at least 40 criterion–task pairs, negatives included, all naming real criteria and tasks", () => {
    const ids = new Set(tasks.map((t) => t.id));
    const pairs = labelled.criteria.flatMap((c) => [...c.serves, ...c.notServes].map((id) => [c.code, id] as const));
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    expect(labelled.criteria.some((c) => c.notServes.length > 0)).toBe(true);
    expect(pairs.filter(([, id]) => !ids.has(id))).toEqual([]);
    expect(labelled.criteria.filter((c) => c.serves.some((id) => c.notServes.includes(id)))).toEqual([]);
  });

  it("holds precision@3 and recall@3 at their measured floors", () => {
    const figures = measure();
    expect(figures.serving).toBe(41);
    expect(figures.precisionAt3).toBeGreaterThanOrEqual(PRECISION_FLOOR);
    expect(figures.recallAt3).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });
});

/** Measured on 6 Dec 2026 (docs/par-index.md): 28 of 53 top-three suggestions right; 28 of the 41 serving tasks found. */
const PRECISION_FLOOR = 28 / 53;
const RECALL_FLOOR = 28 / 41;
