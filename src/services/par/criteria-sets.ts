import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { parSets } from "../../../db/schema.js";
import type { CriteriaSet } from "../../domain/par/index.js";
import type { CriteriaDraft } from "../../import/par/interpret-criteria.js";
import { readCriteriaFile } from "../../import/par/read-criteria-file.js";
import { hasAccess, isOperator, type Principal, type Refused } from "../access.js";

export interface CriteriaSetRequest {
  fileName: string;
  bytes: Buffer;
  /** Province slug: "binh-duong". */
  province: string;
  year: number;
  /** Read and explain only; nothing is stored. */
  dryRun?: boolean;
}

export type CriteriaSetResult =
  | Refused<"not-allowed">
  | { kind: "read"; draft: CriteriaDraft }
  | { kind: "stored"; draft: CriteriaDraft; setId: string; version: number; unchanged: boolean };

/** Who may bring in a province's set: the operator, or a coordinator (sets are shared by the province's offices). */
function mayImportSets(principal: Principal): boolean {
  return isOperator(principal) || hasAccess(principal, "organization.coordinate", principal);
}

/** Reads a set and explains it without storing anything (a dry run, the upload preview). */
export async function readCriteriaSet(
  principal: Principal,
  request: Omit<CriteriaSetRequest, "dryRun">,
): Promise<Refused<"not-allowed"> | { kind: "read"; draft: CriteriaDraft }> {
  if (!mayImportSets(principal)) return { kind: "not-allowed" };
  const draft = await readCriteriaFile(request.fileName, request.bytes, {
    province: request.province,
    year: request.year,
  });
  return { kind: "read", draft };
}

const sameCriteria = (a: CriteriaSet["criteria"], b: CriteriaSet["criteria"]) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads a province's criteria set and stores it as the next version for its
 * province and year, unless the latest version has the same criteria.
 * Throws ImportError (Vietnamese, naming the file) for a document that is no criteria table.
 */
export async function importCriteriaSet(
  db: Database,
  principal: Principal,
  request: CriteriaSetRequest,
): Promise<CriteriaSetResult> {
  const read = await readCriteriaSet(principal, request);
  if (read.kind !== "read" || request.dryRun) return read;
  const { draft } = read;
  const fileSha256 = createHash("sha256").update(request.bytes).digest("hex");
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(parSets)
      .where(and(eq(parSets.province, request.province), eq(parSets.year, request.year)))
      .orderBy(desc(parSets.version))
      .limit(1)
      .for("update");
    if (latest && sameCriteria(latest.criteria, draft.criteria)) {
      return { kind: "stored", draft, setId: latest.id, version: latest.version, unchanged: true };
    }
    const version = (latest?.version ?? 0) + 1;
    const [created] = await tx
      .insert(parSets)
      .values({
        province: request.province,
        year: request.year,
        version,
        title: draft.set.title,
        source: draft.set.source,
        fileName: request.fileName,
        fileSha256,
        criteria: draft.criteria,
      })
      .returning({ id: parSets.id });
    return { kind: "stored", draft, setId: (created as { id: string }).id, version, unchanged: false };
  });
}

/** The set as `par import --json` prints it: exactly the set's header and its criteria tree. */
export function criteriaSetJson(draft: CriteriaDraft): CriteriaSet {
  return { set: draft.set, criteria: draft.criteria };
}
