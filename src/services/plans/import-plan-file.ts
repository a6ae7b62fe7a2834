/**
 * The one way a plan file becomes a plan, for the CLI and the chat alike:
 * read it (in a child process with limits), interpret it, then preview or
 * apply the import and plan its reminders. The front ends only fetch the
 * bytes and word the result.
 */
import { createHash } from "node:crypto";
import { and, eq, or } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { organizations, plans } from "../../../db/schema.js";
import { awaitsReceipt, receiptProblem } from "../../domain/deadline/index.js";
import { formatVietnameseDate, parseIsoDate } from "../../domain/calendar/index.js";
import { displayFileName } from "../../domain/files/safe-file-name.js";
import type { DocumentReading } from "../../import/directive/read-directive.js";
export { readsAsPastedDocument } from "../../import/directive/read-directive.js";
import type { PlanDraft } from "../../import/plan-draft.js";
import { type Principal, type Refused, refusedFor, requireAccess } from "../access.js";
import { type ImportSummary, importPlan, planKeyOf } from "../import-plan.js";
import { previewImport } from "../import-preview.js";
import { type SendSlot, syncReminders } from "../reminders/sync-reminders.js";
import { MAX_PLAN_TASKS } from "./plan-limits.js";
import { DEFAULT_TIME_ZONE, localDay } from "../../domain/planning/index.js";
import {
  isPlanFileName,
  PLAN_FILE_EXTENSIONS,
  type PlanRead,
  type PlanReader,
  readPlanDocument,
  readPlanHere,
} from "./read-plan-document.js";

export { isPlanFileName, PLAN_FILE_EXTENSIONS, type PlanRead, type PlanReader, readPlanDocument, readPlanHere };


/** The most tasks a plan may have before the front ends ask once more (see plan-limits.ts). */
export { MAX_PLAN_TASKS };



export interface PlanFileRequest {
  fileName: string;
  bytes: Buffer;
  /** `preview` rolls the import back; `apply` keeps it. */
  mode: "preview" | "apply";
  /** A new slug creates the organization (the operator only). */
  organizationSlug: string;
  /** The plan's year when the caller knows better than the document (the CLI's --year). */
  year?: number;
  /** Read as a plan or a directive whatever the document's kind says (the CLI's --kind). */
  kind?: DocumentReading;
  /** The day the office received the document, given at confirmation: "kể từ ngày nhận được" counts from it. */
  receivedOn?: string;
  /** For `apply` after a preview: the file must still be the one previewed. */
  expectedSha256?: string;
  now: Date;
  /** How the document is read; `readPlanHere` when not given. */
  reader?: PlanReader;
  /** The most tasks the caller accepts: MAX_PLAN_TASKS unless the person confirmed a larger plan. */
  maxTasks?: number;
}


export type PlanFileResult =
  | Refused<"not-allowed" | "stale">
  | { kind: "unsupported"; fileName: string; extensions: readonly string[] }
  /** The plan has more tasks than `limit`: nothing was previewed or written. */
  | { kind: "too-many-tasks"; tasks: number; limit: number; fileSha256: string }
  | ({ kind: "previewed"; summary: ImportSummary } & PlanRead)
  | ({ kind: "applied"; summary: ImportSummary; slots: SendSlot[] } & PlanRead);


/** Tasks whose deadline counts from the day the document was received, while that day is not known. */
export function tasksAwaitingReceipt(draft: PlanDraft): number {
  return draft.tasks.filter((task) => awaitsReceipt(task.schedule)).length;
}

/**
 * Reads the document with the day it was received: the one given now, else
 * the one a coordinator gave for this document before (so a re-import counts
 * from the same day and changes nothing); the day is kept with the plan.
 */
async function readWithReceipt(
  db: Database,
  organizationId: string | null,
  request: PlanFileRequest,
  timeZone: string,
): Promise<PlanRead> {
  const read = await readPlanDocument(request, timeZone);
  let receivedOn = request.receivedOn;
  const { kind, number, issuedOn } = read.draft.plan;
  if (receivedOn === undefined && organizationId !== null && tasksAwaitingReceipt(read.draft) > 0) {
    // The document imported before: by its number and date, or (a plan without them) by its key.
    const sameDocument =
      number && issuedOn
        ? or(
            eq(plans.planKey, planKeyOf(read.draft)),
            and(eq(plans.number, number), eq(plans.issuedOn, issuedOn), eq(plans.kind, kind ?? "")),
          )
        : eq(plans.planKey, planKeyOf(read.draft));
    const [stored] = await db
      .select({ receivedOn: plans.receivedOn })
      .from(plans)
      .where(and(eq(plans.organizationId, organizationId), sameDocument));
    if (!stored?.receivedOn) return read;
    receivedOn = stored.receivedOn;
    const again = await readPlanDocument({ ...request, receivedOn }, timeZone);
    return { ...again, draft: { ...again.draft, plan: { ...again.draft.plan, receivedOn } } };
  }
  if (receivedOn === undefined) return read;
  return { ...read, draft: { ...read.draft, plan: { ...read.draft.plan, receivedOn } } };
}

/**
 * Reads and imports a plan file for `principal`: coordinators into their own
 * organization, the operator into any (creating it). Unreadable documents
 * throw ImportError with the reason in Vietnamese and the file's name.
 */
export async function importPlanFile(
  db: Database,
  principal: Principal,
  request: PlanFileRequest,
): Promise<PlanFileResult> {
  if (!isPlanFileName(request.fileName)) {
    return { kind: "unsupported", fileName: request.fileName, extensions: PLAN_FILE_EXTENSIONS };
  }
  const [organization] = await db
    .select({ id: organizations.id, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.slug, request.organizationSlug));
  // An organization nobody has yet: only the operator brings it into being.
  const refused = requireAccess(principal, "organization.coordinate", { organizationId: organization?.id ?? "" });
  if (refused) return refused;
  if (request.expectedSha256 !== undefined) {
    const sha256 = createHash("sha256").update(request.bytes).digest("hex");
    if (sha256 !== request.expectedSha256) return { kind: "stale" };
  }
  if (request.receivedOn !== undefined && !parseIsoDate(request.receivedOn)) return refusedFor("date-invalid");
  const timeZone = organization?.timeZone ?? DEFAULT_TIME_ZONE;
  const read = await readWithReceipt(db, organization?.id ?? null, request, timeZone);
  // A receipt given now is checked as one set later is (setReceivedOn): not before the document, not after today.
  if (request.receivedOn !== undefined) {
    const issuedOn = read.draft.plan.issuedOn ?? null;
    const problem = receiptProblem(request.receivedOn, issuedOn, localDay(request.now, timeZone));
    if (problem === "before-issued") return refusedFor("received-before-issued", formatVietnameseDate(issuedOn!));
    if (problem === "in-future") return refusedFor("received-in-future", formatVietnameseDate(request.receivedOn));
  }
  const { fileSha256 } = read;
  const limit = request.maxTasks ?? MAX_PLAN_TASKS;
  if (read.draft.tasks.length > limit) return { kind: "too-many-tasks", tasks: read.draft.tasks.length, limit, fileSha256 };
  const target = {
    organizationSlug: request.organizationSlug,
    // The name is stored and shown later (plan pages, reports): never with control or bidi characters.
    fileName: displayFileName(request.fileName),
    fileSha256,
    now: request.now,
    actorPersonId: "personId" in principal && typeof principal.personId === "string" ? principal.personId : null,
  };
  if (request.mode === "preview") return { kind: "previewed", summary: await previewImport(db, read.draft, target), ...read };
  const summary = await importPlan(db, read.draft, target);
  // The reminder rows are planned with the import; the caller queues their send times (or the reconciler will).
  const slots = await syncReminders(db, summary.organizationId, request.now, { planId: summary.planId });
  return { kind: "applied", summary, slots, ...read };
}
