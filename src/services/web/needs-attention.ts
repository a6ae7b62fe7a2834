/**
 * "Cần xử lý": what waits for the viewer, first thing on their landing page.
 * For the coordinators and the chairman: the decisions waiting (completions
 * with their evidence, extensions with the date and reason asked, new unit
 * names to confirm, tasks without a date, documents without their day of
 * receipt), then overdue work longest late
 * first, then what falls due in the next 7 days. For anyone else: their
 * units' open work, soonest first ("Việc của tôi").
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import { approvalRequests, people } from "../../../db/schema.js";
import { addDays, type IsoDate } from "../../domain/calendar/index.js";
import { canApproveCompletion, canDecideExtension } from "../../domain/milestones/index.js";
import { hasAccess } from "../access.js";
import type { Viewer } from "../people/viewer.js";
import { listReviewItems } from "../review.js";
import { type EvidenceFileSummary, evidenceOf, loadPlanBoard, type PlanBoardRow } from "./plan-board.js";

/** How far ahead "due soon" looks. */
export const DUE_SOON_DAYS = 7;

/** A completion or an extension waiting for a decision, with what it was sent with. */
export interface WaitingRequest {
  requestId: string;
  kind: "completion" | "extension";
  row: PlanBoardRow;
  requesterName: string;
  createdAt: Date;
  requestedDue: IsoDate | null;
  reason: string | null;
  evidence: EvidenceFileSummary[];
  /** Documents cited instead of files ("Kế hoạch số 15/KH-UBND ngày …"). */
  references: string[];
  /** Whether this viewer may decide it (the chairman decides extensions, not completions). */
  mayDecide: boolean;
}

export type NeedsAttention =
  | {
      kind: "decisions";
      requests: WaitingRequest[];
      newUnits: Array<{ unitId: string; name: string; tasks: number }>;
      undated: Array<{ milestoneId: string; section: string | null; stt: string | null; title: string }>;
      /** Documents whose tasks count from the day they were received, that day not given. */
      receipts: Array<{ planId: string; document: string; tasks: number }>;
      overdue: PlanBoardRow[];
      dueSoon: PlanBoardRow[];
    }
  | { kind: "own-work"; mine: PlanBoardRow[] };

const isOpenWork = (row: PlanBoardRow) =>
  row.state === "open" || row.state === "in_progress" || row.state === "overdue";

/** Soonest due first, undated last, then plan order (the sort is stable). */
const bySoonest = (a: PlanBoardRow, b: PlanBoardRow) =>
  a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1;

/** What waits for the viewer on `today`; the leader's view needs the organization.read permission. */
export async function needsAttention(db: Database, viewer: Viewer, today: IsoDate): Promise<NeedsAttention> {
  const board = await loadPlanBoard(db, viewer, today);
  if (!hasAccess(viewer, "organization.read", viewer)) {
    const mine = new Set(viewer.roles.flatMap((r) => (r.unitId ? [r.unitId] : [])));
    return {
      kind: "own-work",
      mine: board.rows.filter((row) => isOpenWork(row) && row.leadUnitIds.some((id) => mine.has(id))).sort(bySoonest),
    };
  }
  const review = await listReviewItems(db, viewer, viewer.organizationId);
  const items = review.kind === "ok" ? review.items : [];
  const soonEnd = addDays(today, DUE_SOON_DAYS);
  return {
    kind: "decisions",
    requests: await waitingRequests(db, viewer, board.rows),
    newUnits: items.flatMap((i) => (i.kind === "unit" ? [{ unitId: i.unitId, name: i.name, tasks: i.tasks }] : [])),
    undated: items.flatMap((i) =>
      i.kind === "date" ? [{ milestoneId: i.milestoneId, section: i.section, stt: i.stt, title: i.title }] : [],
    ),
    receipts: items.flatMap((i) =>
      i.kind === "receipt" ? [{ planId: i.planId, document: i.document, tasks: i.tasks }] : [],
    ),
    overdue: board.rows.filter((row) => row.state === "overdue").sort((a, b) => b.daysLate - a.daysLate),
    dueSoon: board.rows
      .filter((row) => isOpenWork(row) && row.state !== "overdue" && row.due !== null && row.due <= soonEnd)
      .sort(bySoonest),
  };
}

/** The organization's pending requests, oldest first, each with its milestone's row and evidence. */
async function waitingRequests(db: Database, viewer: Viewer, rows: PlanBoardRow[]): Promise<WaitingRequest[]> {
  const pending = await db
    .select({ request: approvalRequests, requesterName: people.fullName })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.requestedByPersonId))
    .where(and(eq(approvalRequests.organizationId, viewer.organizationId), eq(approvalRequests.state, "pending")))
    .orderBy(asc(approvalRequests.createdAt));
  const rowOf = new Map(rows.map((row) => [row.milestoneId, row]));
  const ids = [...new Set(pending.map((p) => p.request.milestoneId))].filter((id) => rowOf.has(id));
  if (ids.length === 0) return [];
  const evidence = await evidenceOf(db, viewer.organizationId, ids);
  return pending.flatMap(({ request, requesterName }) => {
    const row = rowOf.get(request.milestoneId);
    if (!row) return [];
    return [
      {
        requestId: request.id,
        kind: request.kind,
        row,
        requesterName,
        createdAt: request.createdAt,
        requestedDue: request.requestedDue,
        reason: request.reason,
        evidence: evidence.of(row.milestoneId).files,
        references: evidence.of(row.milestoneId).references,
        mayDecide:
          request.kind === "completion"
            ? canApproveCompletion(viewer, viewer.organizationId)
            : canDecideExtension(viewer, viewer.organizationId),
      },
    ];
  });
}

/**
 * The number beside "Cần xử lý" in the navigation, asked on every page: the
 * requests the viewer may decide, or for anyone else their units' open work
 * due within the next 7 days or already late. One small count query.
 */
export async function attentionCount(db: Database, viewer: Viewer, today: IsoDate): Promise<number> {
  if (hasAccess(viewer, "organization.read", viewer)) {
    const kinds = [
      ...(canApproveCompletion(viewer, viewer.organizationId) ? ["completion"] : []),
      ...(canDecideExtension(viewer, viewer.organizationId) ? ["extension"] : []),
    ];
    if (kinds.length === 0) return 0;
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from approval_requests r join milestones m on m.id = r.milestone_id
          join tasks t on t.id = m.task_id
          where r.organization_id = ${viewer.organizationId} and r.state = 'pending' and t.removed_at is null
            and r.kind in (${sql.join(
              kinds.map((k) => sql`${k}`),
              sql`, `,
            )})`,
    );
    return row?.n ?? 0;
  }
  const unitIds = viewer.roles.flatMap((r) => (r.unitId ? [r.unitId] : []));
  if (unitIds.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct m.id)::int as n from milestones m join tasks t on t.id = m.task_id
        join task_units tu on tu.task_id = t.id and tu.relation = 'lead'
        where m.organization_id = ${viewer.organizationId} and t.removed_at is null
          and m.state in ('open', 'in_progress') and m.due is not null
          and m.due <= ${addDays(today, DUE_SOON_DAYS)}::date
          and tu.unit_id in (${sql.join(
            unitIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
  return row?.n ?? 0;
}
