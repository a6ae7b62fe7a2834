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
import { effectiveState, type Lateness, lateness, type ShownState } from "../../domain/milestones/index.js";
import { localDay } from "../../domain/planning/index.js";

export interface MilestoneStatus {
  section: string | null;
  stt: string | null;
  title: string;
  label: string | null;
  due: IsoDate | null;
  /** The stored state, or "overdue" for unfinished work past its due day. */
  state: ShownState;
  lateness: Lateness;
  /** Lead units, and the people in them who would act. */
  assignees: { units: string[]; people: string[] };
  events: Array<{ at: string; actor: string | null; action: string; details: Record<string, unknown> }>;
}

/**
 * Every milestone of the organization with its state on a day and its event
 * log, in plan order. The day is `at.today`, or the organization's local day at `at.now`.
 */
export async function milestoneStatuses(
  db: Database,
  organizationSlug: string,
  at: { today: IsoDate } | { now: Date },
): Promise<MilestoneStatus[] | null> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.slug, organizationSlug));
  if (!organization) return null;
  const today = "today" in at ? at.today : localDay(at.now, organization.timeZone);
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
      completedOn: sql<string | null>`(${milestones.completedAt} at time zone ${organization.timeZone})::date::text`,
      ongoing: sql<boolean>`(${tasks.schedule}->>'kind') = 'ongoing'`,
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
      state: effectiveState(row, today),
      lateness: lateness(row, today),
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
