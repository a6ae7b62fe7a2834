/**
 * What a coordinator decides after an import: dates for "Theo Kế hoạch"
 * tasks, lead units for tasks without one, whether a new unit name is a unit
 * of its own or another spelling, and rows the importer warned about; and,
 * while work is open, the units nobody in which can receive its reminders.
 */
import { isReachable } from "./delivery/reachable.js";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../db/client.js";
import { milestoneEvents, milestones, reminders, taskUnits, tasks, units } from "../../db/schema.js";
import type { IsoDate } from "../domain/calendar/index.js";
import { resolveUnitList, unitNameKey } from "../domain/units/index.js";
import { type Principal, type Refused, requireAccess } from "./access.js";
import { recordEvent } from "./events/outbox.js";
import { moveMilestone } from "./move-milestone.js";
import type { Viewer } from "./people/viewer.js";
import type { SendSlot } from "./reminders/sync-reminders.js";
import { addUnitAlias, mergeUnits } from "./units.js";
import { documentsAwaitingReceipt, receiptWaits } from "./plans/received-on.js";

export type ReviewItem =
  /** A document whose tasks count from the day it was received, not yet given: one day dates them all. */
  | { kind: "receipt"; planId: string; document: string; issuedOn: IsoDate | null; tasks: number }
  | {
      kind: "date";
      milestoneId: string;
      section: string | null;
      stt: string | null;
      title: string;
      label: string | null;
      written: string[];
    }
  | { kind: "lead"; taskId: string; section: string | null; stt: string | null; title: string; proposed: string[] }
  | {
      kind: "unit";
      unitId: string;
      name: string;
      tasks: number;
      /** When the name reads as a list of units ("A, B", "A và B"): the split, for the coordinator to confirm. */
      proposedSplit: string[];
    }
  | { kind: "warnings"; taskId: string; section: string | null; stt: string | null; title: string; warnings: string[] }
  | {
      kind: "no-recipient";
      unitId: string;
      name: string;
      /** Open tasks the unit leads or supports: their reminders go to the coordinators instead. */
      tasks: number;
    };

/**
 * Units that lead or support an open task but have nobody reachable: no
 * member or unit head with a Telegram chat or a Zalo channel that still
 * works. Their reminders fall to the coordinators (dispatchDue), who should
 * invite someone. The same people the dispatcher counts as reachable.
 */
export async function unitsWithNoRecipient(
  db: Database,
  principal: Principal,
  organizationId: string,
): Promise<Refused<"not-allowed"> | { kind: "ok"; units: UnitWithNoRecipient[] }> {
  const refused = requireAccess(principal, "organization.coordinate", { organizationId });
  if (refused) return refused;
  return { kind: "ok", units: await queryUnitsWithNoRecipient(db, organizationId) };
}

export interface UnitWithNoRecipient {
  unitId: string;
  name: string;
  tasks: number;
}

async function queryUnitsWithNoRecipient(db: Database, organizationId: string): Promise<UnitWithNoRecipient[]> {
  const rows = await queryRows<{ unit_id: string; name: string; tasks: number }>(
    db,
    sql`select u.id as unit_id, u.name, count(distinct t.id)::int as tasks
        from units u
        join task_units tu on tu.unit_id = u.id
        join tasks t on t.id = tu.task_id and t.removed_at is null
        where u.organization_id = ${organizationId} and u.merged_into_id is null
          and exists (select 1 from milestones m where m.task_id = t.id and m.state not in ('done', 'cancelled'))
          and not exists (
            select 1 from memberships ms join people p on p.id = ms.person_id
            where ms.organization_id = ${organizationId} and ms.unit_id = u.id and ms.role in ('member', 'unit_head')
              and ${isReachable("p")})
        group by u.id, u.name order by u.name`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, name: r.name, tasks: r.tasks }));
}

/** A new unit whose name reads as a list: the units it may stand for (none of them known yet). */
function proposedSplitOf(name: string): string[] {
  const resolved = resolveUnitList(name, () => false);
  return resolved.kind === "unknown" ? resolved.proposedSplit : [];
}

/**
 * Everything waiting for a coordinator's decision, in plan order: the days of
 * receipt first (a task counted from one is asked through its document, not
 * for a date of its own), then dates. Coordinators only.
 */
export async function listReviewItems(
  db: Database,
  principal: Principal,
  organizationId: string,
): Promise<Refused<"not-allowed"> | { kind: "ok"; items: ReviewItem[] }> {
  const refused = requireAccess(principal, "organization.coordinate", { organizationId });
  if (refused) return refused;
  const waits = await receiptWaits(db, organizationId);
  const receipts = await documentsAwaitingReceipt(db, principal, organizationId, waits);
  const dates = await queryRows<{
    task_id: string;
    milestone_id: string;
    section: string | null;
    stt: string | null;
    title: string;
    label: string | null;
    written: string[];
  }>(
    db,
    sql`select t.id as task_id, m.id as milestone_id, t.section, t.stt, t.title, m.label, t.deadline_texts as written
        from milestones m join tasks t on t.id = m.task_id
        where m.organization_id = ${organizationId} and t.removed_at is null and m.due is null
          and m.state not in ('done', 'cancelled') and (t.schedule->>'kind') <> 'ongoing'
        order by t.position, m.milestone_key`,
  );
  const leads = await queryRows<{
    task_id: string;
    section: string | null;
    stt: string | null;
    title: string;
    proposed: string[];
  }>(
    db,
    sql`select t.id as task_id, t.section, t.stt, t.title, t.proposed_lead as proposed
        from tasks t
        where t.organization_id = ${organizationId} and t.removed_at is null
          and not exists (select 1 from task_units tu where tu.task_id = t.id and tu.relation = 'lead')
        order by t.position`,
  );
  const newUnits = await queryRows<{ unit_id: string; name: string; tasks: number }>(
    db,
    sql`select u.id as unit_id, u.name, count(distinct tu.task_id)::int as tasks
        from units u join task_units tu on tu.unit_id = u.id
        join tasks t on t.id = tu.task_id and t.removed_at is null
        where u.organization_id = ${organizationId} and u.merged_into_id is null and u.reviewed_at is null
          and not exists (select 1 from memberships ms where ms.unit_id = u.id)
        group by u.id, u.name order by u.name`,
  );
  const warned = await queryRows<{
    task_id: string;
    section: string | null;
    stt: string | null;
    title: string;
    warnings: string[];
  }>(
    db,
    sql`select t.id as task_id, t.section, t.stt, t.title, t.warnings
        from tasks t
        where t.organization_id = ${organizationId} and t.removed_at is null and t.reviewed_at is null
          and jsonb_array_length(t.warnings) > 0
        order by t.position`,
  );
  const unreached = await queryUnitsWithNoRecipient(db, organizationId);
  const datedTasks = new Set(dates.map((r) => `${r.section}|${r.stt}|${r.title}`));
  const items: ReviewItem[] = [
    ...(receipts.kind === "ok" ? receipts.documents : []).map((d) => ({ kind: "receipt" as const, ...d })),
    ...dates
      .filter((r) => !waits.taskIds.has(r.task_id))
      .map((r) => ({
        kind: "date" as const,
        milestoneId: r.milestone_id,
        section: r.section,
        stt: r.stt,
        title: r.title,
        label: r.label,
        written: r.written,
      })),
    ...leads.map((r) => ({
      kind: "lead" as const,
      taskId: r.task_id,
      section: r.section,
      stt: r.stt,
      title: r.title,
      proposed: r.proposed,
    })),
    ...newUnits.map((r) => ({
      kind: "unit" as const,
      unitId: r.unit_id,
      name: r.name,
      tasks: r.tasks,
      proposedSplit: proposedSplitOf(r.name),
    })),
    // Warnings that only repeat a missing date or lead are answered by those items.
    ...warned
      .filter((r) => !leads.some((l) => l.task_id === r.task_id) && !datedTasks.has(`${r.section}|${r.stt}|${r.title}`))
      .map((r) => ({
        kind: "warnings" as const,
        taskId: r.task_id,
        section: r.section,
        stt: r.stt,
        title: r.title,
        warnings: r.warnings,
      })),
    // Last, and not for a new unit name: that is merged or kept first, and a merge may bring the people it lacked.
    ...unreached
      .filter((r) => !newUnits.some((u) => u.unit_id === r.unitId))
      .map((r) => ({ kind: "no-recipient" as const, ...r })),
  ];
  return { kind: "ok", items };
}

/** The organization's live units, those people belong to first: the choices for a lead or a merge. */
export async function unitChoices(
  db: Database,
  principal: Principal,
  organizationId: string,
): Promise<Refused<"not-allowed"> | { kind: "ok"; units: Array<{ id: string; name: string }> }> {
  const refused = requireAccess(principal, "organization.coordinate", { organizationId });
  if (refused) return refused;
  const units = await queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.name from units u
        where u.organization_id = ${organizationId} and u.merged_into_id is null
        order by (exists (select 1 from memberships ms where ms.unit_id = u.id)) desc,
                 (u.reviewed_at is not null) desc, u.name`,
  );
  return { kind: "ok", units };
}

type ReviewRefusal = Refused<"not-allowed" | "not-found">;

/** Gives a dateless milestone its due day; its reminders are planned in the same transaction. */
export async function setMilestoneDate(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  due: IsoDate,
  now: Date,
): Promise<ReviewRefusal | Refused<"closed"> | { kind: "dated"; slots: SendSlot[] }> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  const [milestone] = await db
    .select({ start: milestones.start, state: milestones.state, taskId: milestones.taskId })
    .from(milestones)
    .where(and(eq(milestones.id, milestoneId), eq(milestones.organizationId, viewer.organizationId)));
  if (!milestone) return { kind: "not-found" };
  if (milestone.state === "done" || milestone.state === "cancelled") return { kind: "closed" };
  const moved = await moveMilestone(db, {
    organizationId: viewer.organizationId,
    milestoneId,
    start: milestone.start !== null && milestone.start <= due ? milestone.start : null,
    due,
    actorPersonId: viewer.personId,
    reason: "date set in review",
    source: "review",
    now,
  });
  // The row's warning was about its date: deciding the date answers it.
  if (moved.kind !== "moved") return moved;
  await db.update(tasks).set({ reviewedAt: now }).where(eq(tasks.id, milestone.taskId));
  return { kind: "dated", slots: moved.slots };
}

/** What a change of lead did: who leads now, who led before, the task's milestones (each got an event). */
export interface LeadChange {
  kind: "lead-changed";
  unit: { id: string; name: string };
  previous: Array<{ id: string; name: string }>;
  task: { id: string; title: string };
  /** False when the unit already was the task's only lead: nothing was written. */
  changed: boolean;
}

/**
 * Makes `unitId` the one lead of a task, replacing any lead it had (the plan's
 * or an earlier choice); the choice survives re-imports that do not change
 * the plan's lead cell. Each milestone of the task records a "lead-assigned"
 * event naming the new and the previous units; the old lead's planned
 * reminders are cancelled (run syncReminders after, for the new lead's).
 * Coordinators only.
 */
export async function changeLead(
  db: Database,
  viewer: Viewer,
  taskId: string,
  unitId: string,
  now: Date,
): Promise<ReviewRefusal | LeadChange> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  const [task] = await db
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.organizationId, viewer.organizationId), isNull(tasks.removedAt)));
  const [unit] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.organizationId, viewer.organizationId), isNull(units.mergedIntoId)));
  if (!task || !unit) return { kind: "not-found" };
  return db.transaction(async (tx): Promise<LeadChange> => {
    const previous = await tx
      .select({ id: units.id, name: units.name })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.relation, "lead")))
      .orderBy(asc(units.name));
    if (previous.length === 1 && previous[0]?.id === unit.id)
      return { kind: "lead-changed", unit, previous, task, changed: false };
    await tx.delete(taskUnits).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.relation, "lead")));
    await tx.insert(taskUnits).values({
      organizationId: viewer.organizationId,
      taskId,
      unitId,
      relation: "lead",
      nameInPlan: unit.name,
      assignedBy: "coordinator",
    });
    await tx.update(tasks).set({ reviewedAt: now }).where(eq(tasks.id, taskId));
    const ofTask = await tx
      .select({ id: milestones.id, due: milestones.due })
      .from(milestones)
      .where(eq(milestones.taskId, taskId))
      .orderBy(asc(milestones.milestoneKey));
    // The units' people hear it from the notifications service, whether the change was made in the chat or on the web.
    await recordEvent(
      tx,
      viewer.organizationId,
      {
        type: "lead.changed",
        taskId,
        byPersonId: viewer.personId,
        unitId,
        previousUnitIds: previous.map((p) => p.id),
        due: ofTask[0]?.due ?? null,
      },
      now,
    );
    if (ofTask.length > 0) {
      // The old lead's planned reminders would still reach it; syncReminders plans the new lead's.
      await tx
        .update(reminders)
        .set({ state: "cancelled" })
        .where(
          and(
            inArray(
              reminders.milestoneId,
              ofTask.map((m) => m.id),
            ),
            eq(reminders.state, "planned"),
            eq(reminders.audienceRole, "member"),
            ne(reminders.audienceUnitId, unitId),
          ),
        );
      await tx.insert(milestoneEvents).values(
        ofTask.map((milestone) => ({
          organizationId: viewer.organizationId,
          milestoneId: milestone.id,
          actorPersonId: viewer.personId,
          at: now,
          action: "lead-assigned",
          details: { unit: unit.name, ...(previous.length > 0 ? { previous: previous.map((p) => p.name) } : {}) },
        })),
      );
    }
    return { kind: "lead-changed", unit, previous, task, changed: true };
  });
}

/** Gives a task without a lead its lead unit (the review's question); the same change as any other. */
export async function assignLead(
  db: Database,
  viewer: Viewer,
  taskId: string,
  unitId: string,
  now: Date,
): Promise<ReviewRefusal | { kind: "assigned"; unit: string }> {
  const change = await changeLead(db, viewer, taskId, unitId, now);
  return change.kind === "lead-changed" ? { kind: "assigned", unit: change.unit.name } : change;
}

/** "Another spelling of": merges the unit and remembers the name as an alias for the next imports. */
export async function mergeUnitInto(
  db: Database,
  viewer: Viewer,
  fromUnitId: string,
  intoUnitId: string,
): Promise<ReviewRefusal | { kind: "merged"; from: string; into: string }> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.organizationId, viewer.organizationId), isNull(units.mergedIntoId)));
  const from = rows.find((u) => u.id === fromUnitId);
  const into = rows.find((u) => u.id === intoUnitId);
  if (!from || !into || from.id === into.id) return { kind: "not-found" };
  const merged = await mergeUnits(db, viewer, viewer.organizationSlug, from.name, into.name);
  if (merged.kind !== "merged") return merged;
  return { kind: "merged", from: from.name, into: into.name };
}

/**
 * Before an import: "this new name is that unit". The name is remembered as
 * an alias of the unit, so the import (and every later one) files its tasks
 * there instead of making a new unit. Coordinators only.
 */
export async function aliasNameToUnit(
  db: Database,
  viewer: Viewer,
  name: string,
  intoUnitId: string,
): Promise<{ kind: "ok"; into: string } | Refused<"not-allowed" | "not-found">> {
  const refused = requireAccess(viewer, "organization.coordinate", { organizationId: viewer.organizationId });
  if (refused) return refused;
  const [into] = await db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.id, intoUnitId), eq(units.organizationId, viewer.organizationId), isNull(units.mergedIntoId)));
  if (!into || unitNameKey(name) === "") return { kind: "not-found" };
  const added = await addUnitAlias(db, viewer, viewer.organizationSlug, into.name, name);
  // The name is another unit's alias already: the import resolves it there, nothing to add.
  if (added.kind !== "added" && added.kind !== "already") return { kind: "not-found" };
  return { kind: "ok", into: into.name };
}

/** "A unit of its own": the name stops being asked about. */
export async function keepUnit(
  db: Database,
  viewer: Viewer,
  unitId: string,
  now: Date,
): Promise<ReviewRefusal | { kind: "kept"; name: string }> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  const [unit] = await db
    .update(units)
    .set({ reviewedAt: now })
    .where(and(eq(units.id, unitId), eq(units.organizationId, viewer.organizationId)))
    .returning({ name: units.name });
  if (!unit) return { kind: "not-found" };
  return { kind: "kept", name: unit.name };
}

/** The coordinator has read the importer's warnings about a row. */
export async function acknowledgeWarnings(
  db: Database,
  viewer: Viewer,
  taskId: string,
  now: Date,
): Promise<ReviewRefusal | { kind: "acknowledged" }> {
  const refused = requireAccess(viewer, "organization.coordinate", viewer);
  if (refused) return refused;
  const updated = await db
    .update(tasks)
    .set({ reviewedAt: now })
    .where(and(eq(tasks.id, taskId), eq(tasks.organizationId, viewer.organizationId)))
    .returning({ id: tasks.id });
  if (updated.length === 0) return { kind: "not-found" };
  return { kind: "acknowledged" };
}
