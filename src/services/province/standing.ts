/**
 * What a province reads of its communes' copies of its work: one task rolled
 * up ("32/100 xã đã hoàn thành", the late ones and their evidence), the league
 * table of communes, and its own approval of a commune's completion when the
 * province asks for it. Read-only for the communes' data; the domain decides
 * how each copy stands.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { evidenceFiles, milestones, organizations, taskUnits, tasks, units } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import {
  type CommuneTask,
  type CommuneTaskStatus,
  communeTaskStanding,
  copiesDueWithin,
  fieldsOf,
  type LeagueRow,
  leagueTable,
  rollUpTask,
  type TaskRollup,
} from "../../domain/province/index.js";
import { type Principal, type Refused, requireAccess, requireReadable } from "../access.js";

/** A commune's copy with its evidence files' names: what the province opens on a late one. */
/** A commune's copy with its evidence's names and its first milestone (the page a province's reader opens). */
export type CommuneTaskWithEvidence = CommuneTask & { evidence: string[]; milestoneId: string | null };

/**
 * The communes' copies of the province `provinceId`'s tasks (of one task when `sourceTaskId`, of one
 * of the province's documents when `sourcePlanId`).
 */
export async function loadCommuneTasks(
  db: Database,
  provinceId: string,
  options: { sourceTaskId?: string; sourcePlanId?: string; communeId?: string; timeZone: string },
): Promise<CommuneTaskWithEvidence[]> {
  const copies = await db
    .select({
      taskId: tasks.id,
      sourceTaskId: sql<string>`${tasks.sourceTaskId}`,
      organizationId: tasks.organizationId,
      organizationName: organizations.name,
      field: tasks.sectionTitle,
      accepted: sql<boolean>`${tasks.upstreamAcceptedAt} is not null`,
    })
    .from(tasks)
    .innerJoin(organizations, eq(organizations.id, tasks.organizationId))
    .where(
      and(
        eq(organizations.parentId, provinceId),
        isNotNull(tasks.sourceTaskId),
        isNull(tasks.removedAt),
        options.sourceTaskId ? eq(tasks.sourceTaskId, options.sourceTaskId) : undefined,
        options.communeId ? eq(tasks.organizationId, options.communeId) : undefined,
        options.sourcePlanId
          ? sql`${tasks.sourceTaskId} in (select id from tasks where plan_id = ${options.sourcePlanId})`
          : undefined,
      ),
    )
    .orderBy(asc(organizations.name));
  if (copies.length === 0) return [];
  const taskIds = copies.map((c) => c.taskId);
  const milestoneRows = await db
    .select({
      id: milestones.id,
      taskId: milestones.taskId,
      state: milestones.state,
      due: milestones.due,
      completedOn: sql<string | null>`(${milestones.completedAt} at time zone ${options.timeZone})::date::text`,
    })
    .from(milestones)
    .where(inArray(milestones.taskId, taskIds))
    .orderBy(asc(milestones.milestoneKey));
  const evidenceRows = await db
    .select({ taskId: milestones.taskId, fileName: evidenceFiles.fileName })
    .from(evidenceFiles)
    .innerJoin(milestones, eq(milestones.id, evidenceFiles.milestoneId))
    .where(inArray(milestones.taskId, taskIds))
    .orderBy(asc(evidenceFiles.createdAt));
  const leadRows = await db
    .select({ taskId: taskUnits.taskId, name: units.name })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(inArray(taskUnits.taskId, taskIds), eq(taskUnits.relation, "lead")));
  return copies.map((copy) => {
    const evidence = evidenceRows.filter((e) => e.taskId === copy.taskId).map((e) => e.fileName);
    return {
      ...copy,
      milestones: milestoneRows
        .filter((m) => m.taskId === copy.taskId)
        .map(({ state, due, completedOn }) => ({ state, due, completedOn })),
      milestoneId: milestoneRows.find((m) => m.taskId === copy.taskId)?.id ?? null,
      evidence,
      evidenceCount: evidence.length,
      lead: leadRows.find((l) => l.taskId === copy.taskId)?.name ?? null,
    };
  });
}

async function provinceOf(db: Database, provinceId: string) {
  const [province] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      timeZone: organizations.timeZone,
      approves: organizations.approvesChildCompletions,
    })
    .from(organizations)
    .where(eq(organizations.id, provinceId));
  return province ?? null;
}

export interface TaskRollupView extends TaskRollup {
  kind: "ok";
  title: string;
  provinceApproves: boolean;
  communes: Array<TaskRollup["communes"][number] & { evidence: string[] }>;
}

/** The province task `sourceTaskId` across its communes, on `today`. */
export async function loadTaskRollup(
  db: Database,
  principal: Principal,
  sourceTaskId: string,
  today: IsoDate,
): Promise<Refused<"not-found" | "not-allowed"> | TaskRollupView> {
  const [task] = await db
    .select({ organizationId: tasks.organizationId, title: tasks.title })
    .from(tasks)
    .where(eq(tasks.id, sourceTaskId));
  if (!task) return { kind: "not-found" };
  const refused = requireReadable(principal, task.organizationId);
  if (refused) return refused;
  const province = await provinceOf(db, task.organizationId);
  if (!province) return { kind: "not-found" };
  const copies = await loadCommuneTasks(db, province.id, { sourceTaskId, timeZone: province.timeZone });
  const rollup = rollUpTask(copies, today, province.approves);
  const evidenceOf = new Map(copies.map((c) => [c.taskId, c.evidence]));
  return {
    kind: "ok",
    title: task.title,
    provinceApproves: province.approves,
    ...rollup,
    communes: rollup.communes.map((c) => ({ ...c, evidence: evidenceOf.get(c.taskId) ?? [] })),
  };
}

/** One province task across its communes, in a line: "32/100 xã đã hoàn thành". */
export interface ProvinceTaskLine {
  sourceTaskId: string;
  title: string;
  done: number;
  total: number;
  late: number;
  /** The communes late on it (overdue now or finished late), latest first: the roll-up's own list. */
  lateCommunes: Array<{
    organizationId: string;
    organizationName: string;
    status: CommuneTaskStatus;
    daysLate: number;
  }>;
}

/** Which of the province's work a league reads: one field of reform, the milestones due within a period, one document. */
export interface LeagueOptions {
  field?: string | undefined;
  within?: { from: IsoDate; to: IsoDate } | undefined;
  /** One of the province's documents (a plan id): the copies of its tasks only. */
  sourcePlanId?: string | undefined;
}

export interface LeagueView {
  kind: "ok";
  provinceName: string;
  provinceSlug: string;
  provinceApproves: boolean;
  fields: string[];
  rows: LeagueRow[];
  tasks: ProvinceTaskLine[];
}

async function taskLines(
  db: Database,
  copies: readonly CommuneTask[],
  today: IsoDate,
  approves: boolean,
): Promise<ProvinceTaskLine[]> {
  const ids = [...new Set(copies.map((c) => c.sourceTaskId))];
  if (ids.length === 0) return [];
  const titles = await db
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(inArray(tasks.id, ids))
    .orderBy(asc(tasks.position));
  return titles.map((task) => {
    const rollup = rollUpTask(
      copies.filter((c) => c.sourceTaskId === task.id),
      today,
      approves,
    );
    return {
      sourceTaskId: task.id,
      title: task.title,
      done: rollup.done,
      total: rollup.total,
      late: rollup.late.length,
      lateCommunes: rollup.late.map((c) => ({
        organizationId: c.organizationId,
        organizationName: c.organizationName,
        status: c.status,
        daysLate: c.daysLate,
      })),
    };
  });
}

/** The province's communes ranked on its work (of one field, period or document when `options` say), on `today`. */
export async function loadLeague(
  db: Database,
  principal: Principal,
  provinceId: string,
  today: IsoDate,
  options: LeagueOptions = {},
): Promise<Refused<"not-found" | "not-allowed"> | LeagueView> {
  const refused = requireReadable(principal, provinceId);
  if (refused) return refused;
  const province = await provinceOf(db, provinceId);
  if (!province) return { kind: "not-found" };
  const { field, within, sourcePlanId } = options;
  const all = await loadCommuneTasks(db, province.id, {
    timeZone: province.timeZone,
    ...(sourcePlanId ? { sourcePlanId } : {}),
  });
  const copies = within ? copiesDueWithin(all, within.from, within.to) : all;
  return {
    kind: "ok",
    provinceName: province.name,
    provinceSlug: province.slug,
    provinceApproves: province.approves,
    fields: fieldsOf(copies),
    rows: leagueTable(copies, today, province.approves, field),
    tasks: await taskLines(
      db,
      field === undefined ? copies : copies.filter((c) => c.field === field),
      today,
      province.approves,
    ),
  };
}

export interface CommuneDrillDown {
  kind: "ok";
  communeName: string;
  tasks: Array<CommuneTaskWithEvidence & ReturnType<typeof communeTaskStanding> & { title: string }>;
}

/** One commune's copies of the province's work: the league table's drill-down. */
export async function loadCommuneWork(
  db: Database,
  principal: Principal,
  provinceId: string,
  communeId: string,
  today: IsoDate,
): Promise<Refused<"not-found" | "not-allowed"> | CommuneDrillDown> {
  const refused = requireReadable(principal, provinceId) ?? requireReadable(principal, communeId);
  if (refused) return refused;
  const province = await provinceOf(db, provinceId);
  const [commune] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, communeId), eq(organizations.parentId, provinceId)));
  if (!province || !commune) return { kind: "not-found" };
  const copies = await loadCommuneTasks(db, province.id, { communeId, timeZone: province.timeZone });
  const titles = await db
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(eq(tasks.organizationId, communeId));
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  return {
    kind: "ok",
    communeName: commune.name,
    tasks: copies.map((copy) => ({
      ...copy,
      ...communeTaskStanding(copy, today, province.approves),
      title: titleOf.get(copy.taskId) ?? "",
    })),
  };
}

/**
 * The province's own approval of a commune's completed copy, when the province
 * asks for it. The commune decided first: a copy not yet done is "stale".
 */
export async function acceptCommuneCompletion(
  db: Database,
  principal: Principal,
  communeTaskId: string,
  now: Date,
): Promise<Refused<"not-found" | "not-allowed" | "stale"> | { kind: "accepted" }> {
  const [task] = await db
    .select({ organizationId: tasks.organizationId, sourceTaskId: tasks.sourceTaskId })
    .from(tasks)
    .where(eq(tasks.id, communeTaskId));
  if (!task?.sourceTaskId) return { kind: "not-found" };
  const refused =
    requireReadable(principal, task.organizationId) ??
    requireAccess(principal, "organization.assign", { organizationId: task.organizationId });
  if (refused) return refused;
  const states = await db
    .select({ state: milestones.state })
    .from(milestones)
    .where(eq(milestones.taskId, communeTaskId));
  const live = states.filter((s) => s.state !== "cancelled");
  if (live.length === 0 || live.some((s) => s.state !== "done")) return { kind: "stale" };
  await db
    .update(tasks)
    .set({ upstreamAcceptedAt: now })
    .where(and(eq(tasks.id, communeTaskId), isNull(tasks.upstreamAcceptedAt)));
  return { kind: "accepted" };
}
