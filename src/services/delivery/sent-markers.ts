/**
 * A note, kept outside Postgres, that a delivery went out and as which message.
 *
 * Why: a message is sent, then recorded in Postgres. When Postgres is
 * restarting at that moment the record fails, and whoever picks the delivery
 * up again (the job's retry, a stale-claim release) would send it a second
 * time. So the sender writes this marker right after the platform accepted the
 * message and before the database update; every path that is about to send a
 * claimed or released delivery reads it first and records a marked delivery as
 * sent instead of sending it. The Redis implementation keeps a marker a few
 * days (far longer than any Postgres outage we wait out); the in-memory one is
 * for the embedded mode, where one process owns the database and the timer
 * (see jobs/memory-sent-markers.ts).
 *
 * The window left: the marker write itself fails (Redis is down too) and the
 * database stays unreachable until the sender gives up or dies. Then nothing
 * outside the platform knows the message went, and a later stale-claim release
 * sends it again: one duplicate, needing both stores down at once. A lost
 * reminder would be worse than that duplicate, so the release still happens.
 */
export interface SentMarkers {
  /** Notes that these deliveries went out as `messageId`. */
  mark(deliveryIds: string[], messageId: number): Promise<void>;
  /** The message id of each of these deliveries that is marked as sent. */
  find(deliveryIds: string[]): Promise<Map<string, number>>;
}
