/**
 * Keeps this process's claims on deliveries fresh while it holds them.
 *
 * Why: a delivery is claimed just before its send and released or recorded
 * after it. A claim nobody renews for `staleClaimSeconds` belonged to a
 * process that died (SIGKILL, a lost machine); the next dispatch (the job
 * BullMQ hands over from the dead worker, within about 25 s) gives it back to
 * be sent. A live sender may hold a claim far longer than that threshold (a
 * Bot API answering after 60 s, a long limiter wait), so it renews its claims
 * every third of the threshold: only a dead process's claims go stale, and
 * the threshold can be short (30 s by default) without resending live work.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import type { Logger } from "../../logger.js";

export interface ClaimHeartbeat {
  /** These deliveries are claimed by this process from now on. */
  hold(ids: string[]): void;
  /** These deliveries are recorded (or released): no longer renewed. */
  letGo(ids: string[]): void;
  stop(): void;
}

/** Claims older than this with no renewal are a dead process's (STALE_CLAIM_SECONDS). */
export const DEFAULT_STALE_CLAIM_SECONDS = 30;

export function startClaimHeartbeat(
  db: Database,
  logger: Logger,
  staleClaimSeconds = DEFAULT_STALE_CLAIM_SECONDS,
): ClaimHeartbeat {
  const held = new Set<string>();
  let renewing = false;
  const renew = async (): Promise<void> => {
    const ids = [...held];
    for (let i = 0; i < ids.length; i += 1000) {
      await db.execute(sql`
        update reminder_deliveries set claimed_at = now()
        where state = 'sending' and id in (${sql.join(
          ids.slice(i, i + 1000).map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`);
    }
  };
  const timer = setInterval(
    () => {
      if (renewing || held.size === 0) return;
      renewing = true;
      void renew()
        .catch((error: unknown) => logger.warn({ err: error, claims: held.size }, "could not renew delivery claims"))
        .finally(() => {
          renewing = false;
        });
    },
    Math.max(200, (staleClaimSeconds * 1000) / 3),
  );
  timer.unref();
  return {
    hold(ids) {
      for (const id of ids) held.add(id);
    },
    letGo(ids) {
      for (const id of ids) held.delete(id);
    },
    stop() {
      clearInterval(timer);
      held.clear();
    },
  };
}
