import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "../../../db/client.js";
import { reminderDeliveries } from "../../../db/schema.js";
import {
  organizationsWithMilestones,
  pendingSlots,
  type SendSlot,
  syncReminders,
} from "../reminders/sync-reminders.js";
import { DEFAULT_STALE_CLAIM_SECONDS } from "./claim-heartbeat.js";
import { groupByMessage } from "./send-group.js";
import type { SentMarkers } from "./sent-markers.js";
import { pendingWeeklySlots, type WeeklySlot } from "./weekly-sends.js";

/**
 * Organizations planned at once: most of an organization's planning is
 * waiting for Postgres, and the rest of the pool is left to the sends that
 * start alongside it.
 */
const PLANNING_PARALLEL = 2;

/**
 * Plans what every organization's milestones need from `now` on (the database
 * is the source of truth), a few organizations at a time: a hundred of them
 * one after another took 15 s on a busy 2-core machine.
 */
export async function planAllReminders(db: Database, now: Date): Promise<void> {
  const waiting = await organizationsWithMilestones(db);
  const planNext = async (): Promise<void> => {
    for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) await syncReminders(db, next, now);
  };
  await Promise.all(Array.from({ length: PLANNING_PARALLEL }, planNext));
}

/**
 * Gives back deliveries a crashed worker had claimed, so another sends them;
 * those its sent marker says went out (the worker died, or Postgres failed,
 * between the send and its record) are recorded as sent instead.
 */
export async function releaseStaleClaims(
  db: Database,
  staleClaimSeconds = DEFAULT_STALE_CLAIM_SECONDS,
  sentMarkers?: SentMarkers,
): Promise<void> {
  const stale = await queryRows<{ id: string }>(
    db,
    sql`select id from reminder_deliveries
    where state = 'sending' and claimed_at < now() - make_interval(secs => ${staleClaimSeconds})`,
  );
  if (stale.length === 0) return;
  const marked = sentMarkers ? await sentMarkers.find(stale.map((row) => row.id)) : new Map<string, number>();
  for (const [messageId, ids] of groupByMessage(marked)) {
    await db
      .update(reminderDeliveries)
      .set({ state: "sent", sentAt: new Date(), telegramMessageId: messageId, claimedAt: null })
      .where(and(inArray(reminderDeliveries.id, ids), eq(reminderDeliveries.state, "sending")));
  }
  const release = stale.map((row) => row.id).filter((id) => !marked.has(id));
  // Still 'sending' and still stale: a claim renewed meanwhile is not taken away.
  for (let i = 0; i < release.length; i += 1000) {
    await db.execute(sql`
      update reminder_deliveries set state = 'pending', claimed_at = null
      where id in ${sql`(${sql.join(
        release.slice(i, i + 1000).map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`} and state = 'sending' and claimed_at < now() - make_interval(secs => ${staleClaimSeconds})`);
  }
}

/** Organizations with something to send by `now`: due rows not sent yet, or deliveries left pending. */
export async function organizationsWithDueSends(db: Database, now: Date): Promise<string[]> {
  const rows = await queryRows<{ organization_id: string }>(
    db,
    sql`
    select distinct organization_id from reminders
    where state in ('planned', 'sending') and fire_at <= ${now.toISOString()}::timestamptz
    union select distinct organization_id from reminder_deliveries where state = 'pending'`,
  );
  return rows.map((row) => row.organization_id);
}

/** What the timers must wake up for after a reconcile pass. */
export interface ReconcileResult {
  /** Slots of planned rows still ahead. */
  futureSlots: SendSlot[];
  /** Organizations with something past due and unsent: dispatch them now. */
  dueNow: string[];
  /** Weekly digest and needs-date sends still ahead (or due now) per organization. */
  weekly: WeeklySlot[];
}

/**
 * The reconcile pass: plans what milestones need, releases stale claims, and
 * says what to wake up for, so a flushed Redis or a killed worker loses
 * nothing. The BullMQ worker turns the answer into jobs; the embedded timer
 * needs only the first two steps.
 */
export async function reconcilePass(deps: {
  db: Database;
  now: () => Date;
  staleClaimSeconds?: number;
  sentMarkers?: SentMarkers;
}): Promise<ReconcileResult> {
  const now = deps.now();
  await planAllReminders(deps.db, now);
  await releaseStaleClaims(deps.db, deps.staleClaimSeconds, deps.sentMarkers);
  const slots = await pendingSlots(deps.db);
  const dueNow = new Set(slots.filter((slot) => slot.fireAt.getTime() <= now.getTime()).map((s) => s.organizationId));
  const stuck = await queryRows<{ organization_id: string }>(
    deps.db,
    sql`select distinct organization_id from reminder_deliveries where state = 'pending'`,
  );
  for (const row of stuck) dueNow.add(row.organization_id);
  return {
    futureSlots: slots.filter((slot) => slot.fireAt.getTime() > now.getTime()),
    dueNow: [...dueNow],
    weekly: await pendingWeeklySlots(deps, now),
  };
}
