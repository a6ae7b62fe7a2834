/**
 * An office's PAR INDEX self-assessment as every front end and output shows
 * it: the set's criteria with their points (automatic, self-scored or left to
 * the province's survey), the tasks linked to each with their results and
 * evidence, the evidence attached to the criterion itself, and an
 * explanation for each criterion still without evidence.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import {
  organizations,
  parAssessments,
  parEntries,
  parEvidence,
  parLinks,
  parSets,
  plans,
  tasks,
} from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import {
  type AssessedCriterion,
  assess,
  type CriterionState,
  draftExplanation,
  type FieldTotal,
  type WorkOutcome,
  workOutcomeOf,
} from "../../domain/par/index.js";
import type { Principal, Refused } from "../access.js";
import type { DocumentReference } from "../evidence-references.js";
import { loadPaperReport, type PaperRow } from "../reports/paper-report.js";
import type { ReportDayOptions } from "../reports/report-rows.js";

export interface EvidenceFile {
  fileName: string;
  sha256: string;
  storagePath: string;
}

/** A task confirmed as serving a criterion, with what it produced. */
export interface LinkedTask {
  taskId: string;
  title: string;
  /** "II.3" as the plan numbers it. */
  number: string;
  leadUnits: string[];
  outcome: WorkOutcome | "open";
  files: EvidenceFile[];
  references: DocumentReference[];
}

export interface ParCriterionView extends AssessedCriterion {
  selfScore: { points: number; justification: string } | null;
  tasks: LinkedTask[];
  files: EvidenceFile[];
  references: DocumentReference[];
  /** The explanation for a criterion without evidence: as edited, else drafted. */
  explanation: string | null;
  explanationDrafted: boolean;
  /** Units that own the criterion: the lead units of its tasks. */
  units: string[];
}

export interface ParView {
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  assessmentId: string;
  year: number;
  asOf: IsoDate;
  deadline: IsoDate | null;
  chasePlanId: string | null;
  set: { id: string; province: string; year: number; version: number; title: string; source: string };
  criteria: ParCriterionView[];
  fields: FieldTotal[];
  total: { points: number; maxPoints: number };
  /** Every live task of the office's documents except the chase plan's, for suggestions. */
  candidates: PaperRow[];
}

export type ParViewResult =
  Refused<"not-found" | "not-allowed"> | { kind: "no-assessment" } | ({ kind: "ok" } & ParView);

const taskNumber = (row: PaperRow) => (row.section ? `${row.section}.${row.stt ?? ""}` : (row.stt ?? ""));

/** The tasks confirmed as evidence of a criterion, each with how its work turned out and what it cites. */
function linkedTasksOf(links: Array<typeof parLinks.$inferSelect>, rows: PaperRow[], code: string): LinkedTask[] {
  return links
    .filter((l) => l.criterionCode === code)
    .flatMap((link) => {
      const ofTask = rows.filter((r) => r.taskId === link.taskId);
      const first = ofTask[0];
      if (!first) return [];
      const outcomes = ofTask.map((r) => workOutcomeOf(r.lateness)).filter((o) => o !== null);
      const outcome: LinkedTask["outcome"] = outcomes.includes("not-done")
        ? "not-done"
        : outcomes.includes("open")
          ? "open"
          : outcomes.includes("late")
            ? "late"
            : "on-time";
      return [
        {
          taskId: link.taskId,
          title: first.title,
          number: taskNumber(first),
          leadUnits: first.leadUnits,
          outcome,
          files: ofTask.flatMap((r) => r.evidence),
          references: ofTask.flatMap((r) => r.references),
        },
      ];
    });
}

/** The files and documents given straight to a criterion (not through a task). */
function ownEvidenceOf(
  direct: Array<typeof parEvidence.$inferSelect>,
  code: string,
): { files: EvidenceFile[]; references: DocumentReference[] } {
  const own = direct.filter((d) => d.criterionCode === code);
  const files = own.flatMap((d) =>
    d.storagePath && d.fileName && d.sha256
      ? [{ fileName: d.fileName, sha256: d.sha256, storagePath: d.storagePath }]
      : [],
  );
  const references = own.flatMap((d) =>
    d.numberSymbol && d.issuedOn
      ? [
          {
            documentType: d.documentType ?? "Văn bản",
            numberSymbol: d.numberSymbol,
            issuedOn: d.issuedOn,
            issuer: d.issuer ?? "",
          },
        ]
      : [],
  );
  return { files, references };
}

/** The self-assessment of `year` for the organization, as of a day. */
export async function loadParView(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  year: number,
  day: ReportDayOptions,
): Promise<ParViewResult> {
  const report = await loadPaperReport(db, principal, organizationSlug, day);
  if (report.kind !== "ok") return report;
  const [organization] = await db.select().from(organizations).where(eq(organizations.slug, organizationSlug));
  if (!organization) return { kind: "not-found" };
  const [assessment] = await db
    .select()
    .from(parAssessments)
    .where(and(eq(parAssessments.organizationId, organization.id), eq(parAssessments.year, year)));
  if (!assessment) return { kind: "no-assessment" };
  const [set] = await db.select().from(parSets).where(eq(parSets.id, assessment.setId));
  if (!set) return { kind: "not-found" };
  const taskPlans = await db
    .select({ taskId: tasks.id, planId: plans.id, planYear: plans.year })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(tasks.organizationId, organization.id));
  const planOf = new Map(taskPlans.map((t) => [t.taskId, t]));
  const rows = report.rows.filter((r) => planOf.get(r.taskId)?.planId !== assessment.chasePlanId);
  const links = await db
    .select()
    .from(parLinks)
    .where(and(eq(parLinks.assessmentId, assessment.id), eq(parLinks.decision, "confirmed")));
  const entries = await db.select().from(parEntries).where(eq(parEntries.assessmentId, assessment.id));
  const direct = await db
    .select()
    .from(parEvidence)
    .where(eq(parEvidence.assessmentId, assessment.id))
    .orderBy(asc(parEvidence.createdAt));

  // The year's own plans: every milestone counts towards its completion, ongoing duties aside.
  const yearRows = rows.filter((r) => planOf.get(r.taskId)?.planYear === year && !r.ongoing && r.state !== "cancelled");
  const linkedOutcomes = new Map<string, WorkOutcome[]>();
  for (const link of links) {
    const outcomes = rows
      .filter((r) => r.taskId === link.taskId)
      .map((r) => workOutcomeOf(r.lateness))
      .filter((o): o is WorkOutcome => o !== null && o !== "open");
    linkedOutcomes.set(link.criterionCode, [...(linkedOutcomes.get(link.criterionCode) ?? []), ...outcomes]);
  }
  const byCode = new Map<string, { tasks: LinkedTask[]; files: EvidenceFile[]; references: DocumentReference[] }>();
  const states = new Map<string, CriterionState>();
  const codes = new Set([
    ...links.map((l) => l.criterionCode),
    ...direct.map((d) => d.criterionCode),
    ...entries.map((e) => e.criterionCode),
  ]);
  for (const code of codes) {
    const linked = linkedTasksOf(links, rows, code);
    const { files, references } = ownEvidenceOf(direct, code);
    byCode.set(code, { tasks: linked, files, references });
    const entry = entries.find((e) => e.criterionCode === code);
    states.set(code, {
      ...(entry?.selfPoints !== null && entry?.selfPoints !== undefined
        ? { selfScore: { points: entry.selfPoints, justification: entry.justification ?? "" } }
        : {}),
      evidenceCount:
        files.length + references.length + linked.reduce((n, t) => n + t.files.length + t.references.length, 0),
    });
  }
  const assessed = assess(set.criteria, states, {
    plan:
      yearRows.length > 0
        ? { total: yearRows.length, done: yearRows.filter((r) => r.state === "done" || r.state === "submitted").length }
        : null,
    linked: linkedOutcomes,
  });
  const criteria = assessed.rows.map((row): ParCriterionView => {
    const code = row.criterion.code;
    const own = byCode.get(code) ?? { tasks: [], files: [], references: [] };
    const entry = entries.find((e) => e.criterionCode === code);
    const explanation = row.missingEvidence
      ? (entry?.explanation ?? draftExplanation(row.criterion, own.tasks, year))
      : (entry?.explanation ?? null);
    return {
      ...row,
      selfScore: states.get(code)?.selfScore ?? null,
      ...own,
      explanation,
      explanationDrafted: row.missingEvidence && !entry?.explanation,
      units: [...new Set(own.tasks.flatMap((t) => t.leadUnits))],
    };
  });
  return {
    kind: "ok",
    organizationId: organization.id,
    organizationName: organization.name,
    organizationSlug,
    assessmentId: assessment.id,
    year,
    asOf: report.asOf,
    deadline: assessment.deadline,
    chasePlanId: assessment.chasePlanId,
    set: {
      id: set.id,
      province: set.province,
      year: set.year,
      version: set.version,
      title: set.title,
      source: set.source,
    },
    criteria,
    fields: assessed.fields,
    total: assessed.total,
    candidates: rows,
  };
}
