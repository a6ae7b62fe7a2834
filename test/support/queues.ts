/** Redis hygiene for integration tests: each test runs under its own key prefix and removes it afterwards. */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A BullMQ key prefix no other test or run uses. */
export const newQueuePrefix = () => `nhacviec-test-${randomBytes(4).toString("hex")}`;

/**
 * Deletes every key under `prefix` (BullMQ's queues, job schedulers and the
 * send limiter's keys all live there), so a finished test leaves nothing in
 * Redis. Takes an open connection or a URL. Returns how many keys it removed.
 */
export async function removeQueueKeys(prefix: string, redis: Redis | string = testRedisUrl): Promise<number> {
  const connection = typeof redis === "string" ? new Redis(redis, { maxRetriesPerRequest: null }) : redis;
  let removed = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await connection.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) removed += await connection.del(...keys);
    } while (cursor !== "0");
  } finally {
    if (typeof redis === "string") await connection.quit();
  }
  return removed;
}

/** How many keys are left under `prefix`. */
export async function countQueueKeys(prefix: string, redisUrl = testRedisUrl): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    let count = 0;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      count += keys.length;
    } while (cursor !== "0");
    return count;
  } finally {
    await redis.quit();
  }
}
