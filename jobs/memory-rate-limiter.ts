import { inTurnOrder, type SendRateLimiter } from "../src/services/delivery/rate-limiter.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The same limits as the Redis limiter, for one process with no Redis (embedded mode). */
export function createMemoryRateLimiter(options: { perSecond: number; perChatIntervalMs: number }): SendRateLimiter {
  const recent: number[] = [];
  const lastByChat = new Map<number | string, number>();
  let pausedUntil = 0;
  return inTurnOrder({
    async waitForTurn(chatId) {
      for (;;) {
        const now = Date.now();
        while (recent.length > 0 && (recent[0] as number) <= now - 1000) recent.shift();
        const waits = [
          pausedUntil - now,
          (lastByChat.get(chatId) ?? -Infinity) + options.perChatIntervalMs - now,
          recent.length >= options.perSecond ? (recent[0] as number) + 1000 - now : 0,
        ];
        const wait = Math.max(...waits);
        if (wait <= 0) {
          recent.push(now);
          lastByChat.set(chatId, now);
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
