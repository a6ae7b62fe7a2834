import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { milestones, tasks } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import { displayTitle, lateness, type MilestoneState, unitsOf } from "../../domain/milestones/index.js";
import { hasAccess, type Refused, requireAccess } from "../access.js";
import type { Viewer } from "../people/viewer.js";

/** A milestone with its task, as the chat shows it and as permissions need it. */
export interface MilestoneView {
  id: string;
  organizationId: string;
  taskId: string;
  section: string | null;
  stt: string | null;
  title: string;
  product: string | null;
  label: string | null;
  start: IsoDate | null;
  due: IsoDate | null;
  state: MilestoneState;
  version: number;
  progressPercent: number | null;
  /** The local day it was reported done (submitted or done). */
  completedOn: IsoDate | null;
  /** A "Thường xuyên" task's milestone (no due day by nature). */
  ongoing: boolean;
  leadUnitIds: string[];
  leadUnitNames: string[];
  evidenceCount: number;
}

/** "Title (Quý II)": a milestone named in a sentence, in the chat and on the web. */
export function titleOf(milestone: Pick<MilestoneView, "title" | "label">): string {
  return milestone.label ? `${milestone.title} (${milestone.label})` : milestone.title;
}

async function viewsOf(db: Database, where: ReturnType<typeof and>, timeZone: string): Promise<MilestoneView[]> {
  // One statement: the bot asks for this on most button presses.
  const rows = await db
    .select({
      id: milestones.id,
      organizationId: milestones.organizationId,
      taskId: tasks.id,
      section: tasks.section,
      stt: tasks.stt,
      title: tasks.title,
      product: tasks.product,
      label: milestones.label,
      start: milestones.start,
      due: milestones.due,
      state: milestones.state,
      version: milestones.version,
      progressPercent: milestones.progressPercent,
      completedOn: sql<string | null>`(${milestones.completedAt} at time zone ${timeZone})::date::text`,
      ongoing: sql<boolean>`(${tasks.schedule}->>'kind') = 'ongoing'`,
      leads: sql<Array<{ id: string; name: string }>>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
        from task_units tu join units u on u.id = tu.unit_id
        where tu.task_id = ${tasks.id} and tu.relation = 'lead'), '[]'::json)`,
      evidenceCount: sql<number>`(select count(*)::int from evidence_files e where e.milestone_id = ${milestones.id}) + (select count(*)::int from evidence_references r where r.milestone_id = ${milestones.id})`,
    })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(where)
    .orderBy(sql`${milestones.due} asc nulls last`, asc(tasks.position), asc(milestones.milestoneKey));
  return rows.map(({ leads, ...row }) => {
    const parsed = (typeof leads === "string" ? JSON.parse(leads) : leads) as Array<{ id: string; name: string }>;
    return {
      ...row,
      title: displayTitle(row.title),
      evidenceCount: Number(row.evidenceCount),
      leadUnitIds: parsed.map((l) => l.id),
      leadUnitNames: parsed.map((l) => l.name),
    };
  });
}

/** One milestone by id, whatever the organization: callers check it against the viewer. */
export async function loadMilestone(
  db: Database,
  milestoneId: string,
  timeZone: string,
): Promise<MilestoneView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(milestoneId)) return null;
  const [view] = await viewsOf(db, and(eq(milestones.id, milestoneId), sql`${tasks.removedAt} is null`), timeZone);
  return view ?? null;
}

export type Authorized = { kind: "ok"; milestone: MilestoneView } | Refused<"not-found" | "not-allowed">;

/**
 * The milestone a button or a reply points at, if this viewer may act on it.
 * A milestone of another organization reads as not allowed, never as found.
 */
export async function authorizeMilestone(db: Database, viewer: Viewer, milestoneId: string): Promise<Authorized> {
  const milestone = await loadMilestone(db, milestoneId, viewer.timeZone);
  if (!milestone) return { kind: "not-found" };
  const refused = requireAccess(viewer, "milestone.act", milestone);
  if (refused) return refused;
  return { kind: "ok", milestone };
}

/**
 * Unfinished milestones the viewer follows, soonest due first: the whole
 * organization for coordinators and the chairman, their units' for the others.
 */
export async function listOpenMilestones(
  db: Database,
  viewer: Viewer,
  options: { today: IsoDate; overdueOnly?: boolean },
): Promise<MilestoneView[]> {
  const conditions = [
    eq(milestones.organizationId, viewer.organizationId),
    sql`${tasks.removedAt} is null`,
    notInArray(milestones.state, ["done", "cancelled"]),
  ];
  if (!hasAccess(viewer, "organization.read", viewer)) {
    const unitIds = unitsOf(viewer);
    if (unitIds.length === 0) return [];
    conditions.push(
      sql`exists (select 1 from task_units tu where tu.task_id = ${tasks.id} and tu.relation = 'lead'
        and tu.unit_id in ${sql`(${sql.join(
          unitIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`})`,
    );
  }
  const views = await viewsOf(db, and(...conditions), viewer.timeZone);
  // "Overdue" is the domain's lateness, not a second rule in SQL.
  return options.overdueOnly ? views.filter((view) => lateness(view, options.today).status === "overdue") : views;
}
