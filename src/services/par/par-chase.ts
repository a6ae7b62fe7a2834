/**
 * What is missing is chased like any deadline: each criterion still without
 * evidence or a score becomes a task of the tracked plan "Tự đánh giá chỉ số
 * CCHC <năm>", due on the office's self-assessment deadline and led by the
 * units of its linked tasks. The plan goes through the ordinary import and
 * reminder planning, so reminders, overdue steps, the digest and the web's
 * lists treat it as any other plan; a criterion that gets its evidence and
 * score leaves the plan at the next sync, which cancels its reminders.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { parAssessments } from "../../../db/schema.js";
import { normalizeDeadline } from "../../domain/deadline/index.js";
import type { DraftTask, PlanDraft } from "../../import/plan-draft.js";
import type { Principal, Refused } from "../access.js";
import { requireAccess } from "../access.js";
import { importPlan } from "../import-plan.js";
import type { SendSlot } from "../reminders/sync-reminders.js";
import { syncReminders } from "../reminders/sync-reminders.js";
import { loadParView, type ParCriterionView, type ParView } from "./par-view.js";

/** The chase plan's title: the coordinator sees it in every list and reminder. */
export const chasePlanTitle = (year: number) => `Tự đánh giá chỉ số CCHC ${year}`;

const dayMonthYear = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What a chased criterion still lacks, in the task's own title. */
function missingWords(row: ParCriterionView): string {
  const parts = [row.missingEvidence ? "tài liệu kiểm chứng" : null, row.missingScore ? "điểm tự chấm" : null];
  return parts.filter((p) => p !== null).join(", ");
}

/** The chase plan for the self-assessment as it stands: one task per criterion still missing something. */
export function chaseDraft(view: ParView): PlanDraft | null {
  if (!view.deadline) return null;
  const deadlineText = dayMonthYear(view.deadline);
  const schedule = normalizeDeadline(deadlineText, { planYear: Number(view.deadline.slice(0, 4)) });
  const fieldOf = (code: string) => view.fields.find((f) => code === f.code || code.startsWith(`${f.code}.`));
  const chased = view.criteria.filter((row) => row.missingEvidence || row.missingScore);
  const tasks: DraftTask[] = chased.map((row) => ({
    section: fieldOf(row.criterion.code)?.code ?? null,
    stt: row.criterion.code,
    title: `Tiêu chí ${row.criterion.code}: ${row.criterion.name} (còn thiếu: ${missingWords(row)})`,
    activities: [],
    lead: row.units,
    support: [],
    proposedLead: [],
    deadlineTexts: [deadlineText],
    schedule,
    warnings: [],
    source: {},
  }));
  const start = `${view.year}-01-01`;
  return {
    plan: {
      title: chasePlanTitle(view.year),
      issuer: view.organizationName,
      year: view.year,
      period: { start, end: view.deadline < start ? start : view.deadline },
    },
    sections: view.fields.map((f) => ({ roman: f.code, title: f.name })),
    tasks,
    warnings: [],
    explanation: [],
  };
}

export type ChaseResult =
  | Refused<"not-found" | "not-allowed">
  | { kind: "no-assessment" }
  | { kind: "no-deadline" }
  | { kind: "ok"; planId: string; chased: string[]; slots: SendSlot[] };

/**
 * Brings the chase plan in line with the self-assessment: imports it again
 * (tasks keep their ids and history; what is no longer missing is removed)
 * and replans the organization's reminders.
 */
export async function syncParChase(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  year: number,
  now: Date,
): Promise<ChaseResult> {
  const view = await loadParView(db, principal, organizationSlug, year, { now });
  if (view.kind !== "ok") return view;
  const refused = requireAccess(principal, "organization.coordinate", { organizationId: view.organizationId });
  if (refused) return refused;
  const draft = chaseDraft(view);
  if (!draft) return { kind: "no-deadline" };
  const fileSha256 = createHash("sha256").update(JSON.stringify(draft.tasks)).digest("hex");
  const summary = await importPlan(db, draft, {
    organizationSlug,
    fileName: `${chasePlanTitle(year)}.nhacviec`,
    fileSha256,
    now,
  });
  await db.update(parAssessments).set({ chasePlanId: summary.planId }).where(eq(parAssessments.id, view.assessmentId));
  const slots = await syncReminders(db, view.organizationId, now);
  return { kind: "ok", planId: summary.planId, chased: draft.tasks.map((t) => t.stt), slots };
}
