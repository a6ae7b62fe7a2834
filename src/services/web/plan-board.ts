/**
 * What the web app shows: the whole plan as the appendix lays it out, one
 * milestone with everything about it, and the chairman's overview. Every read
 * is scoped to the viewer's organization; states and colours come from the
 * domain's rules, as in the chat and the reports.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import {
  approvalRequests,
  evidenceFiles,
  evidenceReferences,
  milestoneEvents,
  organizations,
  people,
} from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import {
  effectiveState,
  lateness,
  type MilestoneState,
  type ProgressColour,
  progressColour,
  type ShownState,
  type ShownStatus,
  shownStatusOf,
  countedUnits,
  displayTitle,
} from "../../domain/milestones/index.js";
import { citeReference } from "../evidence-references.js";
import { loadMilestone, type MilestoneView } from "../milestones/milestone-view.js";
import { hasAccess, type Refused, requireReadable } from "../access.js";
import type { Viewer } from "../people/viewer.js";

/** One milestone as a row of the plan's appendix table. */
export interface PlanBoardRow {
  milestoneId: string;
  taskId: string;
  section: string | null;
  sectionTitle: string | null;
  stt: string | null;
  title: string;
  label: string | null;
  product: string | null;
  leadUnits: string[];
  leadUnitIds: string[];
  supportUnits: string[];
  due: IsoDate | null;
  /** The deadline cells as the plan wrote them. */
  deadlineTexts: string[];
  state: ShownState;
  /** The state word's key (`state-label`), the chat's and the reports' word for the same milestone. */
  shown: ShownStatus;
  colour: ProgressColour;
  daysLate: number;
}

export interface PlanBoard {
  organizationName: string;
  rows: PlanBoardRow[];
  units: Array<{ id: string; name: string }>;
  sections: Array<{ section: string; title: string | null }>;
}

/** Whose rows a board reads, and in which time zone a completion's day is counted. */
interface BoardScope {
  organizationId: string;
  timeZone: string;
}

/**
 * The rows of one organization (or its one milestone), in plan order.
 * Scans scoped by organization rather than long id lists: the page of a
 * 200-task plan is asked for often and must stay fast.
 */
async function boardRows(
  db: Database,
  viewer: BoardScope,
  today: IsoDate,
  milestoneId?: string,
): Promise<PlanBoardRow[]> {
  const rows = await queryRows<{
    milestone_id: string;
    task_id: string;
    section: string | null;
    section_title: string | null;
    stt: string | null;
    title: string;
    label: string | null;
    product: string | null;
    due: IsoDate | null;
    state: MilestoneState;
    completed_on: IsoDate | null;
    deadline_texts: string[];
    ongoing: boolean;
  }>(
    db,
    sql`select m.id as milestone_id, t.id as task_id, t.section, t.section_title, t.stt, t.title, m.label,
          t.product, m.due::text as due, m.state,
          (m.completed_at at time zone ${viewer.timeZone})::date::text as completed_on, t.deadline_texts,
          (t.schedule->>'kind') = 'ongoing' as ongoing
        from milestones m join tasks t on t.id = m.task_id join plans p on p.id = t.plan_id
        where m.organization_id = ${viewer.organizationId} and t.removed_at is null
          ${milestoneId ? sql`and m.id = ${milestoneId}` : sql``}
        order by p.created_at, t.position, m.milestone_key`,
  );
  const taskUnitRows = await queryRows<{ task_id: string; unit_id: string; name: string; relation: string }>(
    db,
    milestoneId && rows[0]
      ? sql`select tu.task_id, tu.unit_id, u.name, tu.relation from task_units tu join units u on u.id = tu.unit_id
            where tu.organization_id = ${viewer.organizationId} and tu.task_id = ${rows[0].task_id} order by u.name`
      : sql`select tu.task_id, tu.unit_id, u.name, tu.relation from task_units tu join units u on u.id = tu.unit_id
            where tu.organization_id = ${viewer.organizationId} order by u.name`,
  );
  const unitsOf = new Map<string, { leadIds: string[]; leads: string[]; support: string[] }>();
  for (const tu of taskUnitRows) {
    const entry = unitsOf.get(tu.task_id) ?? { leadIds: [], leads: [], support: [] };
    if (tu.relation === "lead") {
      entry.leadIds.push(tu.unit_id);
      entry.leads.push(tu.name);
    } else entry.support.push(tu.name);
    unitsOf.set(tu.task_id, entry);
  }
  return rows.map((row) => {
    const progress = { state: row.state, due: row.due, completedOn: row.completed_on, ongoing: row.ongoing };
    const state = effectiveState(progress, today);
    const late = lateness(progress, today);
    const units = unitsOf.get(row.task_id);
    return {
      milestoneId: row.milestone_id,
      taskId: row.task_id,
      section: row.section,
      sectionTitle: row.section_title,
      stt: row.stt,
      title: displayTitle(row.title),
      label: row.label,
      product: row.product,
      leadUnits: units?.leads ?? [],
      leadUnitIds: units?.leadIds ?? [],
      supportUnits: units?.support ?? [],
      due: row.due,
      deadlineTexts: row.deadline_texts,
      state,
      shown: shownStatusOf(state, late),
      colour: progressColour(progress, today),
      daysLate: late.days,
    };
  });
}

/** Every live milestone of the viewer's organization, in plan order, with its units. */
export async function loadPlanBoard(db: Database, viewer: Viewer, today: IsoDate): Promise<PlanBoard> {
  const rows = await boardRows(db, viewer, today);
  const units = await queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.name from units u
        where u.organization_id = ${viewer.organizationId} and u.merged_into_id is null
          and exists (select 1 from task_units tu where tu.unit_id = u.id and tu.relation = 'lead')
        order by u.name`,
  );
  const sections = new Map<string, string | null>();
  for (const row of rows) {
    if (row.section !== null && !sections.has(row.section)) sections.set(row.section, row.sectionTitle);
  }
  return {
    organizationName: viewer.organizationName,
    rows,
    units,
    sections: [...sections].map(([section, title]) => ({ section, title })),
  };
}

export interface MilestoneDetail {
  milestone: MilestoneView;
  row: PlanBoardRow | null;
  events: Array<{ at: Date; actor: string | null; action: string; details: Record<string, unknown> }>;
  evidence: EvidenceFileSummary[];
  /** Documents cited as evidence, as reports cite them. */
  references: string[];
  pending: Array<{
    requestId: string;
    kind: "completion" | "extension";
    requesterName: string;
    requestedDue: IsoDate | null;
    reason: string | null;
    createdAt: Date;
  }>;
  may: { act: boolean; approve: boolean; decideExtension: boolean; coordinate: boolean };
  /**
   * The commune whose milestone a province's reader is looking at (read-only: `may` is all false);
   * null on a milestone of the viewer's own organization.
   */
  overseen: { organizationId: string; organizationName: string } | null;
}

/**
 * One milestone for the viewer. Another organization's milestone is
 * not-found, exactly like an id that does not exist: its existence is not told.
 */
export async function loadMilestoneDetail(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  today: IsoDate,
): Promise<{ kind: "ok"; detail: MilestoneDetail } | Refused<"not-found">> {
  const milestone = await loadMilestone(db, milestoneId, viewer.timeZone);
  if (!milestone) return { kind: "not-found" };
  const own = milestone.organizationId === viewer.organizationId;
  // A province's people read the work of the organizations under theirs; anyone else learns nothing of it.
  if (!own && requireReadable(viewer, milestone.organizationId)) return { kind: "not-found" };
  const organizationId = milestone.organizationId;
  const [row] = await boardRows(db, { organizationId, timeZone: viewer.timeZone }, today, milestone.id);
  const events = await db
    .select({
      at: milestoneEvents.at,
      actor: people.fullName,
      action: milestoneEvents.action,
      details: milestoneEvents.details,
    })
    .from(milestoneEvents)
    .leftJoin(people, eq(people.id, milestoneEvents.actorPersonId))
    .where(and(eq(milestoneEvents.milestoneId, milestone.id), eq(milestoneEvents.organizationId, organizationId)))
    .orderBy(asc(milestoneEvents.id));
  const { files: evidence, references } = (await evidenceOf(db, organizationId, [milestone.id])).of(milestone.id);
  const pending = await db
    .select({ request: approvalRequests, requesterName: people.fullName })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.requestedByPersonId))
    .where(
      and(
        eq(approvalRequests.milestoneId, milestone.id),
        eq(approvalRequests.organizationId, organizationId),
        eq(approvalRequests.state, "pending"),
      ),
    )
    .orderBy(asc(approvalRequests.createdAt));
  return {
    kind: "ok",
    detail: {
      milestone,
      row: row ?? null,
      events,
      evidence,
      references,
      pending: pending.map(({ request, requesterName }) => ({
        requestId: request.id,
        kind: request.kind,
        requesterName,
        requestedDue: request.requestedDue,
        reason: request.reason,
        createdAt: request.createdAt,
      })),
      may: {
        act: hasAccess(viewer, "milestone.act", milestone),
        approve: hasAccess(viewer, "completion.approve", milestone),
        decideExtension: hasAccess(viewer, "extension.decide", milestone),
        coordinate: hasAccess(viewer, "organization.coordinate", milestone),
      },
      overseen: own ? null : { organizationId, organizationName: await organizationNameOf(db, organizationId) },
    },
  };
}

async function organizationNameOf(db: Database, organizationId: string): Promise<string> {
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return organization?.name ?? "";
}

/** An evidence file as the web lists it; its kind decides the preview. */
export interface EvidenceFileSummary {
  id: string;
  fileName: string;
  mimeType: string | null;
  sizeBytes: number;
  createdAt: Date;
}

/** The evidence of some milestones of one organization, oldest first: files, and documents cited as reports cite them. */
export async function evidenceOf(
  db: Database,
  organizationId: string,
  milestoneIds: string[],
): Promise<{ of: (milestoneId: string) => { files: EvidenceFileSummary[]; references: string[] } }> {
  const files =
    milestoneIds.length === 0
      ? []
      : await db
          .select({
            milestoneId: evidenceFiles.milestoneId,
            id: evidenceFiles.id,
            fileName: evidenceFiles.fileName,
            mimeType: evidenceFiles.mimeType,
            sizeBytes: evidenceFiles.sizeBytes,
            createdAt: evidenceFiles.createdAt,
          })
          .from(evidenceFiles)
          .where(
            and(eq(evidenceFiles.organizationId, organizationId), inArray(evidenceFiles.milestoneId, milestoneIds)),
          )
          .orderBy(asc(evidenceFiles.createdAt));
  const references =
    milestoneIds.length === 0
      ? []
      : await db
          .select()
          .from(evidenceReferences)
          .where(
            and(
              eq(evidenceReferences.organizationId, organizationId),
              inArray(evidenceReferences.milestoneId, milestoneIds),
            ),
          )
          .orderBy(asc(evidenceReferences.createdAt));
  return {
    of: (milestoneId) => ({
      files: files
        .filter((f) => f.milestoneId === milestoneId)
        .map(({ id, fileName, mimeType, sizeBytes, createdAt }) => ({ id, fileName, mimeType, sizeBytes, createdAt })),
      references: references.filter((r) => r.milestoneId === milestoneId).map((r) => citeReference(r)),
    }),
  };
}

/**
 * An evidence file of a milestone of the viewer's organization, or of one under it the viewer may
 * read (a province's people), to download; null otherwise.
 */
export async function findEvidenceFile(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  fileId: string,
): Promise<{ fileName: string; mimeType: string | null; storagePath: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(milestoneId) || !/^[0-9a-f-]{36}$/i.test(fileId)) return null;
  const [file] = await db
    .select({
      organizationId: evidenceFiles.organizationId,
      fileName: evidenceFiles.fileName,
      mimeType: evidenceFiles.mimeType,
      storagePath: evidenceFiles.storagePath,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.milestoneId, milestoneId)));
  if (!file) return null;
  const own = file.organizationId === viewer.organizationId;
  if (!own && requireReadable(viewer, file.organizationId)) return null;
  return { fileName: file.fileName, mimeType: file.mimeType, storagePath: file.storagePath };
}

export interface Overview {
  counts: Record<ProgressColour, number>;
  perUnit: Array<{ unit: string; counts: Record<ProgressColour, number>; total: number }>;
  overdue: PlanBoardRow[];
}

const emptyCounts = (): Record<ProgressColour, number> => ({ green: 0, blue: 0, orange: 0, red: 0, grey: 0 });

/** The chairman's screen: milestones by colour, per lead unit, and what is overdue, longest late first. */
export function overviewOf(board: PlanBoard): Overview {
  const counts = emptyCounts();
  const perUnit = new Map<string, Record<ProgressColour, number>>();
  for (const row of board.rows) {
    counts[row.colour] += 1;
    for (const unit of countedUnits(row.leadUnits).map((u) => u ?? "—")) {
      const unitCounts = perUnit.get(unit) ?? emptyCounts();
      unitCounts[row.colour] += 1;
      perUnit.set(unit, unitCounts);
    }
  }
  return {
    counts,
    perUnit: [...perUnit]
      .map(([unit, c]) => ({ unit, counts: c, total: Object.values(c).reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.counts.red - a.counts.red || b.total - a.total || a.unit.localeCompare(b.unit, "vi")),
    overdue: board.rows.filter((row) => row.state === "overdue").sort((a, b) => b.daysLate - a.daysLate),
  };
}

/** One month of the year's deadlines: finished (on time or late), overdue, and still open. */
export interface MonthLoad {
  month: number;
  done: number;
  overdue: number;
  open: number;
}

/** The year's deadlines per month, so the year-end pile-up shows (cancelled work does not count). */
export function deadlinesPerMonth(rows: PlanBoardRow[], year: number): MonthLoad[] {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, done: 0, overdue: 0, open: 0 }));
  for (const row of rows) {
    if (row.due === null || row.state === "cancelled" || Number(row.due.slice(0, 4)) !== year) continue;
    const month = months[Number(row.due.slice(5, 7)) - 1]!;
    if (row.state === "done") month.done += 1;
    else if (row.state === "overdue") month.overdue += 1;
    else month.open += 1;
  }
  return months;
}
