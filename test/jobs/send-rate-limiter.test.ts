import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createSendRateLimiter } from "../../jobs/send-rate-limiter.js";
import type { SendRateLimiter } from "../../src/services/delivery/rate-limiter.js";
import { newQueuePrefix, removeQueueKeys, testRedisUrl } from "../support/queues.js";

const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await removeQueueKeys(prefix, redis);
  await redis.quit();
});

/** The milliseconds from the first granted turn to the last, `count` senders asking at once for distinct chats. */
async function spanOfTurns(limiter: SendRateLimiter, count: number): Promise<number> {
  const grantedAt: number[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) => limiter.waitForTurn(`chat-${i}`, 0).then(() => grantedAt.push(Date.now()))),
  );
  return Math.max(...grantedAt) - Math.min(...grantedAt);
}

// Lower bounds only: a slow machine makes turns later, never sooner, so these cannot fail for load.
describe.each([
  [
    "Redis",
    (perSecond: number) => {
      const prefix = newQueuePrefix();
      prefixes.push(prefix);
      return createSendRateLimiter(redis, { prefix, perSecond, perChatIntervalMs: 1000 });
    },
  ],
  ["in-memory", (perSecond: number) => createMemoryRateLimiter({ perSecond, perChatIntervalMs: 1000 })],
])("%s send limiter", (_name, limiterAt) => {
  it("spreads turns over the second instead of granting the window in one burst", async () => {
    // 10 a second: the 10 turns of a fresh window are paced 100 ms apart (a pair at most), not granted at once.
    const span = await spanOfTurns(limiterAt(10), 10);
    expect(span).toBeGreaterThanOrEqual(780);
  });

  it("never grants more than perSecond turns within one second", async () => {
    const limiter = limiterAt(20);
    const grantedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => limiter.waitForTurn(`c${i}`).then(() => grantedAt.push(Date.now()))),
    );
    grantedAt.sort((a, b) => a - b);
    // The 21st turn comes at least a second after the first.
    expect((grantedAt[20] as number) - (grantedAt[0] as number)).toBeGreaterThanOrEqual(950);
  });

  it("after a pause resumes at the pace, not with a burst of what the pause held back", async () => {
    const limiter = limiterAt(10);
    await limiter.pauseAll(300);
    const span = await spanOfTurns(limiter, 6);
    expect(span).toBeGreaterThanOrEqual(380);
  });

  it("holds a chat to one message per interval", async () => {
    const limiter = limiterAt(100);
    const started = Date.now();
    await limiter.waitForTurn("same");
    await limiter.waitForTurn("same");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});
