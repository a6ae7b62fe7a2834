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
 * The windows left, as narrow as the channels allow (neither Telegram's
 * sendMessage nor Zalo's takes an idempotency key, and neither can be asked
 * whether a message went):
 * - A worker killed while a request is on the wire (sent, not answered) or
 *   between the answer and the marker write (one Redis round trip): nothing
 *   says the message went, the claim goes stale (30 s without its heartbeat,
 *   claim-heartbeat.ts) and the delivery is sent again. At most the sends in
 *   flight at the kill (bounded by the dispatch's parallel sends, 64), in
 *   practice the few whose request was on the wire: rate × round trip.
 * - The marker write fails (Redis is down too) and the database stays
 *   unreachable until the sender gives up or dies: one duplicate, needing
 *   both stores down at once.
 * A lost reminder would be worse than such a duplicate, so the release still
 * happens. A send that got no answer from a live worker (a timeout) is the
 * opposite case: it is recorded as not known to have arrived, never resent.
 */
export interface SentMarkers {
  /** Notes that these deliveries went out as `messageId`. */
  mark(deliveryIds: string[], messageId: number): Promise<void>;
  /** The message id of each of these deliveries that is marked as sent. */
  find(deliveryIds: string[]): Promise<Map<string, number>>;
}
