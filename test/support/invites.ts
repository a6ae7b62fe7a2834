import type { Database } from "../../db/client.js";
import { OPERATOR } from "../../src/services/access.js";
import { type CreatedInvite, createInvite, redeemInvite } from "../../src/services/people/invites.js";
import { findViewer, type Viewer } from "../../src/services/people/viewer.js";

/** An invite made by the operator, as the CLI makes them; a refusal fails the test that asked. */
export async function operatorInvite(
  db: Database,
  request: Parameters<typeof createInvite>[2],
): Promise<CreatedInvite> {
  const invite = await createInvite(db, OPERATOR, request);
  if (invite.kind !== "created") throw new Error(`invite refused: ${invite.kind}`);
  return invite;
}

/** A person who joined by an operator's invite with Telegram id `userId` (also their chat), as the bot's viewer. */
export async function joinAs(
  db: Database,
  request: { userId: number; role: "member" | "coordinator"; organizationId: string; unit?: string; now: Date },
): Promise<Viewer> {
  const invite = await operatorInvite(db, {
    organizationId: request.organizationId,
    role: request.role,
    unitName: request.unit ?? null,
    fullName: `Người ${request.userId}`,
    now: request.now,
  });
  await redeemInvite(db, {
    code: invite.code,
    telegramUserId: request.userId,
    chatId: request.userId,
    fullName: "x",
    now: request.now,
  });
  const viewer = await findViewer(db, request.userId);
  if (!viewer) throw new Error(`person ${request.userId} did not join`);
  return viewer;
}
