/**
 * What a coordinator does to the self-assessment: start it against the
 * province's latest set, confirm or refuse the tasks suggested for each
 * criterion, enter a self-score with its justification, attach evidence to a
 * criterion itself, edit an explanation. Each takes the viewer and checks it.
 */
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import {
  organizations,
  parAssessments,
  parEntries,
  parEvidence,
  parLinks,
  parSets,
  tasks,
} from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import { safeFileName } from "../../domain/files/safe-file-name.js";
import {
  type Criterion,
  flattenCriteria,
  isSurveyCriterion,
  readSelfScore,
  suggestTasks,
  type SelfScoreInput,
} from "../../domain/par/index.js";
import { personIdOf, type Principal, type Refused, requireAccess } from "../access.js";
import type { EvidenceStore } from "../evidence/evidence-store.js";
import { parseDocumentReference, type ParseReferenceResult } from "../evidence-references.js";
import { loadParView, type ParView } from "./par-view.js";

type Coordinated = Refused<"not-found" | "not-allowed"> | { kind: "ok"; organizationId: string };

async function coordinated(db: Database, principal: Principal, organizationSlug: string): Promise<Coordinated> {
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, organizationSlug));
  if (!organization) return { kind: "not-found" };
  const refused = requireAccess(principal, "organization.coordinate", { organizationId: organization.id });
  return refused ?? { kind: "ok", organizationId: organization.id };
}

export type StartResult =
  | Refused<"not-found" | "not-allowed">
  | { kind: "no-set"; province: string; year: number }
  | { kind: "ok"; assessmentId: string; setVersion: number };

/**
 * Starts (or moves to the province's latest set version) the office's
 * self-assessment of `year`, with the day it must be finished by.
 */
export async function startParAssessment(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  input: { year: number; province: string; deadline?: IsoDate | null },
): Promise<StartResult> {
  const access = await coordinated(db, principal, organizationSlug);
  if (access.kind !== "ok") return access;
  const [set] = await db
    .select({ id: parSets.id, version: parSets.version })
    .from(parSets)
    .where(and(eq(parSets.province, input.province), eq(parSets.year, input.year)))
    .orderBy(desc(parSets.version))
    .limit(1);
  if (!set) return { kind: "no-set", province: input.province, year: input.year };
  const [row] = await db
    .insert(parAssessments)
    .values({
      organizationId: access.organizationId,
      setId: set.id,
      year: input.year,
      deadline: input.deadline ?? null,
    })
    .onConflictDoUpdate({
      target: [parAssessments.organizationId, parAssessments.year],
      set: { setId: set.id, ...(input.deadline !== undefined ? { deadline: input.deadline } : {}) },
    })
    .returning({ id: parAssessments.id });
  return { kind: "ok", assessmentId: (row as { id: string }).id, setVersion: set.version };
}

/** One suggestion waiting for the coordinator: this task may serve this criterion. */
export interface LinkSuggestion {
  criterionCode: string;
  criterionName: string;
  taskId: string;
  taskTitle: string;
  taskNumber: string;
  score: number;
}

/** The self-assessment for a coordinator's step, or why not. */
async function coordinatedView(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  year: number,
  now: Date,
): Promise<Refused<"not-found" | "not-allowed"> | { kind: "no-assessment" } | ({ kind: "ok" } & ParView)> {
  const access = await coordinated(db, principal, organizationSlug);
  if (access.kind !== "ok") return access;
  return loadParView(db, principal, organizationSlug, year, { now });
}

/**
 * The tasks suggested for each criterion the office scores and proves, not
 * yet decided, in the set's order: the coordinator's queue of steps.
 */
export async function pendingLinkSuggestions(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  year: number,
  now: Date,
): Promise<
  Refused<"not-found" | "not-allowed"> | { kind: "no-assessment" } | { kind: "ok"; suggestions: LinkSuggestion[] }
> {
  const view = await coordinatedView(db, principal, organizationSlug, year, now);
  if (view.kind !== "ok") return view;
  const decided = await db
    .select({ code: parLinks.criterionCode, taskId: parLinks.taskId })
    .from(parLinks)
    .where(eq(parLinks.assessmentId, view.assessmentId));
  const isDecided = new Set(decided.map((d) => `${d.code}|${d.taskId}`));
  const candidates = [...new Map(view.candidates.map((r) => [r.taskId, r])).values()];
  const suggestions: LinkSuggestion[] = [];
  for (const row of view.criteria) {
    const criterion = row.criterion;
    if (criterion.children.length > 0 || isSurveyCriterion(criterion)) continue;
    const ranked = suggestTasks(
      criterion,
      candidates.map((c) => ({
        id: c.taskId,
        title: c.title,
        product: c.product,
        sectionTitle: c.sectionTitle,
        leadUnits: c.leadUnits,
      })),
    );
    for (const suggestion of ranked) {
      if (isDecided.has(`${criterion.code}|${suggestion.taskId}`)) continue;
      const task = candidates.find((c) => c.taskId === suggestion.taskId);
      if (!task) continue;
      suggestions.push({
        criterionCode: criterion.code,
        criterionName: criterion.name,
        taskId: task.taskId,
        taskTitle: task.title,
        taskNumber: task.section ? `${task.section}.${task.stt ?? ""}` : (task.stt ?? ""),
        score: suggestion.score,
      });
    }
  }
  return { kind: "ok", suggestions };
}

async function assessmentOf(db: Database, organizationId: string, year: number) {
  const [row] = await db
    .select({ id: parAssessments.id, criteria: parSets.criteria })
    .from(parAssessments)
    .innerJoin(parSets, eq(parSets.id, parAssessments.setId))
    .where(and(eq(parAssessments.organizationId, organizationId), eq(parAssessments.year, year)));
  return row ?? null;
}

const criterionIn = (criteria: Criterion[], code: string) =>
  flattenCriteria(criteria).find((c) => c.code === code) ?? null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DecisionResult = Refused<"not-found" | "not-allowed"> | { kind: "ok" };

/** The coordinator's word on one suggestion: the task serves the criterion, or it does not. */
export async function decideParLink(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  input: { year: number; criterionCode: string; taskId: string; decision: "confirmed" | "rejected"; now: Date },
): Promise<DecisionResult> {
  const access = await coordinated(db, principal, organizationSlug);
  if (access.kind !== "ok") return access;
  const assessment = await assessmentOf(db, access.organizationId, input.year);
  if (!assessment || !criterionIn(assessment.criteria, input.criterionCode)) return { kind: "not-found" };
  // Another organization's task (or none) is not found here.
  if (!UUID.test(input.taskId)) return { kind: "not-found" };
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, input.taskId), eq(tasks.organizationId, access.organizationId)));
  if (!task) return { kind: "not-found" };
  const values = {
    organizationId: access.organizationId,
    assessmentId: assessment.id,
    criterionCode: input.criterionCode,
    taskId: input.taskId,
    decision: input.decision,
    decidedByPersonId: personIdOf(principal),
    decidedAt: input.now,
  };
  await db
    .insert(parLinks)
    .values(values)
    .onConflictDoUpdate({
      target: [parLinks.assessmentId, parLinks.criterionCode, parLinks.taskId],
      set: { decision: values.decision, decidedByPersonId: values.decidedByPersonId, decidedAt: values.decidedAt },
    });
  return { kind: "ok" };
}

export type SelfScoreResult =
  | Refused<"not-found" | "not-allowed">
  | { kind: "invalid"; reason: Exclude<SelfScoreInput["kind"], "ok"> | "no-justification"; maxPoints: number }
  | { kind: "ok"; points: number; maxPoints: number };

/** A self-score typed by the coordinator ("1,5"), checked against the criterion's maximum, with its justification. */
export async function setParSelfScore(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  input: { year: number; criterionCode: string; points: string; justification: string; now: Date },
): Promise<SelfScoreResult> {
  const access = await coordinated(db, principal, organizationSlug);
  if (access.kind !== "ok") return access;
  const assessment = await assessmentOf(db, access.organizationId, input.year);
  const criterion = assessment ? criterionIn(assessment.criteria, input.criterionCode) : null;
  if (!assessment || !criterion || criterion.children.length > 0) return { kind: "not-found" };
  const read = readSelfScore(input.points, criterion.maxPoints);
  if (read.kind !== "ok") return { kind: "invalid", reason: read.kind, maxPoints: criterion.maxPoints };
  const justification = input.justification.trim();
  if (!justification) return { kind: "invalid", reason: "no-justification", maxPoints: criterion.maxPoints };
  const values = {
    selfPoints: read.points,
    justification,
    updatedByPersonId: personIdOf(principal),
    updatedAt: input.now,
  };
  await db
    .insert(parEntries)
    .values({
      organizationId: access.organizationId,
      assessmentId: assessment.id,
      criterionCode: criterion.code,
      ...values,
    })
    .onConflictDoUpdate({ target: [parEntries.assessmentId, parEntries.criterionCode], set: values });
  return { kind: "ok", points: read.points, maxPoints: criterion.maxPoints };
}

/** The coordinator's own explanation ("giải trình") for a criterion, replacing the drafted one. */
export async function setParExplanation(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  input: { year: number; criterionCode: string; text: string; now: Date },
): Promise<DecisionResult> {
  const access = await coordinated(db, principal, organizationSlug);
  if (access.kind !== "ok") return access;
  const assessment = await assessmentOf(db, access.organizationId, input.year);
  if (!assessment || !criterionIn(assessment.criteria, input.criterionCode)) return { kind: "not-found" };
  const values = {
    explanation: input.text.trim() || null,
    updatedByPersonId: personIdOf(principal),
    updatedAt: input.now,
  };
  await db
    .insert(parEntries)
    .values({
      organizationId: access.organizationId,
      assessmentId: assessment.id,
      criterionCode: input.criterionCode,
      ...values,
    })
    .onConflictDoUpdate({ target: [parEntries.assessmentId, parEntries.criterionCode], set: values });
  return { kind: "ok" };
}

export type CriterionEvidenceInput = { file: { fileName: string; bytes: Buffer } } | { reference: string };

export type CriterionEvidenceResult =
  | Refused<"not-found" | "not-allowed">
  | { kind: "bad-reference"; reason: Extract<ParseReferenceResult, { ok: false }>["reason"] }
  | { kind: "ok" };

/** Evidence for a criterion itself: a file kept in the evidence store, or a typed document reference. */
export async function addParEvidence(
  db: Database,
  principal: Principal,
  store: EvidenceStore,
  organizationSlug: string,
  input: { year: number; criterionCode: string; evidence: CriterionEvidenceInput; now: Date },
): Promise<CriterionEvidenceResult> {
  const access = await coordinated(db, principal, organizationSlug);
  if (access.kind !== "ok") return access;
  const assessment = await assessmentOf(db, access.organizationId, input.year);
  const criterion = assessment ? criterionIn(assessment.criteria, input.criterionCode) : null;
  if (!assessment || !criterion) return { kind: "not-found" };
  const base = {
    organizationId: access.organizationId,
    assessmentId: assessment.id,
    criterionCode: criterion.code,
    createdByPersonId: personIdOf(principal),
    createdAt: input.now,
  };
  if ("reference" in input.evidence) {
    const parsed = parseDocumentReference(input.evidence.reference);
    if (!parsed.ok) return { kind: "bad-reference", reason: parsed.reason };
    await db.insert(parEvidence).values({ ...base, ...parsed.reference });
    return { kind: "ok" };
  }
  const { fileName, bytes } = input.evidence.file;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const safeName = safeFileName(fileName, { maxBytes: 150 });
  const storagePath = await store.put(
    {
      organizationSlug,
      folder: safeFileName(`chi-so-${input.year}-${criterion.code}`, { maxBytes: 80 }),
      fileName: safeName,
      sha256,
    },
    bytes,
  );
  await db.insert(parEvidence).values({ ...base, fileName: safeName, sha256, storagePath, sizeBytes: bytes.length });
  return { kind: "ok" };
}
