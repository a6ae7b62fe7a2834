import type { RedisConnection } from "./queues.js";
import type { SentMarkers } from "../src/services/delivery/sent-markers.js";

/** Long enough to outlive any database outage the sender waits out, short enough to clean itself up. */
const MARKER_SECONDS = 3 * 24 * 60 * 60;

/** Sent markers in Redis under the queue prefix, one key per delivery (why: src/services/delivery/sent-markers.ts). */
export function createRedisSentMarkers(connection: RedisConnection, prefix: string): SentMarkers {
  const key = (deliveryId: string) => `${prefix}:sent:${deliveryId}`;
  return {
    async mark(deliveryIds, messageId) {
      const pipeline = connection.multi();
      for (const id of deliveryIds) pipeline.set(key(id), String(messageId), "EX", MARKER_SECONDS);
      await pipeline.exec();
    },
    async find(deliveryIds) {
      const found = new Map<string, number>();
      if (deliveryIds.length === 0) return found;
      const values = await connection.mget(deliveryIds.map(key));
      values.forEach((value, i) => {
        if (value !== null) found.set(deliveryIds[i] as string, Number(value));
      });
      return found;
    },
  };
}
