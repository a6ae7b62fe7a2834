/**
 * What people do to a milestone from the chat: report it done, attach
 * evidence, report progress, ask for more time, and the coordinators' and
 * chairman's decisions. Every step is checked against the database and
 * written with its event in one transaction.
 */
import { createHash } from "node:crypto";
import { safeFileName } from "../../domain/files/safe-file-name.js";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { approvalRequests, evidenceFiles, milestoneEvents, milestones, people } from "../../../db/schema.js";
import { type IsoDate, parseIsoDate } from "../../domain/calendar/index.js";
import { productIsDocument, transition } from "../../domain/milestones/index.js";
import { capabilitiesOf, hasAccess } from "../access.js";
import type { CompletionDecided, ExtensionDecided } from "../../domain/notifications/index.js";
import { localDay } from "../../domain/planning/index.js";
import type { EvidenceStore } from "../evidence/evidence-store.js";
import { recordEvent } from "../events/outbox.js";
import { reportUpstream } from "../province/report-up.js";
import { moveMilestone } from "../move-milestone.js";
import type { SendSlot } from "../reminders/sync-reminders.js";
import type { Viewer } from "../people/viewer.js";
import { authorizeMilestone, loadMilestone, type MilestoneView } from "./milestone-view.js";

/** The chat message an action came from, for the event log. */
export interface ActionSource {
  chatId: number;
  messageId: number;
}

export interface ActionContext {
  now: Date;
  source?: ActionSource | null;
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function logEvent(
  tx: Tx | Database,
  event: {
    milestone: { id: string; organizationId: string };
    actor: Viewer;
    action: string;
    details?: Record<string, unknown>;
    context: ActionContext;
  },
): Promise<void> {
  await tx.insert(milestoneEvents).values({
    organizationId: event.milestone.organizationId,
    milestoneId: event.milestone.id,
    actorPersonId: event.actor.personId,
    at: event.context.now,
    action: event.action,
    details: event.details ?? {},
    telegramChatId: event.context.source?.chatId ?? null,
    telegramMessageId: event.context.source?.messageId ?? null,
  });
}

type Refusal = { kind: "not-found" } | { kind: "not-allowed" } | { kind: "closed"; milestone: MilestoneView };

/** The milestone if the viewer may act on it and it is still open: the one guard of every milestone action. */
export async function openMilestoneFor(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
): Promise<{ kind: "ok"; milestone: MilestoneView } | Refusal> {
  const authorized = await authorizeMilestone(db, viewer, milestoneId);
  if (authorized.kind !== "ok") return authorized;
  const { milestone } = authorized;
  if (milestone.state === "done" || milestone.state === "cancelled") return { kind: "closed", milestone };
  return { kind: "ok", milestone };
}

export type MarkDoneResult =
  | Refusal
  | { kind: "needs-evidence"; milestone: MilestoneView }
  | { kind: "already-submitted"; milestone: MilestoneView }
  | { kind: "submitted"; milestone: MilestoneView; requestId: string }
  | { kind: "done"; milestone: MilestoneView };

/**
 * "Đã hoàn thành". A written product needs its document first. Coordinators
 * and the chairman close the milestone themselves; anyone else's report goes
 * to the coordinators for approval, dated when it was reported.
 */
export async function markDone(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  context: ActionContext,
): Promise<MarkDoneResult> {
  const found = await openMilestoneFor(db, viewer, milestoneId);
  if (found.kind !== "ok") return found;
  const { milestone } = found;
  if (milestone.state === "submitted") return { kind: "already-submitted", milestone };
  if (productIsDocument(milestone.product) && milestone.evidenceCount === 0)
    return { kind: "needs-evidence", milestone };
  if (hasAccess(viewer, "completion.direct", milestone)) {
    await db.transaction(async (tx) => {
      await tx
        .update(milestones)
        .set({ state: transition(milestone.state, "done"), completedAt: context.now, updatedAt: context.now })
        .where(eq(milestones.id, milestone.id));
      await logEvent(tx, { milestone, actor: viewer, action: "completed", details: { approvedBySelf: true }, context });
      await reportUpstream(tx, milestone.id, { kind: "completed" }, context.now);
    });
    return { kind: "done", milestone };
  }
  const requestId = await db.transaction(async (tx) => {
    await tx
      .update(milestones)
      .set({ state: transition(milestone.state, "submitted"), completedAt: context.now, updatedAt: context.now })
      .where(eq(milestones.id, milestone.id));
    const [request] = await tx
      .insert(approvalRequests)
      .values({
        organizationId: milestone.organizationId,
        milestoneId: milestone.id,
        kind: "completion",
        requestedByPersonId: viewer.personId,
        milestoneVersion: milestone.version,
        createdAt: context.now,
      })
      .returning({ id: approvalRequests.id });
    await logEvent(tx, { milestone, actor: viewer, action: "completion-submitted", context });
    const requestId = (request as { id: string }).id;
    await recordEvent(
      tx,
      milestone.organizationId,
      {
        type: "completion.requested",
        requestId,
        milestoneId: milestone.id,
        requesterPersonId: viewer.personId,
        submittedOn: localDay(context.now, viewer.timeZone),
      },
      context.now,
    );
    return requestId;
  });
  return { kind: "submitted", milestone, requestId };
}

export interface EvidenceUpload {
  fileName: string;
  mimeType: string | null;
  bytes: Buffer;
  telegramFileId: string | null;
  telegramFileUniqueId: string | null;
}

export type AttachEvidenceResult =
  Refusal | { kind: "saved"; milestone: MilestoneView; fileName: string; sha256: string };

/**
 * Keeps evidence in the store, by its sha256 so a file sent twice is kept
 * once; the file is stored before its row, so a row always points at a whole file.
 */
export async function attachEvidence(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  upload: EvidenceUpload,
  context: ActionContext & { evidence: EvidenceStore },
): Promise<AttachEvidenceResult> {
  const found = await openMilestoneFor(db, viewer, milestoneId);
  if (found.kind !== "ok") return found;
  const { milestone } = found;
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  const fileName = safeFileName(upload.fileName, { fallback: "minh-chung" });
  const storagePath = await context.evidence.put(
    {
      organizationSlug: viewer.organizationSlug,
      folder: safeFileName(`${milestone.section ?? "_"}.${milestone.stt ?? "_"}`),
      fileName,
      sha256,
    },
    upload.bytes,
  );
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: evidenceFiles.id })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.milestoneId, milestone.id), eq(evidenceFiles.sha256, sha256)));
    if (existing) return;
    await tx.insert(evidenceFiles).values({
      organizationId: milestone.organizationId,
      milestoneId: milestone.id,
      uploadedByPersonId: viewer.personId,
      fileName,
      mimeType: upload.mimeType,
      sizeBytes: upload.bytes.length,
      sha256,
      storagePath,
      telegramFileId: upload.telegramFileId,
      telegramFileUniqueId: upload.telegramFileUniqueId,
      createdAt: context.now,
    });
    await logEvent(tx, {
      milestone,
      actor: viewer,
      action: "evidence-attached",
      details: { fileName, sha256, sizeBytes: upload.bytes.length },
      context,
    });
  });
  return { kind: "saved", milestone: { ...milestone, evidenceCount: milestone.evidenceCount + 1 }, fileName, sha256 };
}

export type ProgressResult = Refusal | { kind: "saved"; milestone: MilestoneView };

/** "Báo cáo tiến độ": a percentage (0–100); an open milestone becomes in progress. */
export async function reportProgress(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  percent: number,
  context: ActionContext,
): Promise<ProgressResult> {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) return { kind: "not-found" };
  const found = await openMilestoneFor(db, viewer, milestoneId);
  if (found.kind !== "ok") return found;
  const { milestone } = found;
  await db.transaction(async (tx) => {
    await tx
      .update(milestones)
      .set({
        progressPercent: percent,
        state: milestone.state === "open" ? transition(milestone.state, "in_progress") : milestone.state,
        updatedAt: context.now,
      })
      .where(eq(milestones.id, milestone.id));
    await logEvent(tx, { milestone, actor: viewer, action: "progress", details: { percent }, context });
  });
  return { kind: "saved", milestone };
}

/** A note typed after a progress report. */
export async function addProgressNote(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  note: string,
  context: ActionContext,
): Promise<ProgressResult> {
  const found = await openMilestoneFor(db, viewer, milestoneId);
  if (found.kind !== "ok") return found;
  await logEvent(db, {
    milestone: found.milestone,
    actor: viewer,
    action: "progress-note",
    details: { note: note.slice(0, 2000) },
    context,
  });
  return { kind: "saved", milestone: found.milestone };
}

export type ExtensionRequestResult =
  | Refusal
  | { kind: "not-later"; milestone: MilestoneView }
  | { kind: "already-pending"; milestone: MilestoneView }
  | { kind: "requested"; milestone: MilestoneView; requestId: string };

/** "Xin gia hạn": a later due day and a reason, for the coordinators and the chairman to decide. */
export async function requestExtension(
  db: Database,
  viewer: Viewer,
  milestoneId: string,
  request: { newDue: IsoDate; reason: string },
  context: ActionContext,
): Promise<ExtensionRequestResult> {
  if (!parseIsoDate(request.newDue)) return { kind: "not-found" };
  const found = await openMilestoneFor(db, viewer, milestoneId);
  if (found.kind !== "ok") return found;
  const { milestone } = found;
  if (milestone.due !== null && request.newDue <= milestone.due) return { kind: "not-later", milestone };
  const [pending] = await db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.milestoneId, milestone.id),
        eq(approvalRequests.kind, "extension"),
        eq(approvalRequests.state, "pending"),
      ),
    );
  if (pending) return { kind: "already-pending", milestone };
  const requestId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(approvalRequests)
      .values({
        organizationId: milestone.organizationId,
        milestoneId: milestone.id,
        kind: "extension",
        requestedByPersonId: viewer.personId,
        milestoneVersion: milestone.version,
        requestedDue: request.newDue,
        reason: request.reason.slice(0, 2000),
        createdAt: context.now,
      })
      .returning({ id: approvalRequests.id });
    await logEvent(tx, {
      milestone,
      actor: viewer,
      action: "extension-requested",
      details: { from: milestone.due, to: request.newDue, reason: request.reason.slice(0, 2000) },
      context,
    });
    const requestId = (row as { id: string }).id;
    await recordEvent(
      tx,
      milestone.organizationId,
      {
        type: "extension.requested",
        requestId,
        milestoneId: milestone.id,
        requesterPersonId: viewer.personId,
        requestedDue: request.newDue,
        reason: request.reason.slice(0, 2000),
      },
      context.now,
    );
    return requestId;
  });
  return { kind: "requested", milestone, requestId };
}

export type Decision = "approve" | "return" | "grant" | "deny";

export type DecisionResult =
  | { kind: "not-found" }
  | { kind: "not-allowed" }
  | { kind: "already-decided"; state: string }
  | { kind: "stale"; requesterPersonId: string; milestone: MilestoneView }
  | {
      kind: "decided";
      decision: Decision;
      requesterPersonId: string;
      milestone: MilestoneView;
      requestedDue: IsoDate | null;
      /** For a granted extension: the send times of the replanned reminders, to queue now. */
      slots: SendSlot[];
    };

/**
 * A coordinator approves or returns a completion; a coordinator or the
 * chairman grants or refuses an extension. A granted extension moves the
 * milestone (new version, reminders replanned) in the same transaction as the
 * decision. A request made before the milestone moved is stale.
 */
export async function decideRequest(
  db: Database,
  viewer: Viewer,
  requestId: string,
  decision: Decision,
  context: ActionContext & { comment?: string | null },
): Promise<DecisionResult> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) return { kind: "not-found" };
  const [request] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, requestId));
  if (!request || request.organizationId !== viewer.organizationId) return { kind: "not-allowed" };
  const isCompletion = request.kind === "completion";
  if (isCompletion !== (decision === "approve" || decision === "return")) return { kind: "not-found" };
  const allowed = isCompletion
    ? hasAccess(viewer, "completion.approve", request)
    : hasAccess(viewer, "extension.decide", request);
  if (!allowed) return { kind: "not-allowed" };
  const milestone = await loadMilestone(db, request.milestoneId, viewer.timeZone);
  if (!milestone) return { kind: "not-found" };

  return db.transaction(async (tx) => {
    // Taken with a conditional update: two approvers pressing at once decide once.
    const newState = decision === "approve" || decision === "grant" ? "approved" : "rejected";
    const [taken] = await tx
      .update(approvalRequests)
      .set({
        state: milestone.version === request.milestoneVersion ? newState : "withdrawn",
        decidedByPersonId: viewer.personId,
        decidedAt: context.now,
        decisionComment: context.comment ?? null,
      })
      .where(and(eq(approvalRequests.id, request.id), eq(approvalRequests.state, "pending")))
      .returning({ state: approvalRequests.state });
    if (!taken) {
      const [current] = await tx
        .select({ state: approvalRequests.state })
        .from(approvalRequests)
        .where(eq(approvalRequests.id, request.id));
      return { kind: "already-decided", state: current?.state ?? "withdrawn" };
    }
    if (taken.state === "withdrawn") {
      return { kind: "stale", requesterPersonId: request.requestedByPersonId, milestone };
    }
    const common = { requesterPersonId: request.requestedByPersonId, milestone, requestedDue: request.requestedDue };
    let slots: SendSlot[] = [];
    if (decision === "approve") {
      await tx
        .update(milestones)
        .set({ state: transition(milestone.state, "done"), updatedAt: context.now })
        .where(eq(milestones.id, milestone.id));
      await logEvent(tx, { milestone, actor: viewer, action: "completion-approved", context });
      await reportUpstream(tx, milestone.id, { kind: "completed" }, context.now);
    } else if (decision === "return") {
      await tx
        .update(milestones)
        .set({ state: transition(milestone.state, "in_progress"), completedAt: null, updatedAt: context.now })
        .where(eq(milestones.id, milestone.id));
      await logEvent(tx, {
        milestone,
        actor: viewer,
        action: "completion-returned",
        details: { comment: context.comment ?? null },
        context,
      });
    } else if (decision === "grant") {
      const moved = await moveMilestone(tx, {
        organizationId: milestone.organizationId,
        milestoneId: milestone.id,
        start: milestone.start,
        due: request.requestedDue as string,
        actorPersonId: viewer.personId,
        reason: request.reason ?? undefined,
        source: "extension",
        alreadyToldPersonId: request.requestedByPersonId,
        now: context.now,
      });
      // The requested day was read and checked when the extension was asked for, on this open milestone.
      if (moved.kind !== "moved")
        throw new Error(`extension ${request.id} cannot move its milestone: ${moved.reason ?? moved.kind}`);
      slots = moved.slots;
      await logEvent(tx, {
        milestone,
        actor: viewer,
        action: "extension-approved",
        details: { from: milestone.due, to: request.requestedDue },
        context,
      });
      await reportUpstream(tx, milestone.id, { kind: "extended", due: request.requestedDue as string }, context.now);
    } else {
      await logEvent(tx, {
        milestone,
        actor: viewer,
        action: "extension-refused",
        details: { requested: request.requestedDue, comment: context.comment ?? null },
        context,
      });
    }
    await recordEvent(
      tx,
      milestone.organizationId,
      decidedEvent(request, viewer, decision, milestone, context),
      context.now,
    );
    return { kind: "decided", decision, ...common, slots };
  });
}

/** What the decision tells: the requester hears it, whoever decided and wherever. */
function decidedEvent(
  request: typeof approvalRequests.$inferSelect,
  viewer: Viewer,
  decision: Decision,
  milestone: MilestoneView,
  context: ActionContext & { comment?: string | null },
): CompletionDecided | ExtensionDecided {
  const common = {
    requestId: request.id,
    milestoneId: milestone.id,
    requesterPersonId: request.requestedByPersonId,
    deciderPersonId: viewer.personId,
  };
  if (decision === "approve" || decision === "return")
    return { type: "completion.decided", ...common, decision, comment: context.comment ?? null };
  return {
    type: "extension.decided",
    ...common,
    decision,
    requestedDue: request.requestedDue as IsoDate,
    dueBefore: milestone.due,
  };
}

export interface PendingApproval {
  requestId: string;
  kind: "completion" | "extension";
  milestone: MilestoneView;
  requesterName: string;
  requestedDue: IsoDate | null;
  reason: string | null;
  createdAt: Date;
}

/** What waits for this viewer: completions for coordinators, extensions for coordinators and the chairman. */
export async function listPendingApprovals(db: Database, viewer: Viewer): Promise<PendingApproval[]> {
  const kinds: Array<"completion" | "extension"> = [];
  const may = capabilitiesOf(viewer);
  if (may.approveCompletion) kinds.push("completion");
  if (may.decideExtension) kinds.push("extension");
  if (kinds.length === 0) return [];
  const rows = await db
    .select({ request: approvalRequests, requesterName: people.fullName })
    .from(approvalRequests)
    .innerJoin(people, eq(people.id, approvalRequests.requestedByPersonId))
    .where(and(eq(approvalRequests.organizationId, viewer.organizationId), eq(approvalRequests.state, "pending")))
    .orderBy(approvalRequests.createdAt);
  const result: PendingApproval[] = [];
  for (const row of rows) {
    if (!kinds.includes(row.request.kind)) continue;
    const milestone = await loadMilestone(db, row.request.milestoneId, viewer.timeZone);
    if (!milestone) continue;
    result.push({
      requestId: row.request.id,
      kind: row.request.kind,
      milestone,
      requesterName: row.requesterName,
      requestedDue: row.request.requestedDue,
      reason: row.request.reason,
      createdAt: row.request.createdAt,
    });
  }
  return result;
}
