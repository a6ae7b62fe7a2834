/**
 * A province's task whose lead is the communes ("UBND các xã, phường", "UBND
 * cấp xã", named communes) becomes one linked task in each commune's register:
 * the province's deadline and source, no lead unit until the commune's
 * coordinators choose one (they hear of it through the outbox). Fanning out
 * again reaches only the communes that have no copy yet.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { milestones, organizations, plans, taskUnits, tasks } from "../../../db/schema.js";
import type { WorkingCalendar } from "../../domain/calendar/index.js";
import { planningContextOf } from "../../domain/planning/index.js";
import { readCommuneLead } from "../../domain/units/index.js";
import { loadWorkingCalendar } from "../calendar.js";
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

/** The communes' copies of the province's document, made once each: their registers show the province's source. */
async function communePlans(tx: Tx, communeIds: string[], plan: PlanRow, now: Date): Promise<Map<string, string>> {
  const planKey = `province:${plan.id}`;
  const existing = await tx
    .select({ id: plans.id, organizationId: plans.organizationId })
    .from(plans)
    .where(and(inArray(plans.organizationId, communeIds), eq(plans.planKey, planKey)));
  const planOf = new Map(existing.map((p) => [p.organizationId, p.id]));
  const missing = communeIds.filter((id) => !planOf.has(id));
  if (missing.length > 0) {
    const { title, issuer, year, periodStart, periodEnd, kind, number, issuedOn, summary } = plan;
    const identity = { title, issuer, year, periodStart, periodEnd, kind, number, issuedOn, summary };
    const created = await tx
      .insert(plans)
      .values(
        missing.map((organizationId) => ({ ...identity, organizationId, planKey, createdAt: now, updatedAt: now })),
      )
      .returning({ id: plans.id, organizationId: plans.organizationId });
    for (const p of created) planOf.set(p.organizationId, p.id);
  }
  return planOf;
}

/** Each commune's copy of `task` with its milestones, in a few statements for all; the communes that got one now. */
async function copyTask(
  tx: Tx,
  source: { task: TaskRow; plan: PlanRow; byPersonId: string | null },
  communeIds: string[],
  now: Date,
): Promise<string[]> {
  const { task, plan } = source;
  if (communeIds.length === 0) return [];
  const planOf = await communePlans(tx, communeIds, plan, now);
  const { section, sectionTitle, stt, title, product, deadlineTexts, schedule, position, source: where } = task;
  const copied = { section, sectionTitle, stt, title, product, deadlineTexts, schedule, position, source: where };
  const copies = await tx
    .insert(tasks)
    .values(
      communeIds.map((organizationId) => ({
        ...copied,
        organizationId,
        planId: planOf.get(organizationId) as string,
        taskKey: `province|${task.id}`,
        sourceTaskId: task.id,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: tasks.id, organizationId: tasks.organizationId });
  if (copies.length === 0) return [];
  const ofSource = await tx.select().from(milestones).where(eq(milestones.taskId, task.id));
  if (ofSource.length > 0) {
    await tx.insert(milestones).values(
      copies.flatMap((copy) =>
        ofSource.map((m) => ({
          organizationId: copy.organizationId,
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
      ),
    );
  }
  const due = ofSource.map((m) => m.due).find((d) => d !== null) ?? null;
  for (const copy of copies) {
    await recordEvent(
      tx,
      copy.organizationId,
      { type: "province.task-assigned", taskId: copy.id, sourceTaskId: task.id, byPersonId: source.byPersonId, due },
      now,
    );
  }
  return copies.map((c) => c.organizationId);
}

/** The copies of one task, without planning their reminders: the callers plan each commune's once. */
async function fanOutCopies(
  db: Database,
  principal: Principal,
  taskId: string,
  now: Date,
): Promise<Refused<"not-found" | "not-allowed"> | Omit<FanOutResult, "slots">> {
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
  const reached = await db.transaction((tx) =>
    copyTask(tx, { ...row, byPersonId: personIdOf(principal) }, targets, now),
  );
  return {
    kind: "fanned-out",
    reached,
    already: targets.filter((id) => !reached.includes(id)),
    unknown: lead.kind === "named" ? lead.unknown : [],
  };
}

/**
 * The copies have no lead yet: their reminders go to each commune's coordinators until one is chosen.
 * Communes with the same days off share one working calendar: its holidays are worked out once, not per commune.
 */
async function planCommuneReminders(db: Database, communeIds: Iterable<string>, now: Date): Promise<SendSlot[]> {
  const ids = [...new Set(communeIds)];
  if (ids.length === 0) return [];
  const communes = await db.select().from(organizations).where(inArray(organizations.id, ids));
  const calendars = new Map<string, WorkingCalendar>();
  const slots: SendSlot[] = [];
  for (const commune of communes) {
    const key = JSON.stringify([commune.extraDaysOff, commune.extraWorkingDays]);
    const calendar = calendars.get(key) ?? (await loadWorkingCalendar(db, commune));
    calendars.set(key, calendar);
    slots.push(...(await syncReminders(db, commune.id, now, { context: planningContextOf(commune, calendar) })));
  }
  return slots;
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
  const result = await fanOutCopies(db, principal, taskId, now);
  if (result.kind !== "fanned-out") return result;
  return { ...result, slots: await planCommuneReminders(db, result.reached, now) };
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
  const total = {
    kind: "fanned-out" as const,
    reached: [] as string[],
    already: [] as string[],
    unknown: [] as string[],
    tasks: 0,
  };
  for (const task of ofPlan) {
    const result = await fanOutCopies(db, principal, task.id, now);
    if (result.kind !== "fanned-out") return result;
    if (result.reached.length + result.already.length > 0) total.tasks++;
    total.reached.push(...result.reached);
    total.already.push(...result.already);
    total.unknown.push(...result.unknown.filter((name) => !total.unknown.includes(name)));
  }
  return { ...total, slots: await planCommuneReminders(db, total.reached, now) };
}
