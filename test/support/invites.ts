import type { Database } from "../../db/client.js";
import { OPERATOR } from "../../src/services/access.js";
import { type CreatedInvite, createInvite } from "../../src/services/people/invites.js";

/** An invite made by the operator, as the CLI makes them; a refusal fails the test that asked. */
export async function operatorInvite(
  db: Database,
  request: Parameters<typeof createInvite>[2],
): Promise<CreatedInvite> {
  const invite = await createInvite(db, OPERATOR, request);
  if (invite.kind !== "created") throw new Error(`invite refused: ${invite.kind}`);
  return invite;
}
