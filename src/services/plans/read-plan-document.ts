/**
 * Reading a plan file, the first step of importing it: which files are plans,
 * how the document is read and the one year rule. Apart from the database
 * write (import-plan-file.ts) so that `import --dry-run` and the readers do not
 * load the database layer.
 */
import { createHash } from "node:crypto";
import { extname } from "node:path";
import { DateTime } from "luxon";
import { DEFAULT_TIME_ZONE } from "../../domain/planning/index.js";
import { MissingPlanYearError } from "../../import/import-error.js";
import type { DocumentReading } from "../../import/directive/read-directive.js";
import type { PlanDraft } from "../../import/plan-draft.js";
import { SUPPORTED_EXTENSIONS } from "../../import/read-document.js";
import { DEFAULT_READ_LIMITS } from "../../import/read-limits.js";
import { readPlanInThisProcess } from "../../import/read-plan-file.js";

/** The file types a plan is read from: the importer's own list, so no front end keeps another. */
export const PLAN_FILE_EXTENSIONS: readonly string[] = SUPPORTED_EXTENSIONS;

/** Whether a file's name says it is a plan document the importer reads. */
export function isPlanFileName(fileName: string): boolean {
  return PLAN_FILE_EXTENSIONS.includes(extname(fileName).toLowerCase());
}

/** The time zone of an organization not created yet: the product's home. */

/** Reads a plan document into a draft; throws ImportError (MissingPlanYearError when it names no year). */
export type PlanReader = (
  fileName: string,
  bytes: Buffer,
  options: { year?: number; kind?: DocumentReading; receivedOn?: string },
) => Promise<PlanDraft>;

/**
 * Reads in this process, with the importer's limits. A runtime that wants the
 * read away from its event loop passes `readPlanFile` (a child process) instead.
 */
export const readPlanHere: PlanReader = (fileName, bytes, options) =>
  readPlanInThisProcess({ fileName, bytes, ...options, limits: DEFAULT_READ_LIMITS });

export interface PlanRead {
  draft: PlanDraft;
  fileSha256: string;
  /**
   * The document names no year, so the plan was read as the organization's
   * current year: the one rule for a plan without a year, in the chat and the CLI.
   */
  yearAssumed: boolean;
}

/**
 * The read step alone (the CLI's --dry-run), with the one year rule: the
 * caller's year, else the document's, else the current year where the plan's
 * organization is. Unreadable documents throw ImportError.
 */
export async function readPlanDocument(
  request: {
    fileName: string;
    bytes: Buffer;
    year?: number;
    kind?: DocumentReading;
    receivedOn?: string;
    now: Date;
    reader?: PlanReader;
  },
  timeZone = DEFAULT_TIME_ZONE,
): Promise<PlanRead> {
  const reader = request.reader ?? readPlanHere;
  // Read as a plan or a directive whatever the document's own kind says (the CLI's --kind).
  const kind = {
    ...(request.kind !== undefined ? { kind: request.kind } : {}),
    ...(request.receivedOn !== undefined ? { receivedOn: request.receivedOn } : {}),
  };
  const read: PlanReader = (fileName, bytes, options) => reader(fileName, bytes, { ...options, ...kind });
  const fileSha256 = createHash("sha256").update(request.bytes).digest("hex");
  if (request.year !== undefined) {
    const draft = await read(request.fileName, request.bytes, { year: request.year });
    return { draft, fileSha256, yearAssumed: false };
  }
  try {
    return { draft: await read(request.fileName, request.bytes, {}), fileSha256, yearAssumed: false };
  } catch (error) {
    if (!(error instanceof MissingPlanYearError)) throw error;
    const year = DateTime.fromJSDate(request.now, { zone: timeZone }).year;
    return { draft: await read(request.fileName, request.bytes, { year }), fileSha256, yearAssumed: true };
  }
}
