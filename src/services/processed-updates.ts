/** Once-only processing of platform updates (Telegram's, later Zalo's), whichever way they arrive. */
import { lt } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { processedUpdates } from "../../db/schema.js";

export type UpdateChannel = "telegram" | "zalo";

/** How long an update id is remembered: Telegram gives up redelivering within a day. */
const REMEMBER_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Records that `updateId` of `channel` is being processed. True the first time;
 * false when it was already claimed (a redelivery), so the caller skips it.
 */
export async function claimUpdate(db: Database, channel: UpdateChannel, updateId: number, now: Date): Promise<boolean> {
  const inserted = await db
    .insert(processedUpdates)
    .values({ channel, updateId, receivedAt: now })
    .onConflictDoNothing()
    .returning({ updateId: processedUpdates.updateId });
  // Prune now and then instead of on a timer: the table stays small without another job.
  if (inserted.length > 0 && updateId % 500 === 0) {
    await db.delete(processedUpdates).where(lt(processedUpdates.receivedAt, new Date(now.getTime() - REMEMBER_FOR_MS)));
  }
  return inserted.length > 0;
}
