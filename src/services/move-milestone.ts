import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { milestoneEvents, milestones, organizations, plans, reminders, taskUnits, tasks } from "../../db/schema.js";
import { parseIsoDate } from "../domain/calendar/index.js";
import { loadWorkingCalendar } from "./calendar.js";
import { recordEvent } from "./events/outbox.js";
import { isClosed } from "../domain/milestones/index.js";
import { planningContextOf } from "../domain/planning/index.js";
import { type Refused, refusedFor } from "./access.js";
import { reminderRowsFor, type SendSlot } from "./reminders/sync-reminders.js";

export interface MilestoneMove {
  organizationId: string;
  milestoneId: string;
  start: string | null;
  due: string;
  actorPersonId?: string | null;
  reason?: string;
  /** Where the change came from: "chat", "import", "cli". */
  source?: string;
  /** Someone another event of the same change tells already (the requester of a granted extension). */
  alreadyToldPersonId?: string | null;
  now: Date;
}

/**
 * Moves a milestone's dates in one transaction: the version goes up (so every
 * reminder already queued for the old dates sends nothing), planned rows of the
 * old version are cancelled, the new version's rows are planned, and the move
 * is logged with who, why and from which message. Returns the new send slots
 * for the queue; a worker's reconciler queues them anyway within 5 minutes.
 */
export async function moveMilestone(
  db: Database,
  move: MilestoneMove,
): Promise<Refused<"not-allowed" | "not-found" | "closed"> | { kind: "moved"; version: number; slots: SendSlot[] }> {
  if (!parseIsoDate(move.due) || (move.start !== null && !parseIsoDate(move.start))) return refusedFor("date-invalid");
  if (move.start !== null && move.start > move.due) return refusedFor("start-after-due");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        milestone: milestones,
        schedule: tasks.schedule,
        plan: plans,
        organization: organizations,
        taskId: tasks.id,
      })
      .from(milestones)
      .innerJoin(tasks, eq(tasks.id, milestones.taskId))
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .innerJoin(organizations, eq(organizations.id, milestones.organizationId))
      .where(and(eq(milestones.id, move.milestoneId), eq(milestones.organizationId, move.organizationId)))
      .for("update", { of: milestones });
    if (!row) return { kind: "not-found" as const };
    const before = row.milestone;
    if (isClosed(before.state)) return { kind: "closed" as const };
    const version = before.version + 1;
    // A move keeps the state: lateness is computed from the new due day, nothing stored goes stale.
    const state = before.state;
    await tx
      .update(milestones)
      .set({ start: move.start, due: move.due, version, state, updatedAt: new Date() })
      .where(eq(milestones.id, before.id));
    await tx.insert(milestoneEvents).values({
      organizationId: move.organizationId,
      milestoneId: before.id,
      actorPersonId: move.actorPersonId ?? null,
      action: "deadline-moved",
      details: {
        from: { start: before.start, due: before.due },
        to: { start: move.start, due: move.due },
        reason: move.reason ?? null,
        source: move.source ?? null,
      },
    });
    await tx
      .update(reminders)
      .set({ state: "cancelled" })
      .where(and(eq(reminders.milestoneId, before.id), eq(reminders.state, "planned")));
    const taskUnitRows = await tx
      .select({ unitId: taskUnits.unitId, relation: taskUnits.relation })
      .from(taskUnits)
      .where(eq(taskUnits.taskId, row.taskId));
    const unitsOf = (relation: "lead" | "support") =>
      taskUnitRows.filter((unit) => unit.relation === relation).map((unit) => unit.unitId);
    const rows = reminderRowsFor(
      {
        ...before,
        start: move.start,
        due: move.due,
        version,
        state,
        scheduleKind: "dated",
        period: { start: row.plan.periodStart, end: row.plan.periodEnd },
      },
      unitsOf("lead"),
      { ...planningContextOf(row.organization, await loadWorkingCalendar(tx, row.organization)), now: move.now },
      unitsOf("support"),
    );
    if (rows.length > 0) await tx.insert(reminders).values(rows).onConflictDoNothing();
    // The lead units' people hear of it through the notifications service, with the change or not at all.
    if (before.due !== move.due)
      await recordEvent(
        tx,
        move.organizationId,
        {
          type: "deadline.moved",
          milestoneId: before.id,
          byPersonId: move.actorPersonId ?? null,
          unitIds: unitsOf("lead"),
          from: before.due,
          to: move.due,
          alreadyToldPersonId: move.alreadyToldPersonId ?? null,
        },
        move.now,
      );
    const slots = new Map<number, SendSlot>();
    for (const r of rows) slots.set(r.fireAt.getTime(), { organizationId: move.organizationId, fireAt: r.fireAt });
    return { kind: "moved" as const, version, slots: [...slots.values()] };
  });
}
