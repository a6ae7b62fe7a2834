import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import {
  memberships,
  milestoneEvents,
  milestones,
  organizations,
  people,
  taskUnits,
  tasks,
  units,
} from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import { effectiveState, type MilestoneState } from "../../domain/milestones/index.js";

export interface MilestoneStatus {
  section: string | null;
  stt: string | null;
  title: string;
  label: string | null;
  due: IsoDate | null;
  state: MilestoneState;
  /** Lead units, and the people in them who would act. */
  assignees: { units: string[]; people: string[] };
  events: Array<{ at: string; actor: string | null; action: string; details: Record<string, unknown> }>;
}

/** Every milestone of the organization with its state on `today` and its event log, in plan order. */
export async function milestoneStatuses(
  db: Database,
  organizationSlug: string,
  today: IsoDate,
): Promise<MilestoneStatus[] | null> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.slug, organizationSlug));
  if (!organization) return null;
  const rows = await db
    .select({
      id: milestones.id,
      taskId: tasks.id,
      section: tasks.section,
      stt: tasks.stt,
      title: tasks.title,
      label: milestones.label,
      due: milestones.due,
      state: milestones.state,
      completedAt: milestones.completedAt,
    })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(and(eq(milestones.organizationId, organization.id), sql`${tasks.removedAt} is null`))
    .orderBy(asc(tasks.position), asc(milestones.milestoneKey));
  const leads = await db
    .select({ taskId: taskUnits.taskId, unitId: units.id, name: units.name })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(eq(taskUnits.organizationId, organization.id), eq(taskUnits.relation, "lead")));
  const members = await db
    .select({ unitId: memberships.unitId, name: people.fullName })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.organizationId, organization.id), inArray(memberships.role, ["member", "unit_head"])));
  const events = await db
    .select({
      milestoneId: milestoneEvents.milestoneId,
      at: milestoneEvents.at,
      actor: people.fullName,
      action: milestoneEvents.action,
      details: milestoneEvents.details,
    })
    .from(milestoneEvents)
    .leftJoin(people, eq(people.id, milestoneEvents.actorPersonId))
    .where(eq(milestoneEvents.organizationId, organization.id))
    .orderBy(asc(milestoneEvents.id));
  return rows.map((row) => {
    const unitsOfTask = leads.filter((lead) => lead.taskId === row.taskId);
    const unitIds = new Set(unitsOfTask.map((u) => u.unitId));
    return {
      section: row.section,
      stt: row.stt,
      title: row.title,
      label: row.label,
      due: row.due,
      state: effectiveState({ state: row.state, due: row.due, completedOn: null }, today),
      assignees: {
        units: unitsOfTask.map((u) => u.name),
        people: [...new Set(members.filter((m) => m.unitId !== null && unitIds.has(m.unitId)).map((m) => m.name))],
      },
      events: events
        .filter((event) => event.milestoneId === row.id)
        .map((event) => ({
          at: event.at.toISOString(),
          actor: event.actor,
          action: event.action,
          details: event.details,
        })),
    };
  });
}
