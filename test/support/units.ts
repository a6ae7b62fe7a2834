import type { Database } from "../../db/client.js";
import { OPERATOR } from "../../src/services/access.js";
import { listUnits, type UnitListing } from "../../src/services/units.js";

/** An organization's live units as the command line lists them; a refusal fails the test. */
export async function unitsOf(db: Database, organizationSlug: string): Promise<UnitListing[]> {
  const listed = await listUnits(db, OPERATOR, organizationSlug);
  if (listed.kind !== "ok") throw new Error(`units of ${organizationSlug}: ${listed.kind}`);
  return listed.units;
}
