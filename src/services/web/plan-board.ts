/**
 * What the web app shows: the whole plan as the appendix lays it out, one
 * milestone with everything about it, and the chairman's overview. Every read
 * is scoped to the viewer's organization; states, colours and days late come
 * from the same report rows the printed reports use.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import { approvalRequests, evidenceFiles, milestoneEvents, people } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import {
  canActOnMilestone,
  canApproveCompletion,
  canCoordinate,
  canDecideExtension,
  type ProgressColour,
} from "../../domain/milestones/index.js";
import { loadMilestone, type MilestoneView } from "../milestones/milestone-view.js";
import type { Viewer } from "../people/viewer.js";
import { loadReportRows, type ReportRow } from "../reports/report-rows.js";

export interface PlanBoardRow extends ReportRow {
  taskId: string;
  leadUnitIds: string[];
  supportUnits: string[];
  /** The deadline cells as the plan wrote them. */
  deadlineTexts: string[];
}

export interface PlanBoard {
  organizationName: string;
  rows: PlanBoardRow[];
  units: Array<{ id: string; name: string }>;
  sections: Array<{ section: string; title: string | null }>;
}

/** Every live milestone of the viewer's organization, in plan order, with its units. */
export async function loadPlanBoard(db: Database, viewer: Viewer, today: IsoDate): Promise<PlanBoard> {
  const report = await loadReportRows(db, viewer.organizationSlug, { today });
  const extras = await queryRows<{
    milestone_id: string;
    task_id: string;
    deadline_texts: string[];
    lead_ids: string[] | null;
    support: string[] | null;
  }>(
    db,
    sql`select m.id as milestone_id, t.id as task_id, t.deadline_texts,
          (select array_agg(tu.unit_id::text) from task_units tu
             where tu.task_id = t.id and tu.relation = 'lead') as lead_ids,
          (select array_agg(u.name order by u.name) from task_units tu join units u on u.id = tu.unit_id
             where tu.task_id = t.id and tu.relation = 'support') as support
        from milestones m join tasks t on t.id = m.task_id
        where m.organization_id = ${viewer.organizationId} and t.removed_at is null`,
  );
  const extraOf = new Map(extras.map((e) => [e.milestone_id, e]));
  const units = await queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.name from units u
        where u.organization_id = ${viewer.organizationId} and u.merged_into_id is null
          and exists (select 1 from task_units tu where tu.unit_id = u.id and tu.relation = 'lead')
        order by u.name`,
  );
  const rows = report.rows.map((row) => {
    const extra = extraOf.get(row.milestoneId);
    return {
      ...row,
      taskId: extra?.task_id ?? row.milestoneId,
      leadUnitIds: extra?.lead_ids ?? [],
      supportUnits: extra?.support ?? [],
      deadlineTexts: extra?.deadline_texts ?? [],
    };
  });
  const sections = new Map<string, string | null>();
  for (const row of rows)
    if (row.section !== null && !sections.has(row.section)) sections.set(row.section, row.sectionTitle);
  return {
    organizationName: report.organizationName,
    rows,
    units,
    sections: [...sections].map(([section, title]) => ({ section, title })),
  };
}

export interface MilestoneDetail {
  milestone: MilestoneView;
  row: PlanBoardRow | null;
  events: Array<{ at: Date; actor: string | null; action: string; details: Record<string, unknown> }>;
  evidence: Array<{ id: string; fileName: string; sizeBytes: number; createdAt: Date }>;
  pending: Array<{
    requestId: string;
    kind: "completion" | "extension";
    requesterName: string;
    requestedDue: IsoDate | null;
    reason: string | null;
    createdAt: Date;
  }>;
  may: { act: boolean; approve: boolean; decideExtension: boolean; coordinate: boolean };
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
): Promise<{ ok: true; detail: MilestoneDetail } | { ok: false; reason: "not-found" }> {
  const milestone = await loadMilestone(db, milestoneId, viewer.timeZone);
  if (!milestone || milestone.organizationId !== viewer.organizationId) return { ok: false, reason: "not-found" };
  const board = await loadReportRows(db, viewer.organizationSlug, { today });
  const report = board.rows.find((r) => r.milestoneId === milestone.id) ?? null;
  const events = await db
    .select({
      at: milestoneEvents.at,
      actor: people.fullName,
      action: milestoneEvents.action,
      details: milestoneEvents.details,
    })
    .from(milestoneEvents)
    .leftJoin(people, eq(people.id, milestoneEvents.actorPersonId))
    .where(
      and(eq(milestoneEvents.milestoneId, milestone.id), eq(milestoneEvents.organizationId, viewer.organizationId)),
    )
    .orderBy(asc(milestoneEvents.id));
  const evidence = await db
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      sizeBytes: evidenceFiles.sizeBytes,
      createdAt: evidenceFiles.createdAt,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.milestoneId, milestone.id), eq(evidenceFiles.organizationId, viewer.organizationId)))
    .orderBy(asc(evidenceFiles.createdAt));
  const pending = await db
    .select({ request: approvalRequests, requesterName: people.fullName })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.requestedByPersonId))
    .where(
      and(
        eq(approvalRequests.milestoneId, milestone.id),
        eq(approvalRequests.organizationId, viewer.organizationId),
        eq(approvalRequests.state, "pending"),
      ),
    )
    .orderBy(asc(approvalRequests.createdAt));
  const extras = await queryRows<{ support: string[] | null; deadline_texts: string[] }>(
    db,
    sql`select t.deadline_texts, (select array_agg(u.name order by u.name) from task_units tu
          join units u on u.id = tu.unit_id where tu.task_id = t.id and tu.relation = 'support') as support
        from tasks t where t.id = ${milestone.taskId} and t.organization_id = ${viewer.organizationId}`,
  );
  const row: PlanBoardRow | null = report
    ? {
        ...report,
        taskId: milestone.taskId,
        leadUnitIds: milestone.leadUnitIds,
        supportUnits: extras[0]?.support ?? [],
        deadlineTexts: extras[0]?.deadline_texts ?? [],
      }
    : null;
  return {
    ok: true,
    detail: {
      milestone,
      row,
      events,
      evidence,
      pending: pending.map(({ request, requesterName }) => ({
        requestId: request.id,
        kind: request.kind,
        requesterName,
        requestedDue: request.requestedDue,
        reason: request.reason,
        createdAt: request.createdAt,
      })),
      may: {
        act: canActOnMilestone(viewer, milestone),
        approve: canApproveCompletion(viewer, viewer.organizationId),
        decideExtension: canDecideExtension(viewer, viewer.organizationId),
        coordinate: canCoordinate(viewer),
      },
    },
  };
}

/** An evidence file of a milestone of the viewer's organization, to download; null otherwise. */
export async function findEvidenceFile(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  fileId: string,
): Promise<{ fileName: string; mimeType: string | null; storagePath: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(milestoneId) || !/^[0-9a-f-]{36}$/i.test(fileId)) return null;
  const [file] = await db
    .select({
      fileName: evidenceFiles.fileName,
      mimeType: evidenceFiles.mimeType,
      storagePath: evidenceFiles.storagePath,
    })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.id, fileId),
        eq(evidenceFiles.milestoneId, milestoneId),
        eq(evidenceFiles.organizationId, viewer.organizationId),
      ),
    );
  return file ?? null;
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
    for (const unit of row.leadUnits.length > 0 ? row.leadUnits : ["—"]) {
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
