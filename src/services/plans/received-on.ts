/**
 * The day the office received a document, given or corrected after its
 * import: "trong 10 ngày kể từ ngày nhận văn bản" gets its due day then. The
 * tasks are read again with the receipt by the importer's own reading
 * (scheduleFromReceipt), their milestones revised by a re-import's rules, and
 * their reminders planned again, in one transaction. Coordinators only.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { milestones, organizations, plans, taskUnits, tasks } from "../../../db/schema.js";
import { formatVietnameseDate, type IsoDate, parseIsoDate } from "../../domain/calendar/index.js";
import {
  awaitsReceipt,
  deadlineReadingOf,
  type DocumentDates,
  receiptProblem,
  type Schedule,
  scheduleFromReceipt,
} from "../../domain/deadline/index.js";
import { isClosed } from "../../domain/milestones/index.js";
import { documentSourceName, localDay } from "../../domain/planning/index.js";
import { personIdOf, type Principal, type Refused, refusedFor, requireAccess, requireReadable } from "../access.js";
import { recordEvent } from "../events/outbox.js";
import { writeMilestoneRevision } from "../import-plan.js";
import { type SendSlot, syncReminders } from "../reminders/sync-reminders.js";
import { milestoneRevision } from "./plan-revision.js";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** A task whose deadline counts from the receipt, with its due days now. */
export interface ReceiptTask {
  taskId: string;
  section: string | null;
  stt: string | null;
  title: string;
  dues: IsoDate[];
}

export interface ReceiptSet {
  kind: "received";
  planId: string;
  /** "Thông báo số 45/TB-TTr ngày 02/12/2026 của …", or the plan's title. */
  document: string;
  receivedOn: IsoDate;
  /** The day stored before; null the first time. */
  previous: IsoDate | null;
  tasks: ReceiptTask[];
  slots: SendSlot[];
}

export type ReceiptRefusal = Refused<"not-found" | "not-allowed">;

/**
 * Sets (or corrects) the day `planId`'s document was received and gives every
 * task counted from it its dates: a day before the document's date or after
 * the office's today is refused, nothing changed. Completions, evidence and
 * progress stay; a milestone whose due moved is told to its lead units
 * (`deadline.moved`) like any date set in review.
 */
export async function setReceivedOn(
  db: Database,
  principal: Principal,
  request: { planId: string; receivedOn: IsoDate; now: Date },
): Promise<ReceiptRefusal | ReceiptSet> {
  const { planId, receivedOn, now } = request;
  if (!parseIsoDate(receivedOn)) return refusedFor("date-invalid");
  return db.transaction(async (tx): Promise<ReceiptRefusal | ReceiptSet> => {
    const [row] = await tx
      .select({ plan: plans, timeZone: organizations.timeZone })
      .from(plans)
      .innerJoin(organizations, eq(organizations.id, plans.organizationId))
      .where(eq(plans.id, planId))
      .for("update", { of: plans });
    if (!row) return { kind: "not-found" };
    const { plan } = row;
    // Another organization's document does not exist for this person; their own without the role is refused.
    if (requireReadable(principal, plan.organizationId)?.kind === "not-found") return { kind: "not-found" };
    const refused = requireAccess(principal, "organization.coordinate", { organizationId: plan.organizationId });
    if (refused) return refused;
    const problem = receiptProblem(receivedOn, plan.issuedOn, localDay(now, row.timeZone));
    if (problem === "before-issued") return refusedFor("received-before-issued", formatVietnameseDate(plan.issuedOn!));
    if (problem === "in-future") return refusedFor("received-in-future", formatVietnameseDate(receivedOn));
    await tx.update(plans).set({ receivedOn, updatedAt: now }).where(eq(plans.id, plan.id));
    const document: DocumentDates = {
      reading: deadlineReadingOf(plan.kind),
      year: plan.year,
      period: { start: plan.periodStart, end: plan.periodEnd },
      issuedOn: plan.issuedOn,
      receivedOn,
    };
    const affected = await rescheduleTasks(tx, plan.id, document, now);
    await reviseAndTell(tx, principal, plan.organizationId, affected, { receivedOn, previous: plan.receivedOn, now });
    const slots = await syncReminders(tx, plan.organizationId, now, { planId: plan.id });
    return {
      kind: "received",
      planId: plan.id,
      document: documentSourceName(plan) ?? plan.title,
      receivedOn,
      previous: plan.receivedOn,
      tasks: await duesOf(tx, affected),
      slots,
    };
  });
}

interface Affected {
  task: { id: string; section: string | null; stt: string | null; title: string };
  schedule: Schedule;
}

/** The live tasks of the plan counted from the receipt, each with its schedule read again and stored. */
async function rescheduleTasks(tx: Transaction, planId: string, document: DocumentDates, now: Date) {
  const live = await tx
    .select({
      id: tasks.id,
      section: tasks.section,
      stt: tasks.stt,
      title: tasks.title,
      deadlineTexts: tasks.deadlineTexts,
      schedule: tasks.schedule,
    })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedAt)))
    .orderBy(asc(tasks.position));
  const affected: Affected[] = [];
  for (const task of live) {
    const schedule = scheduleFromReceipt(task.deadlineTexts, document);
    if (schedule === null) continue;
    affected.push({ task, schedule });
    if (JSON.stringify(schedule) !== JSON.stringify(task.schedule)) {
      await tx.update(tasks).set({ schedule, updatedAt: now }).where(eq(tasks.id, task.id));
    }
  }
  return affected;
}

/**
 * Revises the affected tasks' milestones by a re-import's rules (locked, so a
 * completion made meanwhile is not written over) and records a
 * `deadline.moved` for each live one whose due moved.
 */
async function reviseAndTell(
  tx: Transaction,
  principal: Principal,
  organizationId: string,
  affected: Affected[],
  change: { receivedOn: IsoDate; previous: IsoDate | null; now: Date },
): Promise<void> {
  if (affected.length === 0) return;
  const taskIds = affected.map((a) => a.task.id);
  const stored = await tx.select().from(milestones).where(inArray(milestones.taskId, taskIds)).for("update");
  const revision = milestoneRevision(
    affected.map(({ task, schedule }) => ({
      taskId: task.id,
      schedule,
      milestones: stored.filter((m) => m.taskId === task.id),
    })),
    change.now,
    "receipt",
  );
  // Each event says which receipt moved it, for the milestone's history.
  for (const milestoneChange of revision.milestoneChanges) {
    for (const event of milestoneChange.events) {
      event.details = { ...event.details, receivedOn: change.receivedOn, previousReceivedOn: change.previous };
    }
  }
  const byPersonId = personIdOf(principal);
  await writeMilestoneRevision(tx, organizationId, revision, byPersonId);
  const leads = await tx
    .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId })
    .from(taskUnits)
    .where(and(inArray(taskUnits.taskId, taskIds), eq(taskUnits.relation, "lead")));
  for (const milestoneChange of revision.milestoneChanges) {
    const before = stored.find((m) => m.id === milestoneChange.id);
    const to = milestoneChange.set.due;
    if (!before || !to || to === before.due || isClosed(milestoneChange.set.state)) continue;
    const unitIds = leads.filter((l) => l.taskId === before.taskId).map((l) => l.unitId);
    const event = { milestoneId: before.id, byPersonId, unitIds, from: before.due, to, alreadyToldPersonId: null };
    await recordEvent(tx, organizationId, { type: "deadline.moved", ...event }, change.now);
  }
}

/** The affected tasks with the due days their milestones have now. */
async function duesOf(tx: Transaction, affected: Affected[]): Promise<ReceiptTask[]> {
  if (affected.length === 0) return [];
  const rows = await tx
    .select({ taskId: milestones.taskId, due: milestones.due, state: milestones.state })
    .from(milestones)
    .where(
      inArray(
        milestones.taskId,
        affected.map((a) => a.task.id),
      ),
    )
    .orderBy(asc(milestones.milestoneKey));
  return affected.map(({ task }) => ({
    taskId: task.id,
    section: task.section,
    stt: task.stt,
    title: task.title,
    dues: rows.flatMap((r) => (r.taskId === task.id && r.state !== "cancelled" && r.due !== null ? [r.due] : [])),
  }));
}

/** A document with tasks counted from its receipt while the day is not set. */
export interface DocumentAwaitingReceipt {
  planId: string;
  /** "Thông báo số 45/TB-TTr ngày 02/12/2026 của …", or the plan's title. */
  document: string;
  issuedOn: IsoDate | null;
  /** Its tasks waiting for the day. */
  tasks: number;
}

/** The live tasks of an organization waiting for their document's day of receipt, and how many per plan. */
export interface ReceiptWaits {
  taskIds: Set<string>;
  byPlan: Map<string, number>;
}

/**
 * The organization's live tasks waiting for the day of receipt (awaitsReceipt):
 * the register shows the form, the review asks for the day instead of a date per task.
 */
export async function receiptWaits(db: Database, organizationId: string): Promise<ReceiptWaits> {
  // The database narrows to counted deadlines; the domain rule decides which of them wait.
  const rows = await db
    .select({ taskId: tasks.id, planId: tasks.planId, schedule: tasks.schedule })
    .from(tasks)
    .where(
      and(
        eq(tasks.organizationId, organizationId),
        isNull(tasks.removedAt),
        sql`${tasks.schedule} -> 'counted' is not null`,
      ),
    );
  const waits: ReceiptWaits = { taskIds: new Set(), byPlan: new Map() };
  for (const row of rows) {
    if (!awaitsReceipt(row.schedule)) continue;
    waits.taskIds.add(row.taskId);
    waits.byPlan.set(row.planId, (waits.byPlan.get(row.planId) ?? 0) + 1);
  }
  return waits;
}

/** The organization's documents whose tasks wait for the day of receipt, oldest first. Coordinators only. */
export async function documentsAwaitingReceipt(
  db: Database,
  principal: Principal,
  organizationId: string,
  /** The waits when the caller read them already (the review). */
  known?: ReceiptWaits,
): Promise<Refused<"not-allowed"> | { kind: "ok"; documents: DocumentAwaitingReceipt[] }> {
  const refused = requireAccess(principal, "organization.coordinate", { organizationId });
  if (refused) return refused;
  const { byPlan: waits } = known ?? (await receiptWaits(db, organizationId));
  if (waits.size === 0) return { kind: "ok", documents: [] };
  const rows = await db
    .select()
    .from(plans)
    .where(and(eq(plans.organizationId, organizationId), inArray(plans.id, [...waits.keys()])))
    .orderBy(asc(plans.createdAt));
  return {
    kind: "ok",
    documents: rows.map((plan) => ({
      planId: plan.id,
      document: documentSourceName(plan) ?? plan.title,
      issuedOn: plan.issuedOn,
      tasks: waits.get(plan.id) ?? 0,
    })),
  };
}
