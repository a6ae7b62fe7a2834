/** `--source <plan id or number>` of `export` and `report`: the one document a report is made for. */
import type { Database } from "../../db/client.js";
import { unitNameKey } from "../domain/units/index.js";
import { OPERATOR } from "../services/access.js";
import { findSourceDocument } from "../services/plans/register.js";
import { refusalError } from "./refusals.js";
import { UsageError } from "./usage-error.js";

/** The plan id `--source` names in `org`; a usage error saying why when it names none or two. */
export async function sourcePlanId(db: Database, org: string, source: string): Promise<string> {
  const found = await findSourceDocument(db, OPERATOR, org, source);
  if (found.kind === "ok") return found.planId;
  if (found.kind === "unknown-source") {
    throw new UsageError(`--source "${source}": không có văn bản nào có số hoặc mã này trong tổ chức "${org}"`);
  }
  if (found.kind === "ambiguous") {
    throw new UsageError(`--source "${source}": nhiều văn bản cùng số này, hãy dùng mã: ${found.planIds.join(", ")}`);
  }
  throw refusalError(`tổ chức "${org}"`, found.kind);
}

/** "25/TB-UBND" as a file name's part: "25-tb-ubnd". */
export function sourceSlug(source: string): string {
  return unitNameKey(source).replace(/ /g, "-").slice(0, 40);
}
