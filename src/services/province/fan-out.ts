/**
 * A province's task whose lead is the communes ("UBND các xã, phường", "UBND
 * cấp xã", named communes) becomes one linked task in each commune's register:
 * the province's deadline and source, no lead unit until the commune's
 * coordinators choose one (they hear of it through the outbox). Fanning out
 * again reaches only the communes that have no copy yet.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { milestones, organizations, plans, taskUnits, tasks } from "../../../db/schema.js";
import { readCommuneLead } from "../../domain/units/index.js";
import { hasAccess, personIdOf, type Principal, type Refused, requireReadable } from "../access.js";
import { recordEvent } from "../events/outbox.js";
import { type SendSlot, syncReminders } from "../reminders/sync-reminders.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type TaskRow = typeof tasks.$inferSelect;
type PlanRow = typeof plans.$inferSelect;

export interface FanOutResult {
  kind: "fanned-out";
  /** Communes that got a copy now. */
  reached: string[];
  /** Communes that already had one. */
  already: string[];
  /** Names in the lead that match no commune under the province. */
  unknown: string[];
  slots: SendSlot[];
}

/** The lead as the province's plan wrote it: its lead units' names, or the lead the text proposed. */
async function leadTextOf(db: Database, task: TaskRow): Promise<string> {
  const leads = await db
    .select({ name: taskUnits.nameInPlan })
    .from(taskUnits)
    .where(and(eq(taskUnits.taskId, task.id), eq(taskUnits.relation, "lead")));
  return [...leads.map((l) => l.name), ...task.proposedLead].join("; ");
}

/** The commune's copy of the province's document, made once: the commune's register shows the province's source. */
async function communePlan(tx: Tx, communeId: string, plan: PlanRow, now: Date): Promise<string> {
  const planKey = `province:${plan.id}`;
  const [existing] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.organizationId, communeId), eq(plans.planKey, planKey)));
  if (existing) return existing.id;
  const { id: _id, organizationId: _org, createdAt: _c, updatedAt: _u, receivedOn: _r, ...identity } = plan;
  const [created] = await tx
    .insert(plans)
    .values({ ...identity, organizationId: communeId, planKey, createdAt: now, updatedAt: now })
    .returning({ id: plans.id });
  return (created as { id: string }).id;
}

/** One commune's copy of `task` with its milestones; null when it had one already. */
async function copyTask(
  tx: Tx,
  source: { task: TaskRow; plan: PlanRow; byPersonId: string | null },
  communeId: string,
  now: Date,
): Promise<string | null> {
  const { task, plan } = source;
  const planId = await communePlan(tx, communeId, plan, now);
  const [copy] = await tx
    .insert(tasks)
    .values({
      organizationId: communeId,
      planId,
      taskKey: `province|${task.id}`,
      section: task.section,
      sectionTitle: task.sectionTitle,
      stt: task.stt,
      title: task.title,
      product: task.product,
      deadlineTexts: task.deadlineTexts,
      schedule: task.schedule,
      position: task.position,
      source: task.source,
      sourceTaskId: task.id,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  if (!copy) return null;
  const ofSource = await tx.select().from(milestones).where(eq(milestones.taskId, task.id));
  if (ofSource.length > 0) {
    await tx.insert(milestones).values(
      ofSource.map((m) => ({
        organizationId: communeId,
        taskId: copy.id,
        milestoneKey: m.milestoneKey,
        label: m.label,
        appliesTo: m.appliesTo,
        start: m.start,
        due: m.due,
        planStart: m.planStart,
        planDue: m.planDue,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  const due = ofSource.map((m) => m.due).find((d) => d !== null) ?? null;
  await recordEvent(
    tx,
    communeId,
    { type: "province.task-assigned", taskId: copy.id, sourceTaskId: task.id, byPersonId: source.byPersonId, due },
    now,
  );
  return copy.id;
}

/**
 * Fans the province task `taskId` out to the communes its lead names. Those
 * who may assign work to the communes only (the province's coordinators and
 * leaders); a task whose lead is not the communes reaches none.
 */
export async function fanOutTask(
  db: Database,
  principal: Principal,
  taskId: string,
  now: Date,
): Promise<Refused<"not-found" | "not-allowed"> | FanOutResult> {
  const [row] = await db
    .select({ task: tasks, plan: plans })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.id, taskId), isNull(tasks.removedAt)));
  if (!row) return { kind: "not-found" };
  const refused = requireReadable(principal, row.task.organizationId);
  if (refused) return refused;
  const communes = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.parentId, row.task.organizationId))
    .orderBy(asc(organizations.name));
  const assignable = communes.filter((c) => hasAccess(principal, "organization.assign", { organizationId: c.id }));
  if (communes.length > 0 && assignable.length === 0) return { kind: "not-allowed" };
  const lead = readCommuneLead(await leadTextOf(db, row.task), assignable);
  const targets = lead.kind === "all" ? assignable.map((c) => c.id) : lead.kind === "named" ? lead.communeIds : [];
  const reached: string[] = [];
  const already: string[] = [];
  await db.transaction(async (tx) => {
    for (const communeId of targets) {
      const copied = await copyTask(tx, { ...row, byPersonId: personIdOf(principal) }, communeId, now);
      (copied ? reached : already).push(communeId);
    }
  });
  // The copies have no lead yet: their reminders go to each commune's coordinators until one is chosen.
  const slots: SendSlot[] = [];
  for (const communeId of reached) slots.push(...(await syncReminders(db, communeId, now)));
  return { kind: "fanned-out", reached, already, unknown: lead.kind === "named" ? lead.unknown : [], slots };
}

/** Every task of the province's plan or directive `planId` fanned out: the same as one task, for each. */
export async function fanOutPlan(
  db: Database,
  principal: Principal,
  planId: string,
  now: Date,
): Promise<Refused<"not-found" | "not-allowed"> | (FanOutResult & { tasks: number })> {
  const [plan] = await db.select({ organizationId: plans.organizationId }).from(plans).where(eq(plans.id, planId));
  if (!plan) return { kind: "not-found" };
  const refused = requireReadable(principal, plan.organizationId);
  if (refused) return refused;
  const ofPlan = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedAt)))
    .orderBy(asc(tasks.position));
  const total: FanOutResult & { tasks: number } = {
    kind: "fanned-out",
    reached: [],
    already: [],
    unknown: [],
    slots: [],
    tasks: 0,
  };
  for (const task of ofPlan) {
    const result = await fanOutTask(db, principal, task.id, now);
    if (result.kind !== "fanned-out") return result;
    if (result.reached.length + result.already.length > 0) total.tasks++;
    total.reached.push(...result.reached);
    total.already.push(...result.already);
    total.unknown.push(...result.unknown.filter((name) => !total.unknown.includes(name)));
    total.slots.push(...result.slots);
  }
  return total;
}
