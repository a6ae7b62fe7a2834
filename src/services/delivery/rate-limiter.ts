/**
 * Telegram allows about 30 messages a second per bot and one a second per chat.
 * Every sender (the worker's dispatcher, the weekly sends, the bot's
 * notifications) waits for its turn here, so the limits hold for all of them
 * together; a 429 pauses everyone for Telegram's retry_after. The Redis and
 * in-memory implementations live in jobs/. Each channel has a limiter of its
 * own: a 429 from Zalo never holds up Telegram.
 */
export interface SendRateLimiter {
  /** Resolves when this chat may get its next message. */
  waitForTurn(chatId: number | string): Promise<void>;
  /** Stops every sender for `ms` (Telegram answered 429). */
  pauseAll(ms: number): Promise<void>;
}

/**
 * The limiter taken in the order its turns were asked for within this process:
 * a few senders at a time ask, the others wait in line. Why: each sender used to
 * poll for itself and whichever woke first won, so the order a dispatch hands
 * its messages out in (the organizations in turns) was lost, and dozens of
 * senders polled Redis at once. A chat's own interval (one message a second)
 * holds the line while it lasts; a dispatch sends each chat one message, so
 * that wait is rare.
 */
export function inTurnOrder(limiter: SendRateLimiter, abreast = 4): SendRateLimiter {
  // A few ask abreast, so one Redis round trip per turn does not cap a fast channel's rate.
  const lanes: Array<Promise<void>> = Array.from({ length: abreast }, () => Promise.resolve());
  let nextLane = 0;
  return {
    waitForTurn(chatId) {
      const lane = nextLane;
      nextLane = (nextLane + 1) % abreast;
      const turn = (lanes[lane] as Promise<void>).then(() => limiter.waitForTurn(chatId));
      lanes[lane] = turn.catch(() => {});
      return turn;
    },
    pauseAll: (ms) => limiter.pauseAll(ms),
  };
}
