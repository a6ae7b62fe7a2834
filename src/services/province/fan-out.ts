/**
 * A province's task whose lead is the communes ("UBND các xã, phường", "UBND
 * cấp xã", named communes, a group the province defined) becomes one linked task in each commune's register:
 * the province's deadline and source, no lead unit until the commune's
 * coordinators choose one (they hear of it through the outbox). Fanning out
 * again reaches only the communes that have no copy yet. The leads are all
 * read before anything is written: a lead naming a group the province has not
 * defined refuses the whole fan-out, naming the task and the group.
 */
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { milestones, organizations, plans, taskUnits, tasks } from "../../../db/schema.js";
import type { WorkingCalendar } from "../../domain/calendar/index.js";
import { planningContextOf } from "../../domain/planning/index.js";
import { type CommuneGroup, type CommuneRef, readCommuneLead } from "../../domain/units/index.js";
import { loadWorkingCalendar } from "../calendar.js";
import { hasAccess, personIdOf, type Principal, type Refused, refusedFor, requireReadable } from "../access.js";
import { recordEvent } from "../events/outbox.js";
import { type SendSlot, syncReminders } from "../reminders/sync-reminders.js";
import { taskNumber } from "../reminders/compose-message.js";
import { communeGroupsOf } from "./commune-groups.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type TaskRow = typeof tasks.$inferSelect;
type PlanRow = typeof plans.$inferSelect;

export interface FanOutResult {
  kind: "fanned-out";
  /** Nothing was written: `reached` are the communes that would get a copy. */
  dryRun: boolean;
  /** Communes that got a copy now, once per task. */
  reached: string[];
  /** Communes that already had one, once per task. */
  already: string[];
  /** Names in the leads that match no commune under the province. */
  unknown: string[];
  /** How many tasks reached communes (or had reached them). */
  tasks: number;
  /** Each task whose lead is the communes or names one, in plan order. */
  perTask: TaskFanOut[];
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

/** A task as a person finds it in the plan: "II.3 Rà soát thủ tục…". */
export interface TaskLabel {
  id: string;
  /** Its number in the plan ("II.3"), empty when it has none. */
  number: string;
  title: string;
}

/** One task's fan-out: the communes that got a copy (or would, on a dry run), had one, or were not found. */
export interface TaskFanOut {
  task: TaskLabel;
  reached: string[];
  already: string[];
  /** Names in the lead that match no commune under the province. */
  unknown: string[];
}

/** A lead naming a group the province has not defined: nothing is written, the task and the group are named. */
export type GroupUnknown = Refused<"not-found"> & { reason: "group-unknown"; subject: string; task: TaskLabel };

export interface FanOutOptions {
  /** Work out who would get a copy, and write nothing. */
  dryRun?: boolean;
}

type Source = { task: TaskRow; plan: PlanRow };
type Target = TaskFanOut & { source: Source };
type ProvinceCommunes = { communes: CommuneRef[]; groups: CommuneGroup[] };

const labelOf = (task: TaskRow): TaskLabel => ({
  id: task.id,
  number: taskNumber(task.section, task.stt),
  title: task.title,
});

/** The communes under the province the principal may give work to, and the province's groups. */
async function provinceCommunes(
  db: Database,
  principal: Principal,
  provinceId: string,
): Promise<Refused<"not-allowed"> | ProvinceCommunes> {
  const communes = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.parentId, provinceId))
    .orderBy(asc(organizations.name));
  const assignable = communes.filter((c) => hasAccess(principal, "organization.assign", { organizationId: c.id }));
  if (communes.length > 0 && assignable.length === 0) return { kind: "not-allowed" };
  return { communes: assignable, groups: await communeGroupsOf(db, provinceId) };
}

/** Whom each task's lead names, read before anything is written: one unknown group refuses them all. */
async function resolveTargets(
  db: Database,
  principal: Principal,
  sources: readonly Source[],
): Promise<Refused<"not-found" | "not-allowed"> | GroupUnknown | Target[]> {
  const ofProvince = new Map<string, ProvinceCommunes>();
  const targets: Target[] = [];
  for (const source of sources) {
    const provinceId = source.task.organizationId;
    const refused = requireReadable(principal, provinceId);
    if (refused) return refused;
    let province = ofProvince.get(provinceId);
    if (!province) {
      const read = await provinceCommunes(db, principal, provinceId);
      if ("kind" in read) return read;
      province = read;
      ofProvince.set(provinceId, province);
    }
    const lead = readCommuneLead(await leadTextOf(db, source.task), province.communes, province.groups);
    const [group] = lead.kind === "named" ? lead.unknownGroups : [];
    if (group !== undefined) return { ...refusedFor("group-unknown", group), task: labelOf(source.task) };
    const communeIds =
      lead.kind === "all" ? province.communes.map((c) => c.id) : lead.kind === "named" ? lead.communeIds : [];
    const unknown = lead.kind === "named" ? lead.unknown : [];
    targets.push({ source, task: labelOf(source.task), reached: communeIds, already: [], unknown });
  }
  return targets;
}

/** The communes among `communeIds` that have a copy of the task already. */
async function communesWithCopy(db: Database, taskId: string, communeIds: string[]): Promise<Set<string>> {
  if (communeIds.length === 0) return new Set();
  const copies = await db
    .select({ organizationId: tasks.organizationId })
    .from(tasks)
    .where(and(eq(tasks.sourceTaskId, taskId), inArray(tasks.organizationId, communeIds)));
  return new Set(copies.map((c) => c.organizationId));
}

/** The copies of the tasks, in one transaction, without planning their reminders: the callers plan each commune's once. */
async function fanOutCopies(
  db: Database,
  principal: Principal,
  sources: readonly Source[],
  now: Date,
  options: FanOutOptions,
): Promise<Refused<"not-found" | "not-allowed"> | GroupUnknown | TaskFanOut[]> {
  const targets = await resolveTargets(db, principal, sources);
  if (!Array.isArray(targets)) return targets;
  const byPersonId = personIdOf(principal);
  const settle = (target: Target, reached: string[]): TaskFanOut => ({
    task: target.task,
    reached,
    already: target.reached.filter((id) => !reached.includes(id)),
    unknown: target.unknown,
  });
  if (options.dryRun) {
    const results: TaskFanOut[] = [];
    for (const target of targets) {
      const had = await communesWithCopy(db, target.task.id, target.reached);
      results.push(
        settle(
          target,
          target.reached.filter((id) => !had.has(id)),
        ),
      );
    }
    return results;
  }
  return db.transaction(async (tx) => {
    const results: TaskFanOut[] = [];
    for (const target of targets) {
      const reached = await copyTask(tx, { ...target.source, byPersonId }, target.reached, now);
      results.push(settle(target, reached));
    }
    return results;
  });
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

/** The fan-outs of some tasks as one answer: each task whose lead is the communes, and the sums. */
async function answer(db: Database, perTask: TaskFanOut[], now: Date, options: FanOutOptions): Promise<FanOutResult> {
  const named = perTask.filter((t) => t.reached.length + t.already.length + t.unknown.length > 0);
  const reached = named.flatMap((t) => t.reached);
  return {
    kind: "fanned-out",
    dryRun: options.dryRun === true,
    reached,
    already: named.flatMap((t) => t.already),
    unknown: [...new Set(named.flatMap((t) => t.unknown))],
    tasks: named.filter((t) => t.reached.length + t.already.length > 0).length,
    perTask: named,
    slots: options.dryRun ? [] : await planCommuneReminders(db, reached, now),
  };
}

export type FanOutAnswer = Refused<"not-found" | "not-allowed"> | GroupUnknown | FanOutResult;

/** The live tasks matching `where`, with their plans, in the order of the plans and of the rows. */
function sourcesWhere(db: Database, where: SQL | undefined): Promise<Source[]> {
  return db
    .select({ task: tasks, plan: plans })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(isNull(tasks.removedAt), where))
    .orderBy(asc(plans.createdAt), asc(tasks.position));
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
  options: FanOutOptions = {},
): Promise<FanOutAnswer> {
  const sources = await sourcesWhere(db, eq(tasks.id, taskId));
  if (sources.length === 0) return { kind: "not-found" };
  const perTask = await fanOutCopies(db, principal, sources, now, options);
  return Array.isArray(perTask) ? answer(db, perTask, now, options) : perTask;
}

/** Every task of the province's plan or directive `planId` fanned out: the same as one task, for each, all or none. */
export async function fanOutPlan(
  db: Database,
  principal: Principal,
  planId: string,
  now: Date,
  options: FanOutOptions = {},
): Promise<FanOutAnswer> {
  const [plan] = await db.select({ organizationId: plans.organizationId }).from(plans).where(eq(plans.id, planId));
  if (!plan) return { kind: "not-found" };
  const refused = requireReadable(principal, plan.organizationId);
  if (refused) return refused;
  const perTask = await fanOutCopies(db, principal, await sourcesWhere(db, eq(tasks.planId, planId)), now, options);
  return Array.isArray(perTask) ? answer(db, perTask, now, options) : perTask;
}

/**
 * Every task of every document of the organization `organizationSlug` fanned out (the command
 * line's `fanout --org`), all or none; with `taskId`, that one task of the organization only.
 */
export async function fanOutOrganization(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  now: Date,
  options: FanOutOptions & { taskId?: string } = {},
): Promise<FanOutAnswer> {
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, organizationSlug));
  if (!organization) return { kind: "not-found" };
  const refused = requireReadable(principal, organization.id);
  if (refused) return refused;
  const ofOrganization = eq(tasks.organizationId, organization.id);
  const { taskId } = options;
  const sources = await sourcesWhere(db, taskId ? and(ofOrganization, eq(tasks.id, taskId)) : ofOrganization);
  if (taskId && sources.length === 0) return { kind: "not-found" };
  const perTask = await fanOutCopies(db, principal, sources, now, options);
  return Array.isArray(perTask) ? answer(db, perTask, now, options) : perTask;
}
