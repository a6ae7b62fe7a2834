import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import {
  evidenceFiles,
  milestoneEvents,
  milestones,
  organizations,
  people,
  plans,
  taskUnits,
  tasks,
  units,
} from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import {
  displayTitle,
  effectiveState,
  type LatenessStatus,
  lateness,
  type ProgressColour,
  progressColour,
  type ShownStatus,
  shownStatusOf,
  type ShownState,
} from "../../domain/milestones/index.js";
import { localDay } from "../../domain/planning/index.js";
import { type Principal, type Refused, requireReadable } from "../access.js";

/** One milestone as the quarterly and yearly CCHC reports list it. */
export interface ReportRow {
  milestoneId: string;
  planTitle: string;
  section: string | null;
  sectionTitle: string | null;
  stt: string | null;
  title: string;
  label: string | null;
  product: string | null;
  leadUnits: string[];
  due: IsoDate | null;
  state: ShownState;
  lateness: LatenessStatus;
  /** The state word's key (`state-label`): the same word as the chat and the web. */
  shown: ShownStatus;
  colour: ProgressColour;
  completedOn: IsoDate | null;
  /** Days past due: when it was done late, or as of today when still open. */
  daysLate: number;
  /** Who reported the work done, else the lead unit's people. */
  assignee: string | null;
  evidence: Array<{ fileName: string; sha256: string; storagePath: string }>;
}

/**
 * Every milestone of the organization's live tasks, optionally those due
 * within [from, to], in plan order: for those who see the whole organization.
 */
/** The day a report is as of: named by the caller, or the organization's local day at `now`. */
export type ReportDayOptions = ({ today: IsoDate } | { now: Date }) & {
  from?: IsoDate;
  to?: IsoDate;
  /** One document's tasks only (a plan id, as findSourceDocument gives it): a report per document. */
  planId?: string;
};

export async function loadReportRows(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  options: ReportDayOptions,
): Promise<
  Refused<"not-found" | "not-allowed"> | { kind: "ok"; organizationName: string; today: IsoDate; rows: ReportRow[] }
> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.slug, organizationSlug));
  if (!organization) return { kind: "not-found" };
  const refused = requireReadable(principal, organization.id);
  if (refused) return refused;
  // The organization's local day unless the caller names one (a report "as of" a day).
  const today = "today" in options ? options.today : localDay(options.now, organization.timeZone);
  const conditions = [eq(milestones.organizationId, organization.id), sql`${tasks.removedAt} is null`];
  if (options.from) conditions.push(sql`${milestones.due} >= ${options.from}::date`);
  if (options.to) conditions.push(sql`${milestones.due} <= ${options.to}::date`);
  if (options.planId) conditions.push(eq(tasks.planId, options.planId));
  const rows = await db
    .select({
      milestoneId: milestones.id,
      taskId: tasks.id,
      planTitle: plans.title,
      section: tasks.section,
      sectionTitle: tasks.sectionTitle,
      stt: tasks.stt,
      title: tasks.title,
      label: milestones.label,
      product: tasks.product,
      due: milestones.due,
      state: milestones.state,
      completedOn: sql<string | null>`(${milestones.completedAt} at time zone ${organization.timeZone})::date::text`,
      ongoing: sql<boolean>`(${tasks.schedule}->>'kind') = 'ongoing'`,
    })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(...conditions))
    .orderBy(asc(plans.createdAt), asc(tasks.position), asc(milestones.milestoneKey));
  if (rows.length === 0) return { kind: "ok", organizationName: organization.name, today, rows: [] };
  const taskIds = [...new Set(rows.map((r) => r.taskId))];
  const milestoneIds = rows.map((r) => r.milestoneId);
  const leads = await db
    .select({ taskId: taskUnits.taskId, unitId: units.id, name: units.name })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(inArray(taskUnits.taskId, taskIds), eq(taskUnits.relation, "lead")));
  const files = await db
    .select({
      milestoneId: evidenceFiles.milestoneId,
      fileName: evidenceFiles.fileName,
      sha256: evidenceFiles.sha256,
      storagePath: evidenceFiles.storagePath,
    })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.milestoneId, milestoneIds))
    .orderBy(asc(evidenceFiles.createdAt));
  const completers = await db
    .select({ milestoneId: milestoneEvents.milestoneId, name: people.fullName })
    .from(milestoneEvents)
    .innerJoin(people, eq(people.id, milestoneEvents.actorPersonId))
    .where(
      and(
        inArray(milestoneEvents.milestoneId, milestoneIds),
        inArray(milestoneEvents.action, ["completion-submitted", "completed"]),
      ),
    )
    .orderBy(asc(milestoneEvents.id));
  const completerOf = new Map(completers.map((c) => [c.milestoneId, c.name]));
  return {
    kind: "ok",
    organizationName: organization.name,
    today,
    rows: rows.map((row) => {
      const late = lateness(row, today);
      const state = effectiveState(row, today);
      return {
        milestoneId: row.milestoneId,
        planTitle: row.planTitle,
        section: row.section,
        sectionTitle: row.sectionTitle,
        stt: row.stt,
        title: displayTitle(row.title),
        label: row.label,
        product: row.product,
        leadUnits: leads.filter((l) => l.taskId === row.taskId).map((l) => l.name),
        due: row.due,
        state,
        lateness: late.status,
        shown: shownStatusOf(row.state, late),
        colour: progressColour(row, today),
        completedOn: state === "done" || state === "submitted" ? row.completedOn : null,
        daysLate: late.days,
        assignee: completerOf.get(row.milestoneId) ?? null,
        evidence: files.filter((f) => f.milestoneId === row.milestoneId),
      };
    }),
  };
}
