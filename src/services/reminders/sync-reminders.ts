import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { milestones, plans, reminders, taskUnits, tasks } from "../../../db/schema.js";
import { CHASED_STATES } from "../../domain/milestones/index.js";
import type { PlanningContext } from "../../domain/planning/index.js";
import { type PlannableMilestone, planReminders } from "../../domain/reminders/index.js";
import { loadPlanningContext } from "../planning/planning-context.js";

/** A row to wake the dispatcher for: one per organization and minute. */
export interface SendSlot {
  organizationId: string;
  fireAt: Date;
}

/** The reminder rows the current version of one milestone needs, one per audience (and lead unit). */
export function reminderRowsFor(
  milestone: Pick<typeof milestones.$inferSelect, "id" | "organizationId" | "start" | "due" | "state" | "version"> & {
    scheduleKind: string;
    period: { start: string; end: string };
  },
  leadUnitIds: string[],
  planning: PlanningContext & { now: Date },
  supportUnitIds: string[] = [],
): Array<typeof reminders.$inferInsert> {
  const plannable: PlannableMilestone = {
    kind: milestone.due !== null ? "dated" : milestone.scheduleKind === "ongoing" ? "ongoing" : "needs-date",
    start: milestone.start,
    due: milestone.due,
    state: milestone.state,
    period: milestone.period,
  };
  const rows: Array<typeof reminders.$inferInsert> = [];
  for (const send of planReminders(plannable, planning, planning.now)) {
    for (const audience of send.audience) {
      const base = {
        organizationId: milestone.organizationId,
        milestoneId: milestone.id,
        milestoneVersion: milestone.version,
        kind: send.kind,
        fireAt: new Date(send.at),
      };
      if (audience === "coordinators" || (audience === "unit" && leadUnitIds.length === 0)) {
        // A task nobody leads yet is chased through the coordinators, who must assign it.
        rows.push({ ...base, audienceRole: "coordinator", audienceUnitId: null });
      } else if (audience === "chairman") rows.push({ ...base, audienceRole: "chairman", audienceUnitId: null });
      else if (audience === "supporting") {
        // A unit both leading and supporting is reminded as the lead, once.
        for (const unitId of supportUnitIds.filter((id) => !leadUnitIds.includes(id)))
          rows.push({ ...base, audienceRole: "member", audienceUnitId: unitId });
      } else for (const unitId of leadUnitIds) rows.push({ ...base, audienceRole: "member", audienceUnitId: unitId });
    }
  }
  return rows;
}

/**
 * Makes the reminder rows of an organization match its milestones as they are
 * now: every send planReminders gives for the current version of each active
 * milestone exists once (inserting twice adds nothing), and planned rows of an
 * old version, or of a milestone now done or cancelled, are cancelled. Returns
 * the slots of the rows it wants, for the queue.
 */
export async function syncReminders(
  db: Database,
  organizationId: string,
  now: Date,
  options: {
    /** The organization's planning context when the caller has it (many communes sharing one calendar). */
    context?: PlanningContext;
    /**
     * Only this plan's milestones: what an import changed. Without it a province importing its
     * hundredth plan would replan the ninety-nine before it (each import costing more than the last).
     */
    planId?: string;
  } = {},
): Promise<SendSlot[]> {
  const context = options.context ?? (await loadPlanningContext(db, organizationId));
  const ofPlan = options.planId === undefined ? undefined : eq(tasks.planId, options.planId);
  if (!context) return [];
  const rows = await db
    .select({
      milestone: milestones,
      schedule: tasks.schedule,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      taskId: tasks.id,
    })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(milestones.organizationId, organizationId), isNull(tasks.removedAt), ofPlan));
  const taskUnitRows = await db
    .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, relation: taskUnits.relation })
    .from(taskUnits)
    .where(eq(taskUnits.organizationId, organizationId));
  const leadUnitsOf = new Map<string, string[]>();
  const supportUnitsOf = new Map<string, string[]>();
  for (const row of taskUnitRows) {
    const byTask = row.relation === "lead" ? leadUnitsOf : supportUnitsOf;
    byTask.set(row.taskId, [...(byTask.get(row.taskId) ?? []), row.unitId]);
  }

  const wanted: Array<typeof reminders.$inferInsert> = [];
  for (const row of rows) {
    wanted.push(
      ...reminderRowsFor(
        { ...row.milestone, scheduleKind: row.schedule.kind, period: { start: row.periodStart, end: row.periodEnd } },
        leadUnitsOf.get(row.taskId) ?? [],
        { ...context, now },
        supportUnitsOf.get(row.taskId) ?? [],
      ),
    );
  }
  const slots = new Map<string, SendSlot>();
  // Rows already planned conflict and are skipped; their slot is queued again, which the job id makes harmless.
  // One statement per 20,000 rows, the rows passed as a single JSON parameter: Postgres caps a
  // statement at 65,535 parameters, and JSON reads the same under postgres-js and PGlite.
  for (let i = 0; i < wanted.length; i += 20_000) {
    const batch = wanted.slice(i, i + 20_000).map((r) => ({
      organization_id: r.organizationId,
      milestone_id: r.milestoneId,
      milestone_version: r.milestoneVersion,
      kind: r.kind,
      audience_role: r.audienceRole,
      audience_unit_id: r.audienceUnitId ?? null,
      fire_at: r.fireAt.toISOString(),
    }));
    await db.execute(sql`
      insert into reminders (organization_id, milestone_id, milestone_version, kind, audience_role, audience_unit_id, fire_at)
      select organization_id, milestone_id, milestone_version, kind, audience_role, audience_unit_id, fire_at
      from json_to_recordset(${JSON.stringify(batch)}::json) as planned(
        organization_id uuid, milestone_id uuid, milestone_version int, kind reminder_kind,
        audience_role role, audience_unit_id uuid, fire_at timestamptz)
      on conflict do nothing`);
  }
  for (const row of wanted) slots.set(String(row.fireAt.getTime()), { organizationId, fireAt: row.fireAt });
  // Rows planned for a version that moved on, or for milestones no longer chased (isChased), will never fire.
  await db.execute(sql`
    update ${reminders} r set state = 'cancelled'
    from ${milestones} m
    where r.milestone_id = m.id and r.organization_id = ${organizationId} and r.state = 'planned'
      ${options.planId === undefined ? sql`` : sql`and m.task_id in (select id from tasks where plan_id = ${options.planId})`}
      and (r.milestone_version <> m.version or m.state not in (${sql.join(
        CHASED_STATES.map((state) => sql`${state}`),
        sql`, `,
      )}))`);
  return [...slots.values()];
}

/** Organizations that have at least one milestone, for the reconciler. */
export async function organizationsWithMilestones(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organizationId: milestones.organizationId })
    .from(milestones)
    .where(ne(milestones.state, "cancelled"));
  return rows.map((row) => row.organizationId);
}

/** Slots of rows still to send: the future ones, and the ones whose time passed without a send. */
export async function pendingSlots(db: Database, organizationIds?: string[]): Promise<SendSlot[]> {
  const rows = await db
    .selectDistinct({ organizationId: reminders.organizationId, fireAt: reminders.fireAt })
    .from(reminders)
    .where(
      organizationIds
        ? and(inArray(reminders.state, ["planned", "sending"]), inArray(reminders.organizationId, organizationIds))
        : inArray(reminders.state, ["planned", "sending"]),
    );
  return rows;
}

/**
 * After a change of the organization's settings (send time, offsets, steps,
 * days off): the sends still ahead are planned again under the settings as
 * they now are, and nothing already sent is touched. Planned rows whose time
 * has not come are dropped and syncReminders plans the wanted ones; a new send
 * on a day whose send of the same kind to the same audience already went out
 * (the time moved later the same day) is cancelled, so nobody hears it twice,
 * and stays cancelled when the reconciler plans again. Returns the slots to queue.
 */
export async function replanFutureReminders(db: Database, organizationId: string, now: Date): Promise<SendSlot[]> {
  const at = now.toISOString();
  await db.execute(sql`
    delete from reminders
    where organization_id = ${organizationId} and state = 'planned' and milestone_id is not null
      and fire_at > ${at}::timestamptz`);
  const slots = await syncReminders(db, organizationId, now);
  await db.execute(sql`
    update reminders r set state = 'cancelled'
    from organizations o
    where o.id = r.organization_id and r.organization_id = ${organizationId} and r.state = 'planned'
      and r.milestone_id is not null and r.fire_at > ${at}::timestamptz
      and exists (
        select 1 from reminders s
        where s.organization_id = r.organization_id and s.milestone_id = r.milestone_id
          and s.milestone_version = r.milestone_version and s.kind = r.kind and s.audience_role = r.audience_role
          and s.audience_unit_id is not distinct from r.audience_unit_id and s.state in ('sending', 'sent')
          and (s.fire_at at time zone o.time_zone)::date = (r.fire_at at time zone o.time_zone)::date)`);
  return slots;
}
