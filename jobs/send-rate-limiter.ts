import type { RedisConnection } from "./queues.js";

import { inTurnOrder, type SendRateLimiter, TURN_EARLY_TOLERANCE_MS } from "../src/services/delivery/rate-limiter.js";

export type { SendRateLimiter };

// Returns 0 when the caller may send now (and records the send), else the milliseconds to wait. Turns are
// paced by nextTurnDue (rate-limiter.ts, why there), applied here inside Redis: KEYS[4] holds when the next
// turn is due, ARGV[6] is how early it may come, ARGV[7] how late it may be and keep the schedule. The
// sliding window (KEYS[2]) stays as the hard bound of perSecond in any second.
const TAKE_TURN = `
local pause = redis.call('PTTL', KEYS[1])
if pause > 0 then return pause end
local chat = redis.call('PTTL', KEYS[3])
if chat > 0 then return chat end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[5])
local nextAt = tonumber(redis.call('GET', KEYS[4]) or '0')
if nextAt - now > tonumber(ARGV[6]) then return math.max(1, math.ceil(nextAt - now - tonumber(ARGV[6]))) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], 0, now - tonumber(ARGV[3]))
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + tonumber(ARGV[3]) - now)
end
redis.call('ZADD', KEYS[2], now, ARGV[4])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[3]) * 2)
redis.call('SET', KEYS[3], 1, 'PX', tonumber(ARGV[2]))
local dueAt = nextAt
if now - nextAt >= tonumber(ARGV[7]) then dueAt = now end
redis.call('SET', KEYS[4], tostring(dueAt + interval), 'PX', 2000)
return 0
`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The limiter shared through Redis: every worker process asks Redis for its turn. */
export function createSendRateLimiter(
  redis: RedisConnection,
  options: { prefix: string; perSecond: number; perChatIntervalMs: number; channel?: "telegram" | "zalo" | "email" },
): SendRateLimiter {
  let sequence = 0;
  const channel = options.channel ?? "telegram";
  const pauseKey = `${options.prefix}:${channel}:pause`;
  const windowKey = `${options.prefix}:${channel}:window`;
  const paceKey = `${options.prefix}:${channel}:next`;
  // A lane per 40 messages a second: a Redis round trip per turn must not cap a fast channel.
  return inTurnOrder(
    {
      async waitForTurn(chatId) {
        for (;;) {
          const member = `${process.pid}-${Date.now()}-${sequence++}`;
          const wait = (await redis.eval(
            TAKE_TURN,
            4,
            pauseKey,
            windowKey,
            `${options.prefix}:${channel}:chat:${chatId}`,
            paceKey,
            options.perSecond,
            options.perChatIntervalMs,
            1000,
            member,
            1000 / options.perSecond,
            TURN_EARLY_TOLERANCE_MS,
            // nextTurnDue keeps the schedule for a turn less than half an interval late.
            1000 / options.perSecond / 2,
          )) as number;
          if (wait <= 0) return;
          await sleep(Math.min(wait, 5000));
        }
      },
      async pauseAll(ms) {
        await redis.set(pauseKey, "1", "PX", Math.max(1, Math.round(ms)));
      },
    },
    Math.max(4, Math.ceil(options.perSecond / 40)),
  );
}
