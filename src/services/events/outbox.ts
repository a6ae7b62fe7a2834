/**
 * The transactional outbox. A use case records its event with `recordEvent`
 * inside the transaction that makes the change, so the event exists exactly
 * when the change does. The processor claims unhandled rows one at a time
 * (a claim older than `staleClaimSeconds` belonged to a worker that died) and
 * marks each handled when its notices are out.
 */
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/client.js";
import { domainEvents } from "../../../db/schema.js";
import { type DomainEvent, isDomainEventType } from "../../domain/notifications/index.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Writes `event` beside the change it describes: pass the change's transaction. */
export async function recordEvent(
  tx: Tx | Database,
  organizationId: string,
  event: DomainEvent,
  occurredAt: Date,
): Promise<void> {
  const { type, ...payload } = event;
  await tx.insert(domainEvents).values({ organizationId, type, payload, occurredAt });
}

export interface StoredEvent {
  id: string;
  organizationId: string;
  occurredAt: Date;
  attempts: number;
  event: DomainEvent;
}

/** An outbox row whose type this version does not know: kept, marked handled with the reason. */
export class UnknownEventError extends Error {
  override readonly name = "UnknownEventError";
}

/**
 * Takes the oldest unhandled event nobody holds (or whose holder's claim went
 * stale), in one statement: two workers never take the same row.
 */
export async function claimNextEvent(db: Database, now: Date, staleClaimSeconds: number): Promise<StoredEvent | null> {
  const staleBefore = new Date(now.getTime() - staleClaimSeconds * 1000);
  const [row] = await queryRows<{
    id: string;
    organization_id: string;
    type: string;
    payload: Record<string, unknown>;
    occurred_at: Date | string;
    attempts: number;
  }>(
    db,
    sql`
    update domain_events set claimed_at = ${now.toISOString()}::timestamptz, attempts = attempts + 1
    where id = (
      select id from domain_events
      where handled_at is null
        and (claimed_at is null or claimed_at < ${staleBefore.toISOString()}::timestamptz)
      order by created_at
      limit 1
      for update skip locked)
    returning id, organization_id, type, payload, occurred_at, attempts`,
  );
  if (!row) return null;
  if (!isDomainEventType(row.type)) {
    await markHandled(db, row.id, now, new UnknownEventError(`unknown event type ${row.type}`));
    return claimNextEvent(db, now, staleClaimSeconds);
  }
  return {
    id: row.id,
    organizationId: row.organization_id,
    occurredAt: new Date(row.occurred_at),
    attempts: row.attempts,
    event: { type: row.type, ...row.payload } as DomainEvent,
  };
}

/** The event's notices are out (or it failed for good, `error` says why). */
export async function markHandled(db: Database, eventId: string, now: Date, error?: Error): Promise<void> {
  await db.execute(
    sql`update domain_events set handled_at = ${now.toISOString()}::timestamptz, last_error = ${error?.message ?? null}
        where id = ${eventId}`,
  );
}

/** The holder is alive and still at it: its claim does not go stale. */
export async function renewClaim(db: Database, eventId: string, now: Date): Promise<void> {
  await db.execute(sql`update domain_events set claimed_at = ${now.toISOString()}::timestamptz where id = ${eventId}`);
}

/**
 * Handling failed this time: the claim is let go so that it goes stale at
 * `retryAt`, when a pass takes the event again (a Telegram outage is waited
 * out, not hammered).
 */
export async function releaseEvent(
  db: Database,
  eventId: string,
  error: Error,
  retryAt: Date,
  staleClaimSeconds: number,
): Promise<void> {
  const claimedAt = new Date(retryAt.getTime() - staleClaimSeconds * 1000);
  await db.execute(
    sql`update domain_events set claimed_at = ${claimedAt.toISOString()}::timestamptz, last_error = ${error.message}
        where id = ${eventId}`,
  );
}

/** How many events wait (for tests and the demo's settle). */
export async function unhandledEventCount(db: Database): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from domain_events where handled_at is null`,
  );
  return row?.count ?? 0;
}
