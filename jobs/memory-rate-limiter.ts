import {
  inTurnOrder,
  nextTurnDue,
  type SendRateLimiter,
  TURN_EARLY_TOLERANCE_MS,
} from "../src/services/delivery/rate-limiter.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The same limits and pace as the Redis limiter, for one process with no Redis (embedded mode). */
export function createMemoryRateLimiter(options: { perSecond: number; perChatIntervalMs: number }): SendRateLimiter {
  const recent: number[] = [];
  const lastByChat = new Map<number | string, number>();
  let pausedUntil = 0;
  let nextDueAt = 0;
  const interval = 1000 / options.perSecond;
  return inTurnOrder({
    async waitForTurn(chatId) {
      for (;;) {
        const now = Date.now();
        while (recent.length > 0 && (recent[0] as number) <= now - 1000) recent.shift();
        const waits = [
          pausedUntil - now,
          (lastByChat.get(chatId) ?? -Infinity) + options.perChatIntervalMs - now,
          recent.length >= options.perSecond ? (recent[0] as number) + 1000 - now : 0,
          nextDueAt - TURN_EARLY_TOLERANCE_MS - now,
        ];
        const wait = Math.max(...waits);
        if (wait <= 0) {
          recent.push(now);
          lastByChat.set(chatId, now);
          nextDueAt = nextTurnDue(nextDueAt, now, interval);
          return;
        }
        await sleep(Math.min(wait, 5000));
      }
    },
    pauseAll(ms) {
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
      return Promise.resolve();
    },
  });
}
